package io.gopm.protocol.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanUnitsTest {

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofMillis(500), "0s"),
        Arguments.of(Duration.ofMillis(999), "0s"),
        Arguments.of(Duration.ofSeconds(1), "1s"),
        Arguments.of(Duration.ofSeconds(5), "5s"),
        Arguments.of(Duration.ofMillis(5_900), "5s"),
        Arguments.of(Duration.ofSeconds(59), "59s"),
        Arguments.of(Duration.ofSeconds(60), "1m"),
        Arguments.of(Duration.ofSeconds(65), "1m"),
        Arguments.of(Duration.ofSeconds(3600), "1h"),
        Arguments.of(Duration.ofSeconds(3661), "1h 1m"),
        Arguments.of(Duration.ofSeconds(90061), "1d 1h 1m"),
        Arguments.of(Duration.ofDays(4).plusHours(12), "4d 12h"),
        Arguments.of(Duration.ofDays(1).plusMinutes(5).plusSeconds(7), "1d 5m"),
        Arguments.of(Duration.ofDays(400), "400d"),
        Arguments.of(Duration.ofSeconds(-30), "0s"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("durations")
  void showsUptimeInDaysHoursAndMinutesOrSecondsAlone(Duration duration, String expected) {
    assertThat(HumanUnits.duration(duration)).isEqualTo(expected);
  }

  static Stream<Arguments> bytes() {
    return Stream.of(
        Arguments.of(0L, "0 B"),
        Arguments.of(512L, "512 B"),
        Arguments.of(1023L, "1023 B"),
        Arguments.of(1024L, "1.0 KB"),
        Arguments.of(1536L, "1.5 KB"),
        Arguments.of(1_048_576L, "1.0 MB"),
        Arguments.of(1_572_864L, "1.5 MB"),
        Arguments.of(25_270_272L, "24.1 MB"),
        Arguments.of(1_073_741_824L, "1.0 GB"),
        Arguments.of(2_147_483_648L, "2.0 GB"),
        Arguments.of(5L * 1024 * 1024 * 1024 * 1024, "5120.0 GB"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("bytes")
  void showsBytesInBinaryMultiplesWithOneDecimal(long bytes, String expected) {
    assertThat(HumanUnits.bytes(bytes)).isEqualTo(expected);
  }

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(1_048_576L, "1 MB"),
        Arguments.of(10_485_760L, "10 MB"),
        Arguments.of(524_288L, "512 KB"),
        Arguments.of(1_073_741_824L, "1 GB"),
        Arguments.of(1_536L, "1.5 KB"),
        Arguments.of(1_572_864L, "1536 KB"),
        Arguments.of(512L, "512 B"),
        Arguments.of(1_048_577L, "1.0 MB"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("sizes")
  void showsSizeLimitsAsWholeUnitsWhenExact(long bytes, String expected) {
    assertThat(HumanUnits.size(bytes)).isEqualTo(expected);
  }

  static Stream<Arguments> cpus() {
    return Stream.of(
        Arguments.of(0.0, "0.0%"),
        Arguments.of(0.3, "0.3%"),
        Arguments.of(12.1, "12.1%"),
        Arguments.of(12.14, "12.1%"),
        Arguments.of(99.96, "100.0%"),
        Arguments.of(250.0, "250.0%"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cpus")
  void showsCpuAsAPercentWithOneDecimalThatMayExceedHundred(double percent, String expected) {
    assertThat(HumanUnits.cpu(percent)).isEqualTo(expected);
  }
}
