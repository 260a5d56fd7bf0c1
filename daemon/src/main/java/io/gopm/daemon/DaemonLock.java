package io.gopm.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one-daemon-per-home guarantee: an exclusive lock on {@code daemon.pid}, held for the
 * daemon's lifetime, with the daemon's PID written in it. The lock goes away with the process, so
 * a crashed daemon never blocks the next one.
 */
final class DaemonLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock and writes {@code pid}.
   *
   * @throws AlreadyRunningException when another daemon holds it
   */
  static DaemonLock acquire(Path file, long pid) throws IOException, AlreadyRunningException {
    FileChannel channel =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
      channel.close();
      throw new AlreadyRunningException(holder);
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(Long.toString(pid).getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(false);
    return new DaemonLock(file, channel, lock);
  }

  /** Removes the PID file and releases the lock. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
    lock.release();
    channel.close();
  }

  /** Another daemon holds the lock. */
  static final class AlreadyRunningException extends Exception {
    AlreadyRunningException(String pid) {
      super("another GoPM daemon is already running for this home" + (pid.isEmpty() ? "" : " (PID " + pid + ")"));
    }
  }
}
