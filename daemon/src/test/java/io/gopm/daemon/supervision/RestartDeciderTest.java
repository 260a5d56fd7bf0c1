package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RestartDeciderTest {

  private static final Duration SHORT_RUN = Duration.ofMillis(200);

  private static RestartPolicy policy(
      AutoRestart mode,
      int maxRestarts,
      Duration minUptime,
      Duration restartDelay,
      boolean expBackoff,
      Duration maxDelay) {
    return new RestartPolicy(
        mode, maxRestarts, minUptime, restartDelay, expBackoff, maxDelay, 15, Duration.ofSeconds(5));
  }

  private static RestartPolicy mode(AutoRestart mode) {
    return policy(mode, 0, Duration.ofSeconds(5), Duration.ofSeconds(2), false, Duration.ofSeconds(30));
  }

  private static RestartPolicy backoff(int maxRestarts, Duration restartDelay, Duration maxDelay) {
    return policy(AutoRestart.ALWAYS, maxRestarts, Duration.ofSeconds(5), restartDelay, true, maxDelay);
  }

  /**
   * Replays a process that crashes again and again after {@code runTime}, applying each decision
   * the way the supervisor does (counter = counterBefore + 1 after a restart), until it gives up
   * or {@code exits} exits have been decided.
   */
  private static List<RestartDecision> crashLoop(
      RestartPolicy policy, int exitCode, Duration runTime, int exits) {
    List<RestartDecision> decisions = new ArrayList<>();
    int counter = 0;
    for (int i = 0; i < exits; i++) {
      RestartDecision decision = RestartDecider.decide(policy, exitCode, runTime, counter);
      decisions.add(decision);
      if (!(decision instanceof RestartDecision.Restart)) {
        break;
      }
      counter = ((RestartDecision.Restart) decision).counterBefore() + 1;
    }
    return decisions;
  }

  private static List<Duration> delays(List<RestartDecision> decisions) {
    List<Duration> delays = new ArrayList<>();
    for (RestartDecision decision : decisions) {
      if (decision instanceof RestartDecision.Restart restart) {
        delays.add(restart.delay());
      }
    }
    return delays;
  }

  // ---- autorestart modes

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 137, 255, -1})
  void neverModeStopsWhateverTheExitCode(int exitCode) {
    RestartDecision decision =
        RestartDecider.decide(mode(AutoRestart.NEVER), exitCode, SHORT_RUN, 0);

    assertThat(decision)
        .isEqualTo(
            new RestartDecision.Stop("autorestart disabled", "autorestart disabled, not restarting"));
  }

  @Test
  void neverModeStopsEvenWhenTheRestartLimitIsReached() {
    RestartPolicy policy =
        policy(AutoRestart.NEVER, 1, Duration.ofSeconds(5), Duration.ofSeconds(2), false, Duration.ZERO);

    assertThat(RestartDecider.decide(policy, 3, SHORT_RUN, 5))
        .isInstanceOf(RestartDecision.Stop.class);
  }

  @Test
  void onFailureModeStopsAfterACleanExit() {
    RestartDecision decision =
        RestartDecider.decide(mode(AutoRestart.ON_FAILURE), 0, SHORT_RUN, 0);

    assertThat(decision)
        .isEqualTo(
            new RestartDecision.Stop(
                "clean exit (autorestart=on-failure)",
                "clean exit (autorestart=on-failure), not restarting"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 127, 255, -1})
  void onFailureModeRestartsAfterAFailureOrASignal(int exitCode) {
    RestartDecision decision =
        RestartDecider.decide(mode(AutoRestart.ON_FAILURE), exitCode, SHORT_RUN, 0);

    assertThat(decision).isInstanceOf(RestartDecision.Restart.class);
    RestartDecision.Restart restart = (RestartDecision.Restart) decision;
    assertThat(restart.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(restart.counterBefore()).isZero();
    assertThat(restart.counterReset()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, -1})
  void alwaysModeRestartsAfterAnyExitIncludingACleanOne(int exitCode) {
    RestartDecision decision = RestartDecider.decide(mode(AutoRestart.ALWAYS), exitCode, SHORT_RUN, 0);

    assertThat(decision)
        .isEqualTo(
            new RestartDecision.Restart(
                Duration.ofSeconds(2), 0, false, "restarting (attempt 1/unlimited, delay 2s)"));
  }

  // ---- worked examples of daemon.md §6

  @Test
  void maxRestartsTwoRestartsTwiceThenGivesUpWithCounterTwo() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 2, Duration.ofSeconds(5), Duration.ofMillis(300), false, Duration.ofSeconds(30));

    List<RestartDecision> decisions = crashLoop(policy, 3, SHORT_RUN, 10);

    assertThat(decisions)
        .containsExactly(
            new RestartDecision.Restart(
                Duration.ofMillis(300), 0, false, "restarting (attempt 1/2, delay 300ms)"),
            new RestartDecision.Restart(
                Duration.ofMillis(300), 1, false, "restarting (attempt 2/2, delay 300ms)"),
            new RestartDecision.GiveUp(
                "max restarts reached (exit code 3)",
                "max restarts reached (exit code 3) — giving up after 2 restarts",
                2));
  }

  @Test
  void backoffFromHalfASecondDoublesUntilMaxRestartsThenGivesUp() {
    RestartPolicy policy = backoff(3, Duration.ofMillis(500), Duration.ofSeconds(10));

    List<RestartDecision> decisions = crashLoop(policy, 1, SHORT_RUN, 10);

    assertThat(delays(decisions))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(decisions).hasSize(4);
    assertThat(decisions.get(3))
        .isEqualTo(
            new RestartDecision.GiveUp(
                "max restarts reached (exit code 1)",
                "max restarts reached (exit code 1) — giving up after 3 restarts",
                3));
    assertThat(decisions.subList(0, 3))
        .extracting(d -> ((RestartDecision.Restart) d).actionLine())
        .containsExactly(
            "restarting (attempt 1/3, delay 500ms)",
            "restarting (attempt 2/3, delay 1s)",
            "restarting (attempt 3/3, delay 2s)");
  }

  @Test
  void backoffFromTwoSecondsIsCappedAtTheThirtySecondMaxDelay() {
    RestartPolicy policy = backoff(0, Duration.ofSeconds(2), Duration.ofSeconds(30));

    List<RestartDecision> decisions = crashLoop(policy, 1, SHORT_RUN, 7);

    assertThat(delays(decisions))
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(((RestartDecision.Restart) decisions.get(4)).actionLine())
        .isEqualTo("restarting (attempt 5/unlimited, delay 30s)");
  }

  @Test
  void runsLongerThanMinUptimeResetTheCounterSoMaxRestartsOneRestartsForever() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 1, Duration.ofSeconds(1), Duration.ofMillis(300), false, Duration.ofSeconds(30));

    List<RestartDecision> decisions = crashLoop(policy, 1, Duration.ofMillis(1200), 50);

    assertThat(decisions).hasSize(50).allMatch(d -> d instanceof RestartDecision.Restart);
    RestartDecision.Restart first = (RestartDecision.Restart) decisions.get(0);
    assertThat(first.counterReset()).as("nothing to reset on the first exit").isFalse();
    for (RestartDecision decision : decisions.subList(1, decisions.size())) {
      RestartDecision.Restart restart = (RestartDecision.Restart) decision;
      assertThat(restart.counterReset()).isTrue();
      assertThat(restart.counterBefore()).isZero();
      assertThat(restart.actionLine()).isEqualTo("restarting (attempt 1/1, delay 300ms)");
    }
  }

  // ---- min_uptime reset

  @ParameterizedTest
  @CsvSource({
    // runMillis, counter, expectedReset, expectedCounterBefore
    "5000, 3, true, 0",
    "5001, 3, true, 0",
    "60000, 1, true, 0",
    "4999, 3, false, 3",
    "0, 3, false, 3",
    "5000, 0, false, 0",
    "99999, 0, false, 0",
  })
  void resetsTheCounterOnlyAfterARunOfAtLeastMinUptimeWithACounterAboveZero(
      long runMillis, int counter, boolean expectedReset, int expectedCounterBefore) {
    RestartPolicy policy = mode(AutoRestart.ALWAYS);

    RestartDecision decision =
        RestartDecider.decide(policy, 1, Duration.ofMillis(runMillis), counter);

    RestartDecision.Restart restart = (RestartDecision.Restart) decision;
    assertThat(restart.counterReset()).isEqualTo(expectedReset);
    assertThat(restart.counterBefore()).isEqualTo(expectedCounterBefore);
  }

  @Test
  void aShortRunDoesNotResetTheCounterSoTheLimitApplies() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 1, Duration.ofSeconds(1), Duration.ofMillis(300), false, Duration.ofSeconds(30));

    RestartDecision decision = RestartDecider.decide(policy, 2, Duration.ofMillis(999), 1);

    assertThat(decision)
        .isEqualTo(
            new RestartDecision.GiveUp(
                "max restarts reached (exit code 2)",
                "max restarts reached (exit code 2) — giving up after 1 restarts",
                1));
  }

  @Test
  void theResetHappensBeforeTheMaxRestartsCheck() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), false, Duration.ofSeconds(30));

    RestartDecision decision = RestartDecider.decide(policy, 1, Duration.ofSeconds(1), 2);

    assertThat(decision)
        .isEqualTo(
            new RestartDecision.Restart(
                Duration.ofSeconds(1), 0, true, "restarting (attempt 1/2, delay 1s)"));
  }

  @Test
  void theResetAlsoRestartsTheBackoffFromTheBaseDelay() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 0, Duration.ofSeconds(1), Duration.ofSeconds(2), true, Duration.ofSeconds(30));

    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(policy, 1, Duration.ofSeconds(10), 4);

    assertThat(restart.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(restart.counterReset()).isTrue();
  }

  // ---- action lines

  @Test
  void actionLineSaysUnlimitedWhenMaxRestartsIsZero() {
    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(RestartPolicy.DEFAULTS, 1, SHORT_RUN, 0);

    assertThat(restart.actionLine()).isEqualTo("restarting (attempt 1/unlimited, delay 2s)");
  }

  @Test
  void actionLineCountsTheAttemptFromTheCounterAndUsesGoDurations() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 3, Duration.ofSeconds(5), Duration.ofMillis(300), false, Duration.ofSeconds(30));

    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(policy, 1, SHORT_RUN, 1);

    assertThat(restart.actionLine()).isEqualTo("restarting (attempt 2/3, delay 300ms)");
  }

  @ParameterizedTest
  @CsvSource({
    "60000, 'restarting (attempt 1/unlimited, delay 1m0s)'",
    "1500, 'restarting (attempt 1/unlimited, delay 1.5s)'",
    "0, 'restarting (attempt 1/unlimited, delay 0s)'",
    "3600000, 'restarting (attempt 1/unlimited, delay 1h0m0s)'",
  })
  void actionLineFormatsTheDelayLikeGo(long delayMillis, String expected) {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 0, Duration.ofSeconds(5), Duration.ofMillis(delayMillis), false, Duration.ZERO);

    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(policy, 1, SHORT_RUN, 0);

    assertThat(restart.actionLine()).isEqualTo(expected);
  }

  // ---- delay computation

  @Test
  void withoutBackoffTheDelayIsConstantAndNotCappedByMaxDelay() {
    RestartPolicy policy =
        policy(AutoRestart.ALWAYS, 0, Duration.ofSeconds(5), Duration.ofSeconds(60), false, Duration.ofSeconds(30));

    List<RestartDecision> decisions = crashLoop(policy, 1, SHORT_RUN, 5);

    assertThat(delays(decisions)).hasSize(5).containsOnly(Duration.ofSeconds(60));
  }

  @Test
  void withBackoffABaseDelayAboveMaxDelayIsCappedFromTheFirstRestart() {
    RestartPolicy policy = backoff(0, Duration.ofSeconds(60), Duration.ofSeconds(30));

    assertThat(RestartDecider.delay(policy, 0)).isEqualTo(Duration.ofSeconds(30));
  }

  static Stream<Arguments> largeCounters() {
    return Stream.of(0, 1, 10, 29, 30, 31, 32, 62, 63, 64, 65, 1_000, 1_000_000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE)
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("largeCounters")
  void exponentialBackoffWithoutMaxDelayNeverOverflowsAndIsCappedAtOneHour(int counter) {
    RestartPolicy policy = backoff(0, Duration.ofSeconds(2), Duration.ZERO);

    Duration delay = RestartDecider.delay(policy, counter);

    assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    if (counter >= 11) { // 2s × 2^11 = 4096s > 1h
      assertThat(delay).isEqualTo(Duration.ofHours(1));
    } else {
      assertThat(delay).isEqualTo(Duration.ofSeconds(2L << counter));
    }
  }

  @ParameterizedTest
  @MethodSource("largeCounters")
  void exponentialBackoffWithMaxDelayNeverOverflowsAndRespectsTheCap(int counter) {
    RestartPolicy policy = backoff(0, Duration.ofMillis(1), Duration.ofSeconds(30));

    Duration delay = RestartDecider.delay(policy, counter);

    assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(delay).isEqualTo(counter >= 15 ? Duration.ofSeconds(30) : Duration.ofMillis(1L << counter));
  }

  @ParameterizedTest
  @MethodSource("largeCounters")
  void exponentialBackoffOfAHugeBaseDelaySaturatesAtTheCap(int counter) {
    RestartPolicy policy = backoff(0, Duration.ofSeconds(Long.MAX_VALUE / 4), Duration.ZERO);

    assertThat(RestartDecider.delay(policy, counter)).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @MethodSource("largeCounters")
  void decideNeverProducesANonPositiveBackoffDelayForLongRestartStreaks(int counter) {
    RestartPolicy policy = backoff(0, Duration.ofSeconds(2), Duration.ZERO);

    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(policy, 1, SHORT_RUN, counter);

    assertThat(restart.delay()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
    assertThat(restart.counterBefore()).isEqualTo(counter);
  }

  @ParameterizedTest
  @MethodSource("largeCounters")
  void aZeroRestartDelayStaysZeroEvenWithBackoff(int counter) {
    RestartPolicy policy = backoff(0, Duration.ZERO, Duration.ofSeconds(30));

    assertThat(RestartDecider.delay(policy, counter)).isZero();
  }

  @Test
  void aZeroRestartDelayRestartsAtOnceWithAZeroSecondActionLine() {
    RestartPolicy policy = backoff(0, Duration.ZERO, Duration.ZERO);

    RestartDecision.Restart restart =
        (RestartDecision.Restart) RestartDecider.decide(policy, 1, SHORT_RUN, 7);

    assertThat(restart.delay()).isZero();
    assertThat(restart.actionLine()).isEqualTo("restarting (attempt 8/unlimited, delay 0s)");
  }

  @Test
  void theAbsoluteCapIsOneHour() {
    assertThat(RestartDecider.ABSOLUTE_MAX_DELAY).isEqualTo(Duration.ofHours(1));
  }
}
