package io.gopm.daemon.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads {@code /proc/<pid>/stat} and {@code statm} into buffers kept between reads: an open,
 * usually one read and a close per file, without the size query, the second read to find the end,
 * the fresh 8 KiB array and the string decoding of {@code Files.readString}.
 *
 * <p>Used by one thread at a time.
 */
final class ProcStatReader {

  /** Far more than a stat line holds (52 numbers and a 16-byte name). */
  private static final int LIMIT = 64 * 1024;

  private final Path proc;
  private final long pageSize;
  private ByteBuffer stat = ByteBuffer.allocate(1024);
  private ByteBuffer statm = ByteBuffer.allocate(256);

  ProcStatReader(Path proc) {
    this(proc, ProcStat.PAGE_SIZE);
  }

  ProcStatReader(Path proc, long pageSize) {
    this.proc = proc;
    this.pageSize = pageSize;
  }

  /** Reads the process, or throws when it is gone. */
  ProcStat read(int pid) throws IOException {
    String dir = Integer.toString(pid);
    stat = readWhole(proc.resolve(dir + "/stat"), stat);
    statm = readWhole(proc.resolve(dir + "/statm"), statm);
    long rssBytes = ProcStat.residentPages(statm.array(), statm.position()) * pageSize;
    return ProcStat.parse(stat.array(), stat.position(), rssBytes);
  }

  /** The file's content in {@code buffer} (from 0 to its position), or in a larger one. */
  private static ByteBuffer readWhole(Path file, ByteBuffer buffer) throws IOException {
    ByteBuffer into = buffer.clear();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(into) >= 0 && !endsWithNewline(into)) { // the kernel writes a line in one read
        if (!into.hasRemaining()) {
          if (into.capacity() >= LIMIT) {
            throw new IOException("unexpected /proc stat format: " + file + " is longer than " + LIMIT + " bytes");
          }
          into = ByteBuffer.allocate(into.capacity() * 2).put(into.flip());
        }
      }
    }
    return into;
  }

  private static boolean endsWithNewline(ByteBuffer buffer) {
    int length = buffer.position();
    return length > 0 && buffer.get(length - 1) == '\n';
  }
}
