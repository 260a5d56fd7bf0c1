package io.gopm.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RotatingLogWriterTest {

  @TempDir Path dir;

  private static void write(RotatingLogWriter writer, String lines) throws IOException {
    byte[] bytes = lines.getBytes(UTF_8);
    writer.writeLines(bytes, 0, bytes.length);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, UTF_8);
  }

  private static Path rotated(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /** A line of exactly {@code length} bytes including its newline. */
  private static String line(char fill, int length) {
    return String.valueOf(fill).repeat(length - 1) + "\n";
  }

  private List<Path> logFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("app.log")).sorted().toList();
    }
  }

  @Test
  void linesWithinTheLimitAreAppendedToTheCurrentFile() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3)) {
      write(writer, "one\n");
      write(writer, "two\nthree\n");

      assertThat(read(file)).isEqualTo("one\ntwo\nthree\n");
      assertThat(writer.size()).isEqualTo(14);
      assertThat(writer.file()).isEqualTo(file);
    }
    assertThat(rotated(file, 1)).doesNotExist();
  }

  @Test
  void aFileMayBeFilledExactlyToTheLimitWithoutRotating() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 3)) {
      write(writer, line('a', 10));
      write(writer, line('b', 10));

      assertThat(writer.size()).isEqualTo(20);
    }
    assertThat(read(file)).isEqualTo(line('a', 10) + line('b', 10));
    assertThat(rotated(file, 1)).doesNotExist();
  }

  @Test
  void rotatesBeforeALineThatWouldExceedTheLimit() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 3)) {
      write(writer, line('a', 10));
      write(writer, line('b', 10));
      write(writer, line('c', 2));

      assertThat(writer.size()).isEqualTo(2);
    }
    assertThat(read(rotated(file, 1))).isEqualTo(line('a', 10) + line('b', 10));
    assertThat(read(file)).isEqualTo(line('c', 2));
  }

  @Test
  void aBatchIsSplitAtLineBoundariesNeverInsideALine() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 25, 3)) {
      write(writer, line('a', 10) + line('b', 10) + line('c', 10) + line('d', 10) + line('e', 10));
    }
    assertThat(read(rotated(file, 2))).isEqualTo(line('a', 10) + line('b', 10));
    assertThat(read(rotated(file, 1))).isEqualTo(line('c', 10) + line('d', 10));
    assertThat(read(file)).isEqualTo(line('e', 10));
  }

  @Test
  void rotatedFilesShiftUpAndTheOldestIsDeleted() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 3)) {
      for (char c = 'a'; c <= 'f'; c++) {
        write(writer, line(c, 10));
      }
    }
    assertThat(read(file)).isEqualTo(line('f', 10));
    assertThat(read(rotated(file, 1))).isEqualTo(line('e', 10));
    assertThat(read(rotated(file, 2))).isEqualTo(line('d', 10));
    assertThat(read(rotated(file, 3))).isEqualTo(line('c', 10));
    assertThat(rotated(file, 4)).doesNotExist();
    assertThat(logFiles()).hasSize(4);
  }

  @Test
  void neverKeepsMoreThanMaxFilesRotatedFiles() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 2)) {
      for (int i = 0; i < 50; i++) {
        write(writer, line((char) ('a' + i % 26), 10));
        assertThat(logFiles().size()).isLessThanOrEqualTo(3);
      }
    }
    assertThat(logFiles()).containsExactly(file, rotated(file, 1), rotated(file, 2));
  }

  @Test
  void maxFilesZeroEmptiesTheFileInsteadOfRotating() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 0)) {
      write(writer, line('a', 10));
      write(writer, line('b', 10));
      write(writer, line('c', 10));

      assertThat(writer.size()).isEqualTo(10);
    }
    assertThat(read(file)).isEqualTo(line('c', 10));
    assertThat(logFiles()).containsExactly(file);
  }

  @Test
  void aNegativeMaxFilesBehavesLikeZero() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, -5)) {
      write(writer, line('a', 10));
      write(writer, line('b', 10));
    }
    assertThat(read(file)).isEqualTo(line('b', 10));
    assertThat(logFiles()).containsExactly(file);
  }

  @Test
  void aLineLargerThanTheLimitIsWrittenWholeToItsOwnFile() throws IOException {
    Path file = dir.resolve("app.log");
    String big = line('X', 25);
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 3)) {
      write(writer, "ab\n");
      write(writer, big);
      write(writer, "cd\n");
    }
    assertThat(read(rotated(file, 2))).isEqualTo("ab\n");
    assertThat(read(rotated(file, 1))).isEqualTo(big);
    assertThat(read(file)).isEqualTo("cd\n");
  }

  @Test
  void aLineLargerThanTheLimitInsideABatchGetsItsOwnFile() throws IOException {
    Path file = dir.resolve("app.log");
    String big = line('X', 25);
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 5)) {
      write(writer, "ab\n" + big + "cd\n" + "ef\n");
    }
    assertThat(read(rotated(file, 2))).isEqualTo("ab\n");
    assertThat(read(rotated(file, 1))).isEqualTo(big);
    assertThat(read(file)).isEqualTo("cd\nef\n");
  }

  @Test
  void aLineLargerThanTheLimitIntoAnEmptyFileIsWrittenWithoutAnEmptyRotation() throws IOException {
    Path file = dir.resolve("app.log");
    String big = line('X', 25);
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 3)) {
      write(writer, big);
    }
    assertThat(read(file)).isEqualTo(big);
    assertThat(rotated(file, 1)).doesNotExist();
  }

  @Test
  void theSizeOfAnExistingFileCountsWhenItIsReopened() throws IOException {
    Path file = dir.resolve("app.log");
    Files.writeString(file, line('o', 15));

    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 3)) {
      assertThat(writer.size()).isEqualTo(15);
      write(writer, line('n', 10));
    }
    assertThat(read(rotated(file, 1))).isEqualTo(line('o', 15));
    assertThat(read(file)).isEqualTo(line('n', 10));
  }

  @Test
  void reopeningAppendsInsteadOfOverwriting() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3)) {
      write(writer, "first\n");
    }
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3)) {
      write(writer, "second\n");
    }
    assertThat(read(file)).isEqualTo("first\nsecond\n");
  }

  @Test
  void truncateEmptiesOnlyTheCurrentFileAndResetsTheSize() throws IOException {
    Path file = dir.resolve("app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 3)) {
      write(writer, line('a', 15));
      write(writer, line('b', 15));

      writer.truncate();

      assertThat(writer.size()).isZero();
      assertThat(read(file)).isEmpty();
      assertThat(read(rotated(file, 1))).isEqualTo(line('a', 15));

      write(writer, line('c', 20));
      assertThat(read(file)).isEqualTo(line('c', 20));
      assertThat(rotated(file, 2)).as("the emptied file had room again").doesNotExist();
    }
  }

  @Test
  void truncateAfterCloseStillEmptiesTheFile() throws IOException {
    Path file = dir.resolve("app.log");
    RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3);
    write(writer, "kept until flush\n");
    writer.close();

    writer.truncate();

    assertThat(read(file)).isEmpty();
  }

  @Test
  void writesAfterCloseAreIgnored() throws IOException {
    Path file = dir.resolve("app.log");
    RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3);
    write(writer, "before\n");
    writer.close();
    writer.close(); // closing twice is harmless

    write(writer, "after\n");

    assertThat(read(file)).isEqualTo("before\n");
  }

  @Test
  void truncateFileEmptiesAFileWithoutAWriter() throws IOException {
    Path file = Files.writeString(dir.resolve("orphan.log"), "old output\n");

    RotatingLogWriter.truncateFile(file);

    assertThat(file).isEmptyFile();
  }

  @Test
  void truncateFileOfAMissingFileDoesNothing() throws IOException {
    Path missing = dir.resolve("missing.log");

    RotatingLogWriter.truncateFile(missing);

    assertThat(missing).doesNotExist();
  }

  @Test
  void filesAreCreatedPrivateIncludingAfterRotation() throws IOException {
    Path file = dir.resolve("app.log");
    Set<PosixFilePermission> privateMode = PosixFilePermissions.fromString("rw-------");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 10, 3)) {
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(privateMode);
      write(writer, line('a', 10));
      write(writer, line('b', 10));
    }
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(privateMode);
    assertThat(Files.getPosixFilePermissions(rotated(file, 1))).isEqualTo(privateMode);
  }

  @Test
  void missingParentDirectoriesAreCreated() throws IOException {
    Path file = dir.resolve("a/b/c/app.log");
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 100, 3)) {
      write(writer, "hello\n");
    }
    assertThat(read(file)).isEqualTo("hello\n");
  }

  @Test
  void aLimitOfZeroIsRefused() {
    assertThatThrownBy(() -> new RotatingLogWriter(dir.resolve("app.log"), 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSize");
  }

  @Test
  void aFailedRotationLeavesTheWriterUsableOnceTheCauseIsGone() throws IOException {
    Path file = dir.resolve("app.log");
    Path blocker = Files.createDirectories(rotated(file, 1).resolve("blocker"));
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 1)) {
      write(writer, line('a', 10));
      // the oldest rotated file cannot be deleted (a non-empty directory is in its place): this
      // rotation fails and the line is refused
      assertThatThrownBy(() -> write(writer, line('b', 15))).isInstanceOf(IOException.class);

      Files.delete(blocker);
      Files.delete(blocker.getParent());
      // the cause is gone; a line that fits in the current file must be written again
      write(writer, line('c', 5));
    }
    assertThat(read(file)).isEqualTo(line('a', 10) + line('c', 5));
  }

  @Test
  void aFailedRotationIsRetriedByTheNextLineThatDoesNotFit() throws IOException {
    Path file = dir.resolve("app.log");
    Path blocker = Files.createDirectories(rotated(file, 1).resolve("blocker"));
    try (RotatingLogWriter writer = new RotatingLogWriter(file, 20, 1)) {
      write(writer, line('a', 10));
      assertThatThrownBy(() -> write(writer, line('b', 15))).isInstanceOf(IOException.class);

      Files.delete(blocker);
      Files.delete(blocker.getParent());
      write(writer, line('c', 15));
    }
    assertThat(read(rotated(file, 1))).isEqualTo(line('a', 10));
    assertThat(read(file)).isEqualTo(line('c', 15));
  }

  @Test
  void thousandsOfRandomLinesLoseNoByteAndNeverSplitALine() throws IOException {
    Path file = dir.resolve("app.log");
    long maxSize = 4000;
    int maxFiles = 500; // more than the rotations: nothing is deleted, so every byte can be found
    Random random = new Random(20260205);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Set<String> expectedLines = new HashSet<>();
    try (RotatingLogWriter writer = new RotatingLogWriter(file, maxSize, maxFiles)) {
      int lines = 0;
      while (lines < 3000) {
        StringBuilder batch = new StringBuilder();
        int inBatch = 1 + random.nextInt(6);
        for (int i = 0; i < inBatch; i++, lines++) {
          // mostly short lines, sometimes one longer than the limit
          int length = random.nextInt(50) == 0 ? 1001 + random.nextInt(500) : 1 + random.nextInt(300);
          StringBuilder text = new StringBuilder(length);
          for (int j = 0; j < length - 1; j++) {
            text.append((char) ('a' + random.nextInt(26)));
          }
          String line = lines + ":" + text;
          expectedLines.add(line);
          batch.append(line).append('\n');
        }
        byte[] bytes = batch.toString().getBytes(UTF_8);
        expected.write(bytes);
        writer.writeLines(bytes, 0, bytes.length);
      }
    }

    List<Path> files = logFiles();
    int rotatedCount = files.size() - 1;
    assertThat(rotatedCount).isGreaterThan(50).isLessThan(maxFiles);
    ByteArrayOutputStream found = new ByteArrayOutputStream();
    for (int i = rotatedCount; i >= 1; i--) {
      found.write(Files.readAllBytes(rotated(file, i)));
    }
    found.write(Files.readAllBytes(file));
    assertThat(found.size()).isEqualTo(expected.size());
    assertThat(found.toByteArray()).isEqualTo(expected.toByteArray());

    for (Path each : files) {
      String content = read(each);
      assertThat(content).as("%s", each).endsWith("\n");
      String[] lines = content.split("\n");
      if (content.length() > maxSize) {
        assertThat(lines).as("an oversized file holds a single line: %s", each).hasSize(1);
      }
      for (String line : lines) {
        assertThat(expectedLines).as("an intact line in %s", each).contains(line);
      }
    }
  }
}
