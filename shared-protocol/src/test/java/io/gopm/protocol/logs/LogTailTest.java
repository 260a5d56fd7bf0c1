package io.gopm.protocol.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LogTailTest {

  @TempDir Path dir;

  private Path log() {
    return dir.resolve("api-out.log");
  }

  private Path rotated(int index) {
    return dir.resolve("api-out.log." + index);
  }

  private static List<String> numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.toList());
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    Files.writeString(file, lines.stream().map(l -> l + "\n").collect(Collectors.joining()), UTF_8);
  }

  @Test
  void anEmptyFileHasNoLines() throws IOException {
    Files.createFile(log());

    assertThat(LogTail.lastLines(log(), 10, 0)).isEmpty();
  }

  @Test
  void aFileWithOnlyANewlineHoldsOneEmptyLine() throws IOException {
    Files.writeString(log(), "\n");

    assertThat(LogTail.lastLines(log(), 10, 0)).containsExactly("");
  }

  @Test
  void aMissingFileWithoutRotationsHasNoLines() throws IOException {
    assertThat(LogTail.lastLines(log(), 10, 3)).isEmpty();
  }

  @Test
  void aMissingCurrentFileFallsThroughToTheRotatedOnes() throws IOException {
    writeLines(rotated(1), numbered(1, 3));

    assertThat(LogTail.lastLines(log(), 10, 1)).containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void returnsEveryLineWhenFewerThanAsked() throws IOException {
    writeLines(log(), numbered(1, 3));

    assertThat(LogTail.lastLines(log(), 10, 0)).containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void returnsExactlyTheLinesWhenAsManyAsAsked() throws IOException {
    writeLines(log(), numbered(1, 5));

    assertThat(LogTail.lastLines(log(), 5, 0)).isEqualTo(numbered(1, 5));
  }

  @Test
  void returnsTheLastLinesOldestFirstWhenMoreThanAsked() throws IOException {
    writeLines(log(), numbered(1, 100));

    assertThat(LogTail.lastLines(log(), 3, 0)).containsExactly("line 98", "line 99", "line 100");
  }

  @Test
  void askingForNoLinesReturnsNone() throws IOException {
    writeLines(log(), numbered(1, 5));

    assertThat(LogTail.lastLines(log(), 0, 0)).isEmpty();
  }

  @Test
  void aLastLineWithoutNewlineCounts() throws IOException {
    Files.writeString(log(), "line 1\nline 2\npartial");

    assertThat(LogTail.lastLines(log(), 2, 0)).containsExactly("line 2", "partial");
    assertThat(LogTail.lastLines(log(), 10, 0)).containsExactly("line 1", "line 2", "partial");
  }

  @Test
  void aSingleLineWithoutNewlineIsReturned() throws IOException {
    Files.writeString(log(), "only");

    assertThat(LogTail.lastLines(log(), 5, 0)).containsExactly("only");
  }

  @Test
  void keepsEmptyLines() throws IOException {
    Files.writeString(log(), "a\n\nb\n\n");

    assertThat(LogTail.lastLines(log(), 10, 0)).containsExactly("a", "", "b", "");
    assertThat(LogTail.lastLines(log(), 1, 0)).containsExactly("");
  }

  @Test
  void keepsAnEmptyFirstLine() throws IOException {
    Files.writeString(log(), "\nabc\n");

    assertThat(LogTail.lastLines(log(), 10, 0)).containsExactly("", "abc");
  }

  @Test
  void joinsLinesThatSpanTheBlockBoundary() throws IOException {
    List<String> lines = IntStream.range(0, 12)
        .mapToObj(i -> String.valueOf((char) ('a' + i)).repeat(2_999 + i))
        .collect(Collectors.toList());
    writeLines(log(), lines);

    assertThat(LogTail.lastLines(log(), 12, 0)).isEqualTo(lines);
    assertThat(LogTail.lastLines(log(), 5, 0)).isEqualTo(lines.subList(7, 12));
  }

  @Test
  void returnsALineLongerThanSeveralBlocksWhole() throws IOException {
    String huge = "H".repeat(50_000);
    writeLines(log(), List.of("before", huge, "after"));

    assertThat(LogTail.lastLines(log(), 2, 0)).containsExactly(huge, "after");
    assertThat(LogTail.lastLines(log(), 3, 0)).containsExactly("before", huge, "after");
  }

  @Test
  void handlesAFileEndingExactlyOnTheBlockBoundary() throws IOException {
    String line = "x".repeat(8_191);
    writeLines(log(), List.of(line, "tail"));
    String exact = "y".repeat(8_191) + "\n";
    Files.writeString(rotated(1), exact);

    assertThat(Files.size(rotated(1))).isEqualTo(8_192);
    assertThat(LogTail.lastLines(rotated(1), 5, 0)).containsExactly("y".repeat(8_191));
    assertThat(LogTail.lastLines(log(), 5, 0)).containsExactly(line, "tail");
  }

  @Test
  void keepsMultiByteCharactersSplitByTheBlockBoundaryIntact() throws IOException {
    List<String> lines = IntStream.range(0, 8)
        .mapToObj(i -> "\u00e9\u2713".repeat(700 + i) + " #" + i)
        .collect(Collectors.toList());
    writeLines(log(), lines);

    assertThat(LogTail.lastLines(log(), 8, 0)).isEqualTo(lines);
  }

  @Test
  void continuesIntoRotatedFilesNewestFirst() throws IOException {
    writeLines(rotated(2), numbered(1, 3));
    writeLines(rotated(1), numbered(4, 6));
    writeLines(log(), numbered(7, 9));

    assertThat(LogTail.lastLines(log(), 8, 2)).isEqualTo(numbered(2, 9));
    assertThat(LogTail.lastLines(log(), 100, 2)).isEqualTo(numbered(1, 9));
    assertThat(LogTail.lastLines(log(), 4, 2)).isEqualTo(numbered(6, 9));
  }

  @Test
  void readsOnlyAsManyRotationsAsAllowed() throws IOException {
    writeLines(rotated(2), numbered(1, 3));
    writeLines(rotated(1), numbered(4, 6));
    writeLines(log(), numbered(7, 9));

    assertThat(LogTail.lastLines(log(), 100, 1)).isEqualTo(numbered(4, 9));
    assertThat(LogTail.lastLines(log(), 100, 0)).isEqualTo(numbered(7, 9));
  }

  @Test
  void doesNotOpenRotationsWhenTheCurrentFileHasEnough() throws IOException {
    Files.createDirectories(rotated(1));
    writeLines(log(), numbered(1, 5));

    assertThat(LogTail.lastLines(log(), 5, 3)).isEqualTo(numbered(1, 5));
  }

  @Test
  void stopsAtTheFirstMissingRotation() throws IOException {
    writeLines(rotated(2), numbered(1, 3));
    writeLines(log(), numbered(7, 9));

    assertThat(LogTail.lastLines(log(), 100, 2)).isEqualTo(numbered(7, 9));
  }

  @Test
  void anEmptyCurrentFileAfterRotationShowsTheRotatedLines() throws IOException {
    writeLines(rotated(1), numbered(1, 4));
    Files.createFile(log());

    assertThat(LogTail.lastLines(log(), 2, 3)).containsExactly("line 3", "line 4");
  }

  @Test
  void staysWithinTheByteCapForAHugeRequest() throws IOException {
    String pad = "p".repeat(100);
    int total = 100_000; // about 11 MB, above MAX_BYTES
    try (BufferedWriter out = Files.newBufferedWriter(log(), UTF_8)) {
      for (int i = 0; i < total; i++) {
        out.write(String.format("%06d %s\n", i, pad));
      }
    }
    assertThat(Files.size(log())).isGreaterThan(LogTail.MAX_BYTES);
    writeLines(rotated(1), List.of("older"));

    List<String> lines = LogTail.lastLines(log(), Integer.MAX_VALUE, 1);

    long bytes = lines.stream().mapToLong(l -> l.length() + 1L).sum();
    assertThat(bytes).isLessThanOrEqualTo(LogTail.MAX_BYTES);
    assertThat(lines).hasSizeLessThan(total).hasSizeGreaterThan(total / 2);
    assertThat(lines).doesNotContain("older");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(String.format("%06d %s", total - 1, pad));
    assertThat(lines).allMatch(l -> l.matches("\\d{6} p{100}"), "every line is complete");
    int first = Integer.parseInt(lines.get(0).substring(0, 6));
    assertThat(lines).hasSize(total - first);
  }
}
