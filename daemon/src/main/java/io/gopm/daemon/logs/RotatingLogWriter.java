package io.gopm.daemon.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A log file that rotates by size at line boundaries: when the next line would take the file past
 * {@code maxSize}, {@code name.log} becomes {@code name.log.1}, {@code .1} becomes {@code .2}, and
 * so on up to {@code maxFiles} (the oldest is deleted), then a fresh file is started. No byte is
 * lost between files; a single line larger than the limit gets a file of its own.
 *
 * <p>Thread-safe: pumps of the current and of an exited instance and the supervisor's action lines
 * may write concurrently; each call writes whole lines under the writer's lock.
 */
public final class RotatingLogWriter implements Closeable {

  private static final FileAttribute<?> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final Set<StandardOpenOption> APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final Path file;
  private final long maxSize;
  private final int maxFiles;
  private FileChannel channel;
  private long size;
  private boolean closed;

  /**
   * Opens (creating with mode 0600, and creating the directory) {@code file} for appending.
   *
   * @param maxFiles rotated files kept; 0 keeps none (the file is emptied instead)
   */
  public RotatingLogWriter(Path file, long maxSize, int maxFiles) throws IOException {
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize must be positive");
    }
    this.file = file;
    this.maxSize = maxSize;
    this.maxFiles = Math.max(0, maxFiles);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    open();
  }

  public Path file() {
    return file;
  }

  /**
   * Appends complete lines: {@code buffer[offset, offset+length)} holds one or more lines, each
   * ending in {@code \n}. Rotates before a line that would not fit.
   */
  public synchronized void writeLines(byte[] buffer, int offset, int length) throws IOException {
    if (closed || length == 0) {
      return;
    }
    if (size + length <= maxSize) {
      write(buffer, offset, length);
      return;
    }
    int start = offset;
    int end = offset + length;
    while (start < end) {
      int fit = start;
      for (int i = start; i < end; i++) {
        if (buffer[i] == '\n') {
          if (size + (i + 1 - start) > maxSize) {
            break;
          }
          fit = i + 1;
        }
      }
      if (fit == start) {
        // the next line does not fit: rotate (unless the file is empty), then write it alone
        int lineEnd = indexOf(buffer, start, end);
        if (size > 0) {
          rotate();
        }
        if (size + (lineEnd - start) <= maxSize || size == 0) {
          write(buffer, start, lineEnd - start);
          start = lineEnd;
        }
      } else {
        write(buffer, start, fit - start);
        start = fit;
      }
    }
  }

  /** Empties the current file (rotated files are kept). */
  public synchronized void truncate() throws IOException {
    if (closed) {
      truncateFile(file);
      return;
    }
    channel.truncate(0);
    size = 0;
  }

  /** Empties a log file that has no open writer; a missing file is fine. */
  public static void truncateFile(Path file) throws IOException {
    if (Files.exists(file)) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(0);
      }
    }
  }

  /** The bytes in the current file. */
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      channel.close();
    }
  }

  private void write(byte[] buffer, int offset, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    size += length;
  }

  /**
   * Shifts the rotated files and starts a fresh current file. The renames happen while the current
   * file is still open (renaming an open file is fine), so a failed shift leaves the writer
   * appending to the file it had instead of to a closed channel.
   */
  private void rotate() throws IOException {
    if (maxFiles == 0) {
      channel.truncate(0);
      size = 0;
      return;
    }
    Files.deleteIfExists(rotated(maxFiles));
    for (int i = maxFiles - 1; i >= 1; i--) {
      moveIfExists(rotated(i), rotated(i + 1));
    }
    moveIfExists(file, rotated(1));
    FileChannel previous = channel;
    open();
    previous.close();
  }

  private void open() throws IOException {
    channel = FileChannel.open(file, APPEND, PRIVATE);
    size = channel.size();
  }

  private Path rotated(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  private static void moveIfExists(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException ignored) {
      // nothing to shift at this position
    }
  }

  private static int indexOf(byte[] buffer, int from, int end) {
    for (int i = from; i < end; i++) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    return end;
  }
}
