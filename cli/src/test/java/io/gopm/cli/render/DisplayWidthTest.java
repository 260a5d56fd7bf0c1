package io.gopm.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  private final Ansi on = new Ansi(true);

  @Test
  void countsOneColumnPerAsciiCharacter() {
    assertThat(DisplayWidth.of("")).isZero();
    assertThat(DisplayWidth.of("api")).isEqualTo(3);
    assertThat(DisplayWidth.of("tcp@127.0.0.1:8080")).isEqualTo(18);
  }

  @Test
  void countsOnlyTheVisibleCharactersOfColouredText() {
    assertThat(DisplayWidth.of(on.green("online"))).isEqualTo(6);
    assertThat(DisplayWidth.of(on.red("errored") + " " + on.dim("(boom)"))).isEqualTo(14);
    assertThat(DisplayWidth.of(on.boldCyan("x"))).isEqualTo(1);
  }

  @Test
  void countsTwoColumnsForEachCjkCharacter() {
    assertThat(DisplayWidth.of("漢字")).isEqualTo(4);
    assertThat(DisplayWidth.of("한국어")).isEqualTo(6);
    assertThat(DisplayWidth.of("ひらがな")).isEqualTo(8);
    assertThat(DisplayWidth.of("ｗｉｄｅ")).isEqualTo(8); // fullwidth Latin
    assertThat(DisplayWidth.of("api-漢")).isEqualTo(6);
  }

  @Test
  void countsNoColumnsForCombiningMarks() {
    String decomposed = "e\u0301te\u0301"; // "été" written with combining acute accents
    assertThat(decomposed).hasSize(5);
    assertThat(DisplayWidth.of(decomposed)).isEqualTo(3);
    assertThat(DisplayWidth.of("\u00e9t\u00e9")).isEqualTo(3);
  }

  @Test
  void countsNoColumnsForZeroWidthAndControlCharacters() {
    assertThat(DisplayWidth.of("a\u200Bb")).isEqualTo(2);
    assertThat(DisplayWidth.of("a\u200Db")).isEqualTo(2);
    assertThat(DisplayWidth.of("a\u0007b")).isEqualTo(2);
  }

  @Test
  void countsTwoColumnsForEmoji() {
    assertThat(DisplayWidth.of("😀")).isEqualTo(2); // U+1F600, a surrogate pair in Java
    assertThat(DisplayWidth.of("🤖")).isEqualTo(2);
    assertThat(DisplayWidth.of("ok 🔥")).isEqualTo(5);
  }

  @Test
  void countsTwoColumnsForEmojiOutsideTheEmoticonAndPictographBlocks() {
    assertThat(DisplayWidth.of("🚀")).isEqualTo(2); // U+1F680, Transport and Map Symbols
    assertThat(DisplayWidth.of("✅")).isEqualTo(2); // U+2705, East Asian Width W
    assertThat(DisplayWidth.of("⌛")).isEqualTo(2); // U+231B, East Asian Width W
  }
}
