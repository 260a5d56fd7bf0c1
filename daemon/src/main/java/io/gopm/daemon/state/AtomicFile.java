package io.gopm.daemon.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a private (0600) file all at once: the bytes go to {@code NAME.tmp}, which is fsynced
 * and renamed over {@code NAME}, then the directory is synced. A crash at any moment leaves the old
 * content or the new one, never a mixture.
 */
final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code content} to {@code file} atomically and durably. */
  static void write(Path file, byte[] content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(file.getParent());
  }

  /** Removes {@code file} (if present) and syncs its directory, so the removal is durable too. */
  static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory(file.getParent());
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // not every file system lets a directory be synced; the rename itself is atomic
    }
  }
}
