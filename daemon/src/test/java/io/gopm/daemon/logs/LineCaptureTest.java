package io.gopm.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.LogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LineCaptureTest {

  private static final Instant NOW = Instant.parse("2026-02-05T01:31:20.847Z");
  private static final String PREFIX = "2026-02-05T01:31:20.847Z ";

  @TempDir Path dir;
  private Path file;
  private RotatingLogWriter writer;
  private final LogBroadcaster broadcaster = new LogBroadcaster();
  private final AtomicInteger writeErrors = new AtomicInteger();

  @BeforeEach
  void openWriter() throws IOException {
    file = dir.resolve("api-out.log");
    writer = new RotatingLogWriter(file, 10 * 1024 * 1024, 3);
  }

  @AfterEach
  void closeWriter() throws IOException {
    writer.close();
  }

  private LineCapture capture(Clock clock) {
    return new LineCapture(writer, broadcaster, "api", "out", clock, ZoneOffset.UTC, writeErrors::incrementAndGet);
  }

  private LineCapture capture() {
    return capture(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void feed(LineCapture capture, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    capture.accept(bytes, 0, bytes.length);
  }

  private String content() throws IOException {
    return Files.readString(file, UTF_8);
  }

  private static List<LogLine> drain(LogBroadcaster.Subscription subscription) throws InterruptedException {
    List<LogLine> lines = new ArrayList<>();
    LogLine line;
    while ((line = subscription.poll(0, TimeUnit.MILLISECONDS)) != null) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void aCompleteLineIsWrittenWithItsTimestamp() throws IOException {
    feed(capture(), "hello\n");

    assertThat(content()).isEqualTo(PREFIX + "hello\n");
  }

  @Test
  void severalLinesInOneChunkEachGetATimestamp() throws IOException {
    feed(capture(), "one\ntwo\n\nfour\n");

    assertThat(content()).isEqualTo(PREFIX + "one\n" + PREFIX + "two\n" + PREFIX + "\n" + PREFIX + "four\n");
  }

  @Test
  void chunksLargerThanTheBatchBufferAndSmallOnesAfterThemLoseNothing() throws IOException {
    LineCapture capture = capture();
    StringBuilder big = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; big.length() < 3 * LineCapture.MAX_BATCH; i++) {
      String line = "line " + i + " " + "x".repeat(90);
      big.append(line).append('\n');
      expected.append(PREFIX).append(line).append('\n');
    }

    feed(capture, big.toString());
    for (int i = 0; i < 20; i++) {
      feed(capture, "small " + i + "\n");
      expected.append(PREFIX).append("small ").append(i).append('\n');
    }

    assertThat(content()).isEqualTo(expected.toString());
  }

  @Test
  void aLineSplitAcrossChunksBecomesOneLine() throws IOException {
    LineCapture capture = capture();

    feed(capture, "hel");
    assertThat(content()).as("a partial line waits for its newline").isEmpty();
    feed(capture, "lo wor");
    feed(capture, "ld\nnext");

    assertThat(content()).isEqualTo(PREFIX + "hello world\n");
  }

  @Test
  void theTimestampIsTheMomentTheLineWasCompleted() throws IOException {
    MutableClock clock = new MutableClock(NOW);
    LineCapture capture = capture(clock);

    feed(capture, "started at .847, ");
    clock.advance(Duration.ofMillis(100));
    feed(capture, "completed at .947\n");

    assertThat(content()).isEqualTo("2026-02-05T01:31:20.947Z started at .847, completed at .947\n");
  }

  @Test
  void carriageReturnsAreKeptAsContent() throws IOException {
    feed(capture(), "progress 10%\rprogress 20%\r\nwindows line\r\n");

    assertThat(content())
        .isEqualTo(PREFIX + "progress 10%\rprogress 20%\r\n" + PREFIX + "windows line\r\n");
  }

  @Test
  void theOffsetAndLengthOfTheBufferAreRespected() throws IOException {
    byte[] buffer = "XXXXline one\nline twoYYYY".getBytes(UTF_8);
    LineCapture capture = capture();

    capture.accept(buffer, 4, buffer.length - 8);
    capture.endOfStream();

    assertThat(content()).isEqualTo(PREFIX + "line one\n" + PREFIX + "line two\n");
  }

  @Test
  void aPartialLastLineIsWrittenAtEndOfStream() throws IOException {
    MutableClock clock = new MutableClock(NOW);
    LineCapture capture = capture(clock);
    feed(capture, "done\nno newline at the end");
    clock.advance(Duration.ofSeconds(1));

    capture.endOfStream();

    assertThat(content())
        .isEqualTo(PREFIX + "done\n" + "2026-02-05T01:31:21.847Z no newline at the end\n");
  }

  @Test
  void endOfStreamWithoutAPartialLineWritesNothing() throws IOException {
    LineCapture capture = capture();
    feed(capture, "complete\n");

    capture.endOfStream();

    assertThat(content()).isEqualTo(PREFIX + "complete\n");
  }

  @Test
  void multiByteCharactersSplitAcrossChunksStayIntact() throws IOException {
    byte[] bytes = "grüße — ok\n".getBytes(UTF_8);
    LineCapture capture = capture();

    for (int i = 0; i < bytes.length; i++) {
      capture.accept(bytes, i, 1);
    }

    assertThat(content()).isEqualTo(PREFIX + "grüße — ok\n");
  }

  @Test
  void aLineLongerThanMaxLineArrivingInOneChunkIsCutWithoutLosingBytes() throws IOException {
    String text = pattern(150_000);
    LineCapture capture = capture();

    feed(capture, text);
    feed(capture, "\n");

    List<String> pieces = contentLines();
    assertThat(pieces).hasSize(3);
    assertThat(pieces).allSatisfy(piece -> assertThat(piece).startsWith(PREFIX));
    assertThat(pieces.get(0)).hasSize(PREFIX.length() + LineCapture.MAX_LINE);
    assertThat(pieces.get(1)).hasSize(PREFIX.length() + LineCapture.MAX_LINE);
    assertThat(String.join("", stripPrefixes(pieces))).isEqualTo(text);
  }

  @Test
  void aLineLongerThanMaxLineArrivingInSmallChunksIsCutWithoutLosingBytes() throws IOException {
    String text = pattern(200_000);
    byte[] bytes = text.getBytes(UTF_8);
    LineCapture capture = capture();

    for (int offset = 0; offset < bytes.length; offset += 8192) {
      capture.accept(bytes, offset, Math.min(8192, bytes.length - offset));
    }
    feed(capture, "\nafter\n");

    List<String> lines = contentLines();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(PREFIX + "after");
    List<String> pieces = stripPrefixes(lines.subList(0, lines.size() - 1));
    assertThat(pieces).hasSize(4).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(LineCapture.MAX_LINE));
    assertThat(String.join("", pieces)).isEqualTo(text);
  }

  @Test
  void aLineOfExactlyMaxLineBytesIsNotCut() throws IOException {
    String text = pattern(LineCapture.MAX_LINE);
    LineCapture capture = capture();

    feed(capture, text);
    feed(capture, "\n");

    assertThat(content()).isEqualTo(PREFIX + text + "\n");
  }

  @Test
  void followersOfTheStreamReceiveEachLine() throws Exception {
    LogBroadcaster.Subscription subscription = broadcaster.subscribe("api"::equals, "out", 100);
    LineCapture capture = capture();

    feed(capture, "one\ntw");
    feed(capture, "o\n");

    assertThat(drain(subscription))
        .containsExactly(
            new LogLine("api", "out", PREFIX + "one", 0), new LogLine("api", "out", PREFIX + "two", 0));
  }

  @Test
  void followersOfAnotherStreamOrProcessReceiveNothing() throws Exception {
    LogBroadcaster.Subscription errFollower = broadcaster.subscribe("api"::equals, "err", 100);
    LogBroadcaster.Subscription otherProcess = broadcaster.subscribe("web"::equals, "out", 100);
    LogBroadcaster.Subscription everything = broadcaster.subscribe(name -> true, "out", 100);

    feed(capture(), "hello\n");

    assertThat(drain(errFollower)).isEmpty();
    assertThat(drain(otherProcess)).isEmpty();
    assertThat(drain(everything)).containsExactly(new LogLine("api", "out", PREFIX + "hello", 0));
  }

  @Test
  void aClosedSubscriptionReceivesNothingMore() throws Exception {
    LogBroadcaster.Subscription subscription = broadcaster.subscribe("api"::equals, "out", 100);
    LineCapture capture = capture();
    feed(capture, "before\n");

    subscription.close();
    feed(capture, "after\n");

    assertThat(drain(subscription)).containsExactly(new LogLine("api", "out", PREFIX + "before", 0));
  }

  @Test
  void aSlowFollowerLosesLinesAndIsToldHowManyOnTheNextDeliveredLine() throws Exception {
    LogBroadcaster.Subscription subscription = broadcaster.subscribe("api"::equals, "out", 2);
    LineCapture capture = capture();

    feed(capture, "1\n2\n3\n4\n5\n");
    assertThat(drain(subscription))
        .containsExactly(new LogLine("api", "out", PREFIX + "1", 0), new LogLine("api", "out", PREFIX + "2", 0));

    feed(capture, "6\n7\n");

    assertThat(drain(subscription))
        .containsExactly(
            new LogLine("api", "out", PREFIX + "6", 3), new LogLine("api", "out", PREFIX + "7", 0));
    assertThat(content()).as("the file keeps every line").contains(PREFIX + "3\n", PREFIX + "4\n", PREFIX + "5\n");
  }

  @Test
  void pollWaitsUpToTheTimeoutAndReturnsNullWhenNothingArrives() throws Exception {
    LogBroadcaster.Subscription subscription = broadcaster.subscribe("api"::equals, "out", 2);

    assertThat(subscription.poll(10, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void normalWritesReportNoError() throws IOException {
    LineCapture capture = capture();
    feed(capture, "fine\n");
    capture.endOfStream();

    assertThat(writeErrors).hasValue(0);
  }

  @Test
  void aFailingLogFileIsReportedOnceAndFollowersStillGetTheLines() throws Exception {
    // a rotation that cannot delete the oldest file (a non-empty directory is in its place) fails
    writer.close();
    writer = new RotatingLogWriter(file, 10, 1);
    Files.createDirectories(dir.resolve("api-out.log.1/blocker"));
    LogBroadcaster.Subscription subscription = broadcaster.subscribe("api"::equals, "out", 100);
    LineCapture capture = capture();

    feed(capture, "first line that fills the file\n");
    feed(capture, "second\n");
    feed(capture, "third\n");

    assertThat(writeErrors).hasValue(1);
    assertThat(drain(subscription))
        .extracting(LogLine::line)
        .containsExactly(PREFIX + "first line that fills the file", PREFIX + "second", PREFIX + "third");
  }

  @Test
  void theTimestampUsesTheGivenZoneWithItsOffset() throws IOException {
    LineCapture capture =
        new LineCapture(
            writer, broadcaster, "api", "out", Clock.fixed(Instant.parse("2026-02-05T20:39:14.739Z"), ZoneOffset.UTC),
            ZoneOffset.ofHours(-5), writeErrors::incrementAndGet);

    feed(capture, "hello\n");

    assertThat(content()).isEqualTo("2026-02-05T15:39:14.739-05:00 hello\n");
  }

  @Test
  void randomChunkingLosesNoByteAndCutsOnlyOverlongLines() throws IOException {
    Random random = new Random(42);
    StringBuilder input = new StringBuilder();
    int longest = 0;
    for (int i = 0; i < 300; i++) {
      int length = random.nextInt(20) == 0 ? 70_000 + random.nextInt(80_000) : random.nextInt(200);
      String body = i + ":" + pattern(length);
      longest = Math.max(longest, body.length());
      input.append(body).append('\n');
    }
    input.append("partial tail");
    byte[] bytes = input.toString().getBytes(UTF_8);
    LineCapture capture = capture();

    for (int offset = 0; offset < bytes.length; ) {
      int chunk = Math.min(1 + random.nextInt(20_000), bytes.length - offset);
      capture.accept(bytes, offset, chunk);
      offset += chunk;
    }
    capture.endOfStream();

    List<String> lines = stripPrefixes(contentLines());
    assertThat(lines.size()).isGreaterThan(301);
    assertThat(String.join("", lines)).isEqualTo(input.toString().replace("\n", ""));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("partial tail");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThan(LineCapture.MAX_LINE + 20_000));
    assertThat(longest).isGreaterThan(LineCapture.MAX_LINE);
  }

  // ---- helpers

  private List<String> contentLines() throws IOException {
    String text = content();
    assertThat(text).endsWith("\n");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private static List<String> stripPrefixes(List<String> lines) {
    List<String> stripped = new ArrayList<>();
    for (String line : lines) {
      assertThat(line).startsWith(PREFIX);
      stripped.add(line.substring(PREFIX.length()));
    }
    return stripped;
  }

  /** Printable, position-dependent text, so a lost or repeated byte shows. */
  private static String pattern(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('!' + (i * 7 + i / 94) % 94));
    }
    return text.toString();
  }

  @Test
  void theWordAtATimeNewlineSearchFindsWhatAByteAtATimeSearchFinds() {
    // bytes next to '\n' (0x0A) in value: 0x09, 0x0B, 0x8A, 0x01, 0x00, 0xFF are the ones a
    // word-at-a-time trick can confuse with it
    byte[] alphabet = {'\n', 0x09, 0x0B, (byte) 0x8A, 0x01, 0x00, (byte) 0xFF, 'a'};
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      byte[] buffer = new byte[random.nextInt(40)];
      int newlines = random.nextInt(4);
      for (int i = 0; i < buffer.length; i++) {
        buffer[i] = alphabet[1 + random.nextInt(alphabet.length - 1)];
      }
      for (int n = 0; n < newlines && buffer.length > 0; n++) {
        buffer[random.nextInt(buffer.length)] = '\n';
      }
      int from = buffer.length == 0 ? 0 : random.nextInt(buffer.length + 1);
      int end = from + random.nextInt(buffer.length - from + 1);

      int expected = -1;
      for (int i = from; i < end; i++) {
        if (buffer[i] == '\n') {
          expected = i;
          break;
        }
      }
      assertThat(LineCapture.indexOfNewline(buffer, from, end))
          .as("round %d: %s [%d, %d)", round, java.util.Arrays.toString(buffer), from, end)
          .isEqualTo(expected);
    }
  }
}
