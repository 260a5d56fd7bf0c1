package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.CliException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GuiCommandTest {

  @Test
  void theRefreshIsAGoDurationOfAtLeastOneHundredMilliseconds() {
    assertThat(GuiCommand.refreshPeriod("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(GuiCommand.refreshPeriod("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GuiCommand.refreshPeriod("100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(GuiCommand.refreshPeriod("1m30s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void tooShortOrMalformedRefreshesAreRefused() {
    assertThatThrownBy(() -> GuiCommand.refreshPeriod("50ms"))
        .isInstanceOf(CliException.class)
        .hasMessage("invalid --refresh \"50ms\": must be at least 100ms");
    assertThatThrownBy(() -> GuiCommand.refreshPeriod("0"))
        .hasMessage("invalid --refresh \"0\": must be at least 100ms");
    assertThatThrownBy(() -> GuiCommand.refreshPeriod("1"))
        .hasMessage("invalid --refresh \"1\": time: missing unit in duration \"1\"");
    assertThatThrownBy(() -> GuiCommand.refreshPeriod("soon"))
        .hasMessage("invalid --refresh \"soon\": time: invalid duration \"soon\"");
  }
}
