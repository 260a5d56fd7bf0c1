package io.gopm.protocol.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneOffset MINUS_FIVE = ZoneOffset.ofHours(-5);

  static Stream<Arguments> rfc3339() {
    return Stream.of(
        Arguments.of("2026-02-05T20:39:14.739123456Z", MINUS_FIVE, "2026-02-05T15:39:14.739123456-05:00"),
        Arguments.of("2026-02-05T20:39:14.739123456Z", NEW_YORK, "2026-02-05T15:39:14.739123456-05:00"),
        Arguments.of("2026-07-05T20:39:14.5Z", NEW_YORK, "2026-07-05T16:39:14.5-04:00"),
        Arguments.of("2026-02-05T20:39:14.700Z", ZoneOffset.UTC, "2026-02-05T20:39:14.7Z"),
        Arguments.of("2026-02-05T20:39:14.000100Z", ZoneOffset.UTC, "2026-02-05T20:39:14.0001Z"),
        Arguments.of("2026-02-05T20:39:14Z", ZoneOffset.UTC, "2026-02-05T20:39:14Z"),
        Arguments.of("2026-02-05T20:39:14Z", ZoneId.of("UTC"), "2026-02-05T20:39:14Z"),
        Arguments.of("2026-02-05T20:39:14Z", ZoneId.of("Asia/Kolkata"), "2026-02-06T02:09:14+05:30"));
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @MethodSource("rfc3339")
  void writesRfc3339WithTrimmedFractionAndTheZoneOffset(String instant, ZoneId zone, String expected) {
    assertThat(Timestamps.rfc3339(Instant.parse(instant), zone)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"America/New_York", "Asia/Kolkata", "UTC", "Pacific/Chatham"})
  void writesTheNeverSetTimeAsGosZeroTimeInEveryZone(String zone) {
    assertThat(Timestamps.rfc3339(Timestamps.NEVER, ZoneId.of(zone))).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void parsesGosZeroTimeAsNever() {
    assertThat(Timestamps.parseRfc3339("0001-01-01T00:00:00Z")).isEqualTo(Timestamps.NEVER);
  }

  @Test
  void parsesOffsetsAndFractions() {
    assertThat(Timestamps.parseRfc3339("2026-02-05T15:39:14.739123456-05:00"))
        .isEqualTo(Instant.parse("2026-02-05T20:39:14.739123456Z"));
    assertThat(Timestamps.parseRfc3339("2026-02-05T20:39:14Z")).isEqualTo(Instant.parse("2026-02-05T20:39:14Z"));
    assertThat(Timestamps.parseRfc3339("2026-02-06T02:09:14.5+05:30"))
        .isEqualTo(Instant.parse("2026-02-05T20:39:14.5Z"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-02-05T20:39:14.739123456Z", "2026-02-05T20:39:14Z",
      "1970-01-01T00:00:00.000000001Z", "2038-01-19T03:14:08.1Z", "0001-01-01T00:00:00Z"})
  void writingThenParsingGivesTheSameInstant(String text) {
    Instant instant = Instant.parse(text);
    for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, MINUS_FIVE, NEW_YORK, ZoneId.of("Asia/Kolkata")}) {
      assertThat(Timestamps.parseRfc3339(Timestamps.rfc3339(instant, zone))).as("in %s", zone).isEqualTo(instant);
    }
  }

  @Test
  void logLinePrefixAlwaysHasThreeMillisecondDigits() {
    assertThat(Timestamps.logLine(Instant.parse("2026-02-05T20:39:14.739123456Z"), NEW_YORK))
        .isEqualTo("2026-02-05T15:39:14.739-05:00");
    assertThat(Timestamps.logLine(Instant.parse("2026-02-05T20:39:14Z"), NEW_YORK))
        .isEqualTo("2026-02-05T15:39:14.000-05:00");
    assertThat(Timestamps.logLine(Instant.parse("2026-02-05T01:29:41.85Z"), ZoneOffset.UTC))
        .isEqualTo("2026-02-05T01:29:41.850Z");
  }

  @Test
  void logLinePrefixLooksLikeATimestamp() {
    String prefix = Timestamps.logLine(Instant.parse("2026-02-05T20:39:14.739Z"), NEW_YORK);
    assertThat(Timestamps.looksLikeTimestamp(prefix)).isTrue();
    assertThat(Timestamps.looksLikeTimestamp(prefix + " stdout heartbeat")).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"2026-02-05T15:39:14", "2026-02-05T15:39:14.739Z", "0001-01-01T00:00:00Z"})
  void recognisesTextStartingWithADateAndTime(String text) {
    assertThat(Timestamps.looksLikeTimestamp(text)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "hello world", "2026-02-05", "2026-02-05T15:39", "2026/02/05T15:39:14",
      "2026-02-05 15:39:14", "X026-02-05T15:39:14", "==> api <== and more text"})
  void rejectsTextThatDoesNotStartWithADateAndTime(String text) {
    assertThat(Timestamps.looksLikeTimestamp(text)).isFalse();
  }

  @Test
  void localZoneIsNeverNull() {
    assertThat(Timestamps.localZone()).isNotNull();
  }
}
