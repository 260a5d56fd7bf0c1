package io.gopm.protocol.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  static Stream<Arguments> validDurations() {
    return Stream.of(
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("5s", Duration.ofSeconds(5)),
        Arguments.of("1m30s", Duration.ofSeconds(90)),
        Arguments.of("2h", Duration.ofHours(2)),
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("-5s", Duration.ofSeconds(-5)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("+5s", Duration.ofSeconds(5)),
        Arguments.of("1h2m3.5s", Duration.ofMillis(3_723_500)),
        Arguments.of("300us", Duration.ofNanos(300_000)),
        Arguments.of("1\u00b5s", Duration.ofNanos(1_000)), // micro sign
        Arguments.of("1\u03bcs", Duration.ofNanos(1_000)), // Greek mu
        Arguments.of("2ns", Duration.ofNanos(2)),
        Arguments.of("-0", Duration.ZERO),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of(".5s", Duration.ofMillis(500)),
        Arguments.of("5.s", Duration.ofSeconds(5)),
        Arguments.of("1h1h", Duration.ofHours(2)),
        Arguments.of("1.000000001s", Duration.ofNanos(1_000_000_001)),
        Arguments.of("9223372036854775807ns", Duration.ofNanos(Long.MAX_VALUE)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("validDurations")
  void parsesGoDurationSyntax(String text, Duration expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(expected);
  }

  @Test
  void rejectsANumberWithoutUnitWithGosMessage() {
    assertThatThrownBy(() -> GoDuration.parse("5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: missing unit in duration \"5\"");
  }

  @Test
  void rejectsATrailingNumberWithoutUnit() {
    assertThatThrownBy(() -> GoDuration.parse("5s5"))
        .hasMessage("time: missing unit in duration \"5s5\"");
  }

  @Test
  void rejectsASpaceBetweenNumberAndUnitAsAnUnknownUnit() {
    assertThatThrownBy(() -> GoDuration.parse("5 s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: unknown unit \" s\" in duration \"5 s\"");
  }

  @Test
  void rejectsDaysAsAnUnknownUnit() {
    assertThatThrownBy(() -> GoDuration.parse("1d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: unknown unit \"d\" in duration \"1d\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"abc", "", "-", "+", ".s", "1..5s", "s", "ms5"})
  void rejectsMalformedDurationsAsInvalid(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration \"" + text + "\"");
  }

  @Test
  void rejectsNullAsAnEmptyDuration() {
    assertThatThrownBy(() -> GoDuration.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration \"\"");
  }

  @Test
  void rejectsADurationBeyondTheRangeOfLongNanoseconds() {
    assertThatThrownBy(() -> GoDuration.parse("9223372036854775808ns"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("time: invalid duration");
    assertThatThrownBy(() -> GoDuration.parse("2562048h"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNonAsciiDigits() {
    assertThatThrownBy(() -> GoDuration.parse("\u0665s")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesTheMostNegativeDuration() {
    assertThat(GoDuration.parse("-9223372036854775808ns")).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
  }

  static Stream<Arguments> formattedDurations() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofMillis(300), "300ms"),
        Arguments.of(Duration.ofMillis(500), "500ms"),
        Arguments.of(Duration.ofNanos(1_500_000), "1.5ms"),
        Arguments.of(Duration.ofNanos(1_000), "1\u00b5s"),
        Arguments.of(Duration.ofNanos(1_250), "1.25\u00b5s"),
        Arguments.of(Duration.ofNanos(999), "999ns"),
        Arguments.of(Duration.ofNanos(1), "1ns"),
        Arguments.of(Duration.ofSeconds(5), "5s"),
        Arguments.of(Duration.ofMillis(2_500), "2.5s"),
        Arguments.of(Duration.ofNanos(1_000_000_001), "1.000000001s"),
        Arguments.of(Duration.ofSeconds(60), "1m0s"),
        Arguments.of(Duration.ofSeconds(90), "1m30s"),
        Arguments.of(Duration.ofSeconds(3600), "1h0m0s"),
        Arguments.of(Duration.ofSeconds(5400), "1h30m0s"),
        Arguments.of(Duration.ofSeconds(3605), "1h0m5s"),
        Arguments.of(Duration.ofHours(100), "100h0m0s"),
        Arguments.of(Duration.ofSeconds(-5), "-5s"),
        Arguments.of(Duration.ofMillis(-1_500), "-1.5s"),
        Arguments.of(Duration.ofSeconds(-90), "-1m30s"),
        Arguments.of(Duration.ofMillis(-300), "-300ms"),
        Arguments.of(Duration.ofNanos(Long.MAX_VALUE), "2562047h47m16.854775807s"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("formattedDurations")
  void formatsLikeGosDurationString(Duration duration, String expected) {
    assertThat(GoDuration.format(duration)).isEqualTo(expected);
  }

  @Test
  void formatsTheMicroUnitWithTheMicroSignNotTheGreekMu() {
    assertThat(GoDuration.format(Duration.ofNanos(1_000))).isEqualTo("1\u00b5s").doesNotContain("\u03bc");
  }

  @Test
  void saturatesDurationsBeyondTheLongRange() {
    assertThat(GoDuration.format(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo("2562047h47m16.854775807s");
  }

  @Test
  void formatsTheMostNegativeDuration() {
    assertThat(GoDuration.format(Duration.ofNanos(Long.MIN_VALUE))).isEqualTo("-2562047h47m16.854775808s");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {0, 1, 999, 1_000, 1_001, 999_999, 1_000_000, 1_500_000, 999_999_999,
      1_000_000_000, 59_999_999_999L, 60_000_000_000L, 3_599_999_999_999L, 3_600_000_000_000L,
      86_400_000_000_000L, -1, -1_500_000, -3_600_000_000_000L, Long.MAX_VALUE})
  void formattingThenParsingGivesTheSameDuration(long nanos) {
    Duration duration = Duration.ofNanos(nanos);
    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }

  @Test
  void roundTripsManyRandomDurations() {
    Random random = new Random(20260205L);
    for (int i = 0; i < 5_000; i++) {
      long nanos = random.nextLong() / (1L << random.nextInt(63));
      Duration duration = Duration.ofNanos(nanos);
      String text = GoDuration.format(duration);
      assertThat(GoDuration.parse(text)).as("parse(\"%s\")", text).isEqualTo(duration);
    }
  }
}
