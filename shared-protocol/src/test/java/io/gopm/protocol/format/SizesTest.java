package io.gopm.protocol.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

  static Stream<Arguments> validSizes() {
    return Stream.of(
        Arguments.of("500K", 512_000L),
        Arguments.of("1M", 1_048_576L),
        Arguments.of("10M", 10_485_760L),
        Arguments.of("100M", 104_857_600L),
        Arguments.of("1G", 1_073_741_824L),
        Arguments.of("1024", 1_024L),
        Arguments.of(" 2k ", 2_048L),
        Arguments.of("5m", 5_242_880L),
        Arguments.of("3g", 3L * 1024 * 1024 * 1024),
        Arguments.of("1", 1L),
        Arguments.of("+5K", 5_120L));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @MethodSource("validSizes")
  void parsesSizesWithBinarySuffixes(String text, long expected) {
    assertThat(Sizes.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1.5M", "1MB", "1 M", "abc", "1T", "K", "M5"})
  void rejectsMalformedSizesNamingTheUpperCasedInput(String text) {
    assertThatThrownBy(() -> Sizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid size \"" + text.trim().toUpperCase() + "\": ")
        .hasMessageContaining("500K");
  }

  @Test
  void upperCasesAndTrimsTheInputInTheMessage() {
    assertThatThrownBy(() -> Sizes.parse(" abc "))
        .hasMessage(
            "invalid size \"ABC\": expected a whole number with an optional K, M or G suffix, like 500K, 1M, 10M");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"0", "-1M", "-1", "0K"})
  void rejectsZeroAndNegativeSizes(String text) {
    assertThatThrownBy(() -> Sizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid size \"" + text + "\": must be greater than 0");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   "})
  void rejectsAnEmptySizeLeavingTheDefaultToTheCaller(String text) {
    assertThatThrownBy(() -> Sizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid size \"\": ");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Sizes.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsSizesThatOverflow() {
    assertThatThrownBy(() -> Sizes.parse("9223372036854775807G"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid size \"9223372036854775807G\": too large");
    assertThatThrownBy(() -> Sizes.parse("99999999999999999999"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultMaxLogSizeIsOneMebibyte() {
    assertThat(Sizes.DEFAULT_MAX_LOG_SIZE).isEqualTo(1_048_576L);
  }

  static Stream<Arguments> formattedSizes() {
    return Stream.of(
        Arguments.of(1_048_576L, "1M"),
        Arguments.of(10_485_760L, "10M"),
        Arguments.of(52_428_800L, "50M"),
        Arguments.of(1_073_741_824L, "1G"),
        Arguments.of(512_000L, "500K"),
        Arguments.of(1_024L, "1K"),
        Arguments.of(512L, "512"),
        Arguments.of(1_536L, "1536"),
        Arguments.of(1_049_600L, "1025K"),
        Arguments.of(2_147_483_648L, "2G"),
        Arguments.of(1_536L * 1024 * 1024, "1536M"),
        Arguments.of(0L, "0"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("formattedSizes")
  void formatsAsTheShortestExactForm(long bytes, String expected) {
    assertThat(Sizes.format(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1M", "10M", "50M", "1G", "500K", "512", "1536M", "1025K"})
  void formattingAParsedSizeGivesTheSameText(String text) {
    assertThat(Sizes.format(Sizes.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {1, 512, 1023, 1024, 1025, 4096, 1_048_575, 1_048_576, 3_221_225_472L})
  void parsingAFormattedSizeGivesTheSameBytes(long bytes) {
    assertThat(Sizes.parse(Sizes.format(bytes))).isEqualTo(bytes);
  }
}
