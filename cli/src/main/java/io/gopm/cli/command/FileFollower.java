package io.gopm.cli.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows a file like {@code tail -F}: prints complete lines as they are appended, starts over when
 * the file is truncated, and reopens it when it is replaced (rotated). Polls every 200 ms.
 */
final class FileFollower {

  private static final long POLL_MILLIS = 200;

  private final Path file;
  private long position;
  private Object fileKey;
  private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

  /** Follows {@code file} from its current end. */
  FileFollower(Path file) throws IOException {
    this.file = file;
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    this.position = attributes.size();
    this.fileKey = attributes.fileKey();
  }

  /** Hands each new line to {@code lines} until {@code stop} answers true. */
  void follow(Consumer<String> lines, BooleanSupplier stop) throws IOException, InterruptedException {
    while (!stop.getAsBoolean()) {
      readNew(lines);
      Thread.sleep(POLL_MILLIS);
    }
  }

  private void readNew(Consumer<String> lines) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return; // between a rotation's rename and the new file
    }
    if (fileKey != null && !fileKey.equals(attributes.fileKey())) {
      fileKey = attributes.fileKey();
      position = 0;
      partial.reset();
    } else if (attributes.size() < position) {
      position = 0;
      partial.reset();
    }
    if (attributes.size() == position) {
      return;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(position);
      byte[] buffer = new byte[(int) Math.min(1 << 20, attributes.size() - position)];
      int read = in.read(buffer);
      if (read <= 0) {
        return;
      }
      position += read;
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          partial.write(buffer, start, i - start);
          lines.accept(partial.toString(StandardCharsets.UTF_8));
          partial.reset();
          start = i + 1;
        }
      }
      partial.write(buffer, start, read - start);
    }
  }
}
