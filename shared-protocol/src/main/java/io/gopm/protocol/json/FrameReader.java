package io.gopm.protocol.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited frames (one JSON document per line) from a stream, refusing any frame
 * longer than a limit so a client cannot make the reader buffer without bound. A reader may also
 * share a {@link FrameBudget} with others: the bytes of its large frames are then taken from it,
 * so that many connections sending large frames at once cannot exhaust the heap together.
 *
 * <p>Not thread-safe: one reader per connection, used by one thread.
 */
public final class FrameReader {

  /** The largest frame the daemon accepts by default: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

  private final InputStream in;
  private final int maxFrame;
  private final FrameBudget budget;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private long held; // bytes of the current frame taken from the budget

  public FrameReader(InputStream in, int maxFrame) {
    this(in, maxFrame, null);
  }

  /** A reader whose large frames take their bytes from {@code budget} (null: no shared budget). */
  public FrameReader(InputStream in, int maxFrame, FrameBudget budget) {
    this.in = in;
    this.maxFrame = maxFrame;
    this.budget = budget;
  }

  /** Gives back what the last frame took from the budget; call when the reader is done with. */
  public void release() {
    if (held > 0) {
      budget.give(held);
      held = 0;
    }
  }

  /**
   * The next frame without its newline (a trailing {@code \r} is dropped too), or null at the end
   * of the stream. A final line without newline is returned as a frame.
   *
   * <p>The budget taken by the previous frame is given back first: a caller holds a frame's
   * bytes until it asks for the next one (or calls {@link #release()}).
   *
   * @throws FrameTooLargeException when a frame exceeds the limit, or the shared budget has no
   *     room left for it; the stream is then unusable
   */
  public byte[] next() throws IOException {
    release();
    ByteArrayOutputStream frame = null;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return frame == null || frame.size() == 0 ? null : trimCarriageReturn(frame.toByteArray());
        }
      }
      int newline = indexOfNewline();
      int end = newline >= 0 ? newline : limit;
      int length = end - position;
      int buffered = frame == null ? 0 : frame.size();
      if (buffered + length > maxFrame) {
        throw new FrameTooLargeException(maxFrame);
      }
      reserve(buffered + length);
      if (newline >= 0 && frame == null) {
        byte[] line = java.util.Arrays.copyOfRange(buffer, position, end);
        position = end + 1;
        return trimCarriageReturn(line);
      }
      if (frame == null) {
        frame = new ByteArrayOutputStream(Math.max(256, length * 2));
      }
      frame.write(buffer, position, length);
      position = newline >= 0 ? end + 1 : end;
      if (newline >= 0) {
        return trimCarriageReturn(frame.toByteArray());
      }
    }
  }

  /** Takes from the budget what a frame of {@code size} bytes needs beyond what it holds. */
  private void reserve(long size) throws FrameTooLargeException {
    if (budget == null || size <= FrameBudget.SMALL_FRAME || size <= held) {
      return;
    }
    // grow in steps (fewer takes), never past the frame limit; size <= maxFrame was checked
    long more = Math.min(Math.max(size, held + FrameBudget.STEP), maxFrame) - held;
    if (!budget.take(more)) {
      release(); // the stream is unusable now: give back what this frame took so far
      throw new FrameTooLargeException(
          "request refused: other connections are sending large requests (at most "
              + FrameBudget.mib(budget.capacity()) + " MiB at once); try again");
    }
    held += more;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] trimCarriageReturn(byte[] line) {
    if (line.length > 0 && line[line.length - 1] == '\r') {
      return java.util.Arrays.copyOf(line, line.length - 1);
    }
    return line;
  }

  /** A frame exceeded the reader's limit. */
  public static final class FrameTooLargeException extends IOException {
    public FrameTooLargeException(int limit) {
      super("request larger than " + (limit / (1024 * 1024)) + " MiB refused");
    }

    FrameTooLargeException(String message) {
      super(message);
    }
  }
}
