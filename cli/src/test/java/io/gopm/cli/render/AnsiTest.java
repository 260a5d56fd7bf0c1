package io.gopm.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnsiTest {

  private static final String ESC = "\u001b[";
  private final Ansi on = new Ansi(true);
  private final Ansi off = new Ansi(false);

  @Test
  void wrapsTextInSgrCodesAndResetWhenEnabled() {
    assertThat(on.enabled()).isTrue();
    assertThat(on.bold("x")).isEqualTo(ESC + "1mx" + ESC + "0m");
    assertThat(on.dim("x")).isEqualTo(ESC + "2mx" + ESC + "0m");
    assertThat(on.red("x")).isEqualTo(ESC + "31mx" + ESC + "0m");
    assertThat(on.green("x")).isEqualTo(ESC + "32mx" + ESC + "0m");
    assertThat(on.yellow("x")).isEqualTo(ESC + "33mx" + ESC + "0m");
    assertThat(on.cyan("x")).isEqualTo(ESC + "36mx" + ESC + "0m");
    assertThat(on.boldCyan("x")).isEqualTo(ESC + "1;36mx" + ESC + "0m");
  }

  @Test
  void returnsTextUnchangedWhenDisabled() {
    assertThat(off.enabled()).isFalse();
    assertThat(off.bold("x")).isEqualTo("x");
    assertThat(off.dim("x")).isEqualTo("x");
    assertThat(off.red("x")).isEqualTo("x");
    assertThat(off.green("x")).isEqualTo("x");
    assertThat(off.yellow("x")).isEqualTo("x");
    assertThat(off.cyan("x")).isEqualTo("x");
    assertThat(off.boldCyan("x")).isEqualTo("x");
  }

  @Test
  void enablesColoursForATerminalWithAPlainEnvironment() {
    assertThat(Ansi.forStream(true, Map.of()).enabled()).isTrue();
    assertThat(Ansi.forStream(true, Map.of("TERM", "xterm-256color")).enabled()).isTrue();
  }

  @Test
  void disablesColoursWhenTheStreamIsNotATerminal() {
    assertThat(Ansi.forStream(false, Map.of()).enabled()).isFalse();
    assertThat(Ansi.forStream(false, Map.of("TERM", "xterm")).enabled()).isFalse();
  }

  @Test
  void disablesColoursWhenNoColorIsSetToAnyNonEmptyValue() {
    assertThat(Ansi.forStream(true, Map.of("NO_COLOR", "1")).enabled()).isFalse();
    assertThat(Ansi.forStream(true, Map.of("NO_COLOR", "0")).enabled()).isFalse();
    assertThat(Ansi.forStream(true, Map.of("NO_COLOR", "false")).enabled()).isFalse();
  }

  @Test
  void keepsColoursWhenNoColorIsTheEmptyString() {
    assertThat(Ansi.forStream(true, Map.of("NO_COLOR", "")).enabled()).isTrue();
  }

  @Test
  void disablesColoursOnADumbTerminal() {
    assertThat(Ansi.forStream(true, Map.of("TERM", "dumb")).enabled()).isFalse();
  }

  @Test
  void coloursOnlineGreenStoppedYellowAndErroredRed() {
    assertThat(on.status(ProcessStatus.ONLINE)).isEqualTo(ESC + "32monline" + ESC + "0m");
    assertThat(on.status(ProcessStatus.STOPPED)).isEqualTo(ESC + "33mstopped" + ESC + "0m");
    assertThat(on.status(ProcessStatus.ERRORED)).isEqualTo(ESC + "31merrored" + ESC + "0m");
  }

  @Test
  void printsBareStatusWordsWhenDisabled() {
    assertThat(off.status(ProcessStatus.ONLINE)).isEqualTo("online");
    assertThat(off.status(ProcessStatus.STOPPED)).isEqualTo("stopped");
    assertThat(off.status(ProcessStatus.ERRORED)).isEqualTo("errored");
  }

  @Test
  void stripRemovesEverySgrSequence() {
    String coloured = on.bold("api") + " " + on.boldCyan("==> a <==") + " " + on.red(on.dim("x"));
    assertThat(Ansi.strip(coloured)).isEqualTo("api ==> a <== x");
  }

  @Test
  void stripRemovesSequencesWithSeveralParametersAndCursorControls() {
    assertThat(Ansi.strip(ESC + "1;31;4mwarn" + ESC + "m!")).isEqualTo("warn!");
    assertThat(Ansi.strip(ESC + "2J" + ESC + "Hframe")).isEqualTo("frame");
  }

  @Test
  void stripLeavesPlainTextAlone() {
    assertThat(Ansi.strip("plain [text] ü 漢")).isEqualTo("plain [text] ü 漢");
    assertThat(Ansi.strip("")).isEmpty();
  }
}
