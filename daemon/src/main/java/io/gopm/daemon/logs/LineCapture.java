package io.gopm.daemon.logs;

import io.gopm.daemon.supervision.OutputSink;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The sink of one child output stream: splits the bytes into lines, prefixes each complete line
 * with its timestamp, writes them to the stream's {@link RotatingLogWriter} in batches and hands
 * them to followers. A partial line waits for its newline; it is written when the stream ends, or
 * when it grows past {@link #MAX_LINE} (then it is cut).
 *
 * <p>Used by one thread at a time: the launcher's capture thread (or its stream's pump thread).
 */
public final class LineCapture implements OutputSink {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** A line longer than this is cut into pieces. */
  static final int MAX_LINE = 64 * 1024;

  /** The batch buffer of a quiet stream; it grows with the reads, see {@link #appendLine}. */
  static final int MIN_BATCH = 1024;

  /** The batch buffer stops growing here: more lines are written in several batches. */
  static final int MAX_BATCH = 128 * 1024;

  private final RotatingLogWriter writer;
  private final LogBroadcaster broadcaster;
  private final String processName;
  private final String stream;
  private final LineStamper stamper;
  private final Runnable onWriteError;
  private byte[] partial = new byte[256];
  private int partialLength;
  private byte[] out = new byte[MIN_BATCH];
  private int outLength;
  /** The largest batch written during the current {@link #accept}. */
  private int largestBatch;
  private boolean failed;

  /**
   * @param stream {@code out} or {@code err}
   * @param onWriteError called when writing the log file starts failing (disk full...), once per episode
   */
  public LineCapture(
      RotatingLogWriter writer,
      LogBroadcaster broadcaster,
      String processName,
      String stream,
      Clock clock,
      ZoneId zone,
      Runnable onWriteError) {
    this.writer = writer;
    this.broadcaster = broadcaster;
    this.processName = processName;
    this.stream = stream;
    this.stamper = new LineStamper(clock, zone);
    this.onWriteError = onWriteError;
  }

  @Override
  public void accept(byte[] buffer, int offset, int length) {
    byte[] prefix = stamper.prefix();
    int end = offset + length;
    int lineStart = offset;
    int newline;
    while ((newline = indexOfNewline(buffer, lineStart, end)) >= 0) {
      appendLine(prefix, buffer, lineStart, newline - lineStart);
      lineStart = newline + 1;
    }
    if (lineStart < end) {
      keepPartial(prefix, buffer, lineStart, end - lineStart);
    }
    flushOut();
    shrinkWhenQuiet();
  }

  @Override
  public void endOfStream() {
    if (partialLength > 0) {
      appendLine(stamper.prefix(), new byte[0], 0, 0);
    }
    flushOut();
  }

  /**
   * The index of the first {@code '\n'} in {@code buffer[from, end)}, or -1. Eight bytes at a
   * time: a byte of {@code word ^ 0x0A..0A} is zero where the newline is, and {@code (x - 0x01..01)
   * & ~x & 0x80..80} sets the high bit of the lowest zero byte of {@code x} (higher bits may be
   * wrong, the lowest is not), which is the first newline in little-endian order. The scan is most
   * of the daemon's own CPU when a child floods its output (docs/benchmarks.md).
   */
  static int indexOfNewline(byte[] buffer, int from, int end) {
    int i = from;
    for (; i <= end - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(buffer, i) ^ NEWLINES;
      long firstZeroByte = (word - ONES) & ~word & HIGH_BITS;
      if (firstZeroByte != 0) {
        return i + (Long.numberOfTrailingZeros(firstZeroByte) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void keepPartial(byte[] prefix, byte[] buffer, int offset, int length) {
    int needed = partialLength + length;
    if (needed > MAX_LINE) {
      int room = MAX_LINE - partialLength;
      ensurePartial(MAX_LINE);
      System.arraycopy(buffer, offset, partial, partialLength, room);
      partialLength = MAX_LINE;
      appendLine(prefix, buffer, 0, 0);
      keepPartial(prefix, buffer, offset + room, length - room);
      return;
    }
    ensurePartial(needed);
    System.arraycopy(buffer, offset, partial, partialLength, length);
    partialLength = needed;
  }

  /** Appends prefix + (pending partial) + buffer[offset, offset+length) + newline to the batch. */
  private void appendLine(byte[] prefix, byte[] buffer, int offset, int length) {
    int lineLength = prefix.length + partialLength + length + 1;
    int needed = outLength + lineLength;
    if (needed > out.length) {
      if (needed <= MAX_BATCH) {
        out = Arrays.copyOf(out, Math.min(MAX_BATCH, Math.max(needed, out.length * 2)));
      } else {
        flushOut();
        if (lineLength > out.length) {
          out = new byte[lineLength];
        }
      }
    }
    System.arraycopy(prefix, 0, out, outLength, prefix.length);
    outLength += prefix.length;
    if (partialLength > 0) {
      System.arraycopy(partial, 0, out, outLength, partialLength);
      outLength += partialLength;
      partialLength = 0;
      if (partial.length > MIN_BATCH * 4) {
        partial = new byte[256]; // a long partial line was the exception: give its room back
      }
    }
    System.arraycopy(buffer, offset, out, outLength, length);
    outLength += length;
    out[outLength++] = '\n';
  }

  private void flushOut() {
    if (outLength == 0) {
      return;
    }
    largestBatch = Math.max(largestBatch, outLength);
    try {
      writer.writeLines(out, 0, outLength);
      failed = false;
    } catch (IOException e) {
      if (!failed) {
        failed = true;
        onWriteError.run();
      }
    }
    broadcaster.publish(processName, stream, out, 0, outLength);
    outLength = 0;
  }

  /**
   * Halves the batch buffer after reads that used little of it, so a stream that was busy once
   * does not keep a large buffer for the rest of its life.
   */
  private void shrinkWhenQuiet() {
    if (largestBatch <= out.length / 8 && out.length > MIN_BATCH) {
      out = new byte[out.length / 2];
    }
    largestBatch = 0;
  }

  private void ensurePartial(int capacity) {
    if (partial.length < capacity) {
      partial = Arrays.copyOf(partial, Math.max(capacity, partial.length * 2));
    }
  }
}
