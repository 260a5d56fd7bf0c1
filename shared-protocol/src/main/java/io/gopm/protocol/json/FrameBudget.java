package io.gopm.protocol.json;

/**
 * The bytes that every connection's large frames may hold at once, shared by the daemon's {@link
 * FrameReader}s. One frame at the size limit fits; several large frames at once are refused past
 * the budget, so that a client opening many connections cannot run the daemon's small heap out of
 * memory (docs/adr/0018). Frames of up to {@link #SMALL_FRAME} bytes never touch the budget.
 *
 * <p>Thread-safe.
 */
public final class FrameBudget {

  /** Frames up to this size are free: every request GoPM's own clients send is smaller. */
  public static final int SMALL_FRAME = 64 * 1024;

  /** A growing frame takes at least this much more at a time. */
  static final int STEP = 1024 * 1024;

  private final long capacity;
  private long used; // guarded by this

  public FrameBudget(long capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  public long capacity() {
    return capacity;
  }

  /** Takes {@code bytes} if they fit; false (taking nothing) when they do not. */
  synchronized boolean take(long bytes) {
    if (used + bytes > capacity) {
      return false;
    }
    used += bytes;
    return true;
  }

  synchronized void give(long bytes) {
    used = Math.max(0, used - bytes);
  }

  /** The bytes taken now (for tests). */
  public synchronized long used() {
    return used;
  }

  static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }
}
