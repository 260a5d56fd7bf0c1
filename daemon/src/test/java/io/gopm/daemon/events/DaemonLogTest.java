package io.gopm.daemon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaemonLogTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-05T01:29:27.030Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private DaemonLog log(boolean debug) {
    return new DaemonLog(out, CLOCK, ZoneOffset.UTC, debug);
  }

  private String written() {
    return out.toString(UTF_8);
  }

  @Test
  void writesTimeLevelQuotedMessageAndKeyValuePairs() {
    log(false).info("daemon started", "pid", 1, "key", "a b");

    assertThat(written())
        .isEqualTo("time=2026-02-05T01:29:27.030Z level=INFO msg=\"daemon started\" pid=1 key=\"a b\"\n");
  }

  @Test
  void theSpecExampleLineIsReproduced() {
    log(false)
        .info("daemon started", "pid", 18054, "socket", Path.of("/home/deploy/.gopm/gopm.sock"), "version", "0.0.34");

    assertThat(written())
        .isEqualTo(
            "time=2026-02-05T01:29:27.030Z level=INFO msg=\"daemon started\" pid=18054"
                + " socket=/home/deploy/.gopm/gopm.sock version=0.0.34\n");
  }

  @Test
  void aOneWordMessageIsNotQuoted() {
    log(false).warn("overloaded");

    assertThat(written()).isEqualTo("time=2026-02-05T01:29:27.030Z level=WARN msg=overloaded\n");
  }

  @Test
  void eachLevelIsNamed() {
    DaemonLog log = log(true);
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");

    assertThat(written().lines().map(line -> line.split(" ")[1]))
        .containsExactly("level=DEBUG", "level=INFO", "level=WARN", "level=ERROR");
  }

  @Test
  void debugLinesAreDroppedUnlessDebugIsOn() {
    DaemonLog quiet = log(false);
    quiet.debug("request received", "method", "list");

    assertThat(written()).isEmpty();
    assertThat(quiet.debugEnabled()).isFalse();

    DaemonLog verbose = log(true);
    verbose.debug("request received", "method", "list");

    assertThat(written())
        .isEqualTo("time=2026-02-05T01:29:27.030Z level=DEBUG msg=\"request received\" method=list\n");
    assertThat(verbose.debugEnabled()).isTrue();
  }

  @Test
  void aDanglingKeyWithoutValueIsLeftOut() {
    log(false).info("x", "a", 1, "dangling");

    assertThat(written()).isEqualTo("time=2026-02-05T01:29:27.030Z level=INFO msg=x a=1\n");
  }

  @Test
  void aNullValueIsWrittenAsNull() {
    log(false).info("x", "error", null);

    assertThat(written()).isEqualTo("time=2026-02-05T01:29:27.030Z level=INFO msg=x error=null\n");
  }

  @Test
  void theTimeIsWrittenInTheGivenZoneWithItsOffset() {
    new DaemonLog(out, CLOCK, ZoneId.of("America/New_York"), false).info("x");

    assertThat(written()).startsWith("time=2026-02-04T20:29:27.030-05:00 level=INFO");
  }

  @Test
  void aValueWithANewlineStaysOnOneLine() {
    log(false).error("failed", "error", "line one\nline two");

    assertThat(written())
        .isEqualTo("time=2026-02-05T01:29:27.030Z level=ERROR msg=failed error=\"line one\\nline two\"\n");
    assertThat(written().lines()).hasSize(1);
  }

  @Test
  void aFaultWritesTheErrorThenItsStackTrace() {
    log(false).fault("request failed: list", new IllegalStateException("boom"));

    String[] lines = written().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "time=2026-02-05T01:29:27.030Z level=ERROR msg=\"request failed: list\""
                + " error=\"java.lang.IllegalStateException: boom\"");
    assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(lines[2]).startsWith("\tat ").contains(DaemonLogTest.class.getName());
  }

  @Test
  void aFailingOutputDoesNotStopTheDaemon() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    DaemonLog log = new DaemonLog(broken, CLOCK, ZoneOffset.UTC, true);

    log.info("still running");
    log.fault("oops", new RuntimeException("x"));
    // reaching this line is the assertion: no exception escaped
    assertThat(log.debugEnabled()).isTrue();
  }

  @Test
  void openCreatesAPrivateFileAndAppendsToAnExistingOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("daemon.log");
    try (DaemonLog first = DaemonLog.open(file, false)) {
      first.info("first");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (DaemonLog second = DaemonLog.open(file, false)) {
      second.info("second");
    }

    assertThat(Files.readAllLines(file))
        .hasSize(2)
        .satisfiesExactly(
            line -> assertThat(line).matches("time=\\S+ level=INFO msg=first"),
            line -> assertThat(line).matches("time=\\S+ level=INFO msg=second"));
  }

  // ---- quote()

  @ParameterizedTest(name = "[{index}] <{0}> is written as <{1}>")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      emptyValue = "EMPTY",
      value = {
        "plain|plain",
        "/home/deploy/.gopm/gopm.sock|/home/deploy/.gopm/gopm.sock",
        "0.0.34|0.0.34",
        "-1|-1",
        "back\\slash|back\\slash",
        "ümlaut—dash|ümlaut—dash",
        "a b|\"a b\"",
        "k=v|\"k=v\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "\"|\"\\\"\"",
        "a \\ b|\"a \\\\ b\"",
      })
  void quoteLeavesSafeValuesAloneAndQuotesTheRest(String value, String expected) {
    assertThat(DaemonLog.quote(value)).isEqualTo(expected);
  }

  @Test
  void quoteQuotesTheEmptyString() {
    assertThat(DaemonLog.quote("")).isEqualTo("\"\"");
  }

  @Test
  void quoteEscapesControlCharacters() {
    assertThat(DaemonLog.quote("a\nb")).isEqualTo("\"a\\nb\"");
    assertThat(DaemonLog.quote("a\rb")).isEqualTo("\"a\\rb\"");
    assertThat(DaemonLog.quote("a\tb")).isEqualTo("\"a\\tb\"");
    assertThat(DaemonLog.quote("bell\u0007")).isEqualTo("\"bell\\u0007\"");
    assertThat(DaemonLog.quote("nul\u0000")).isEqualTo("\"nul\\u0000\"");
  }
}
