package io.gopm.daemon.supervision;

/**
 * The read buffer of one output pump, sized by how busy its stream is. A quiet child (most of
 * them) keeps {@link #MIN} bytes; a stream whose reads fill the buffer doubles it up to {@link
 * #MAX}, where reading a flood costs fewest system calls; once reads come back small it halves
 * again. A thousand idle children so cost 16 KiB each instead of a fixed large buffer per stream
 * (the daemon ran out of heap at ~560 children that way: docs/adr/0020).
 *
 * <p>Used by its pump thread only.
 */
final class PumpBuffer {

  /** The size of a quiet stream's buffer: the JDK's own pipe buffer, so reads bypass it. */
  static final int MIN = 8 * 1024;

  /** The size a flooding stream grows to. */
  static final int MAX = 64 * 1024;

  private byte[] bytes = new byte[MIN];

  /** The array to read into next. */
  byte[] bytes() {
    return bytes;
  }

  /** Adapts the size to a read of {@code count} bytes (after those bytes have been consumed). */
  void adapt(int count) {
    int size = bytes.length;
    if (count == size && size < MAX) {
      bytes = new byte[size * 2];
    } else if (count <= size / 8 && size > MIN) {
      bytes = new byte[size / 2];
    }
  }
}
