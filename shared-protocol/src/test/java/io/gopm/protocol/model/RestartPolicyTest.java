package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

  private static final Duration S = Duration.ofSeconds(1);

  @Test
  void refusesANegativeDurationNamingTheFieldInGoSyntax() {
    InvalidFieldException error = catchThrowableOfType(InvalidFieldException.class,
        () -> new RestartPolicy(AutoRestart.ALWAYS, 0, S, Duration.ofMillis(-1500), false, S, 15, S));

    assertThat(error.field()).isEqualTo("restart_delay");
    assertThat(error).hasMessage("invalid restart_delay \"-1.5s\": must not be negative");
  }

  @Test
  void refusesNegativeMaxRestarts() {
    InvalidFieldException error = catchThrowableOfType(InvalidFieldException.class,
        () -> new RestartPolicy(AutoRestart.ALWAYS, -3, S, S, false, S, 15, S));

    assertThat(error.field()).isEqualTo("max_restarts");
    assertThat(error.value()).isEqualTo("-3");
  }

  @Test
  void refusesMissingValues() {
    assertThatThrownBy(() -> new RestartPolicy(null, 0, S, S, false, S, 15, S))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("autorestart");
    assertThatThrownBy(() -> new RestartPolicy(AutoRestart.NEVER, 0, S, S, false, S, 15, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kill_timeout");
  }

  @Test
  void unlimitedRestartsOnlyForZero() {
    assertThat(new RestartPolicy(AutoRestart.ALWAYS, 0, S, S, false, S, 15, S).unlimitedRestarts()).isTrue();
    assertThat(new RestartPolicy(AutoRestart.ALWAYS, 1, S, S, false, S, 15, S).unlimitedRestarts()).isFalse();
  }
}
