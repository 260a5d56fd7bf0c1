package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoRestartTest {

  @ParameterizedTest
  @EnumSource(AutoRestart.class)
  void parsesItsWireNameAndPrintsItBack(AutoRestart mode) {
    assertThat(AutoRestart.parse(mode.wireName())).isEqualTo(mode);
    assertThat(mode.toString()).isEqualTo(mode.wireName());
  }

  @Test
  void wireNamesAreThoseOfTheEcosystemFile() {
    assertThat(AutoRestart.ALWAYS.wireName()).isEqualTo("always");
    assertThat(AutoRestart.ON_FAILURE.wireName()).isEqualTo("on-failure");
    assertThat(AutoRestart.NEVER.wireName()).isEqualTo("never");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"on_failure", "ALWAYS", "", "sometimes"})
  void refusesOtherSpellingsNamingTheAcceptedValues(String text) {
    assertThatThrownBy(() -> AutoRestart.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected always, on-failure or never");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> AutoRestart.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
