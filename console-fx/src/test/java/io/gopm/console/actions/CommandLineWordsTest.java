package io.gopm.console.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineWordsTest {

  @Test
  void splitsLikeAShellWithoutExpanding() {
    assertThat(CommandLineWords.split("  --port 8080  ")).containsExactly("--port", "8080");
    assertThat(CommandLineWords.split("'a b' \"c \\\"d\\\"\" e\\ f $HOME")).containsExactly("a b", "c \"d\"", "e f", "$HOME");
    assertThat(CommandLineWords.split("'' x")).containsExactly("", "x");
    assertThat(CommandLineWords.split("")).isEmpty();
  }

  @Test
  void unclosedQuotesAreRefused() {
    assertThatThrownBy(() -> CommandLineWords.split("'a")).hasMessage("unclosed ' quote");
    assertThatThrownBy(() -> CommandLineWords.split("\"a")).hasMessage("unclosed \" quote");
    assertThatThrownBy(() -> CommandLineWords.split("a\\")).hasMessageContaining("backslash");
  }
}
