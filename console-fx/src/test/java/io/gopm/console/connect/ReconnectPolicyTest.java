package io.gopm.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(2), 5);

  @Test
  void startsConnecting() {
    assertThat(policy.status().state()).isEqualTo(ConnectionState.CONNECTING);
    assertThat(policy.status().stale()).isTrue();
  }

  @Test
  void aFirstAttemptThatFailsIsFailedWithTheReasonAndRetried() {
    assertThat(policy.failed("no daemon at /x", false)).contains(Duration.ofMillis(250));

    assertThat(policy.status().state()).isEqualTo(ConnectionState.FAILED);
    assertThat(policy.status().describe()).isEqualTo("failed: no daemon at /x");
  }

  @Test
  void aLostConnectionIsReconnectingWithDoublingDelays() {
    policy.connected();

    assertThat(policy.failed("closed", false)).contains(Duration.ofMillis(250));
    assertThat(policy.status().state()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(policy.failed("closed", false)).contains(Duration.ofMillis(500));
    assertThat(policy.failed("closed", false)).contains(Duration.ofSeconds(1));
    assertThat(policy.failed("closed", false)).contains(Duration.ofSeconds(2));
    assertThat(policy.failed("closed", false)).contains(Duration.ofSeconds(2));
    assertThat(policy.status().state()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(policy.status().attempts()).isEqualTo(5);
  }

  @Test
  void reconnectingTurnsFailedAfterTheQuickAttemptsButKeepsRetrying() {
    policy.connected();
    for (int i = 0; i < 5; i++) {
      policy.failed("closed", false);
    }

    assertThat(policy.failed("still closed", false)).contains(Duration.ofSeconds(2));
    assertThat(policy.status().state()).isEqualTo(ConnectionState.FAILED);
  }

  @Test
  void aSuccessResetsEverything() {
    policy.connected();
    policy.failed("closed", false);
    policy.failed("closed", false);

    ConnectionStatus status = policy.connected();

    assertThat(status.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(status.reason()).isEmpty();
    assertThat(status.stale()).isFalse();
    assertThat(policy.failed("closed", false)).contains(Duration.ofMillis(250));
  }

  @Test
  void aPermanentFailureIsNotRetriedUntilAsked() {
    assertThat(policy.failed("ssh: Permission denied (publickey)", true)).isEmpty();
    assertThat(policy.status().state()).isEqualTo(ConnectionState.FAILED);
    assertThat(policy.status().retryIn()).isNull();

    assertThat(policy.retryNow().state()).isEqualTo(ConnectionState.CONNECTING);
    assertThat(policy.failed("again", false)).contains(Duration.ofMillis(250));
  }
}
