package io.gopm.protocol.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited frames (one JSON document per line) from a stream, refusing any frame
 * longer than a limit so a client cannot make the reader buffer without bound.
 *
 * <p>Not thread-safe: one reader per connection, used by one thread.
 */
public final class FrameReader {

  /** The largest frame the daemon accepts by default: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

  private final InputStream in;
  private final int maxFrame;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  public FrameReader(InputStream in, int maxFrame) {
    this.in = in;
    this.maxFrame = maxFrame;
  }

  /**
   * The next frame without its newline (a trailing {@code \r} is dropped too), or null at the end
   * of the stream. A final line without newline is returned as a frame.
   *
   * @throws FrameTooLargeException when a frame exceeds the limit; the stream is then unusable
   */
  public byte[] next() throws IOException {
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
  }
}
