package io.gopm.daemon.supervision;

import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;

/**
 * The restart rule as a pure function: given the policy, how the process exited, how long it ran
 * and the restart counter, decide whether to restart (and after which delay), stop, or give up.
 * Follows the GoPM algorithm: autorestart mode, then the min-uptime reset, then max restarts,
 * then the (optionally exponential, always capped) delay.
 */
public final class RestartDecider {

  /** Backoff never exceeds this even when max_delay is 0 (no cap configured). */
  static final Duration ABSOLUTE_MAX_DELAY = Duration.ofHours(1);

  /** Doubling stops here: 2^30 × any delay is already beyond every cap. */
  private static final int MAX_EXPONENT = 30;

  private RestartDecider() {}

  /**
   * Decides what follows an exit the user did not ask for.
   *
   * @param exitCode the exit code, -1 when ended by a signal
   * @param runTime how long this run lasted
   * @param counter the consecutive restart counter before this exit
   */
  public static RestartDecision decide(RestartPolicy policy, int exitCode, Duration runTime, int counter) {
    if (policy.autorestart() == AutoRestart.NEVER) {
      return new RestartDecision.Stop("autorestart disabled", "autorestart disabled, not restarting");
    }
    if (policy.autorestart() == AutoRestart.ON_FAILURE && exitCode == 0) {
      return new RestartDecision.Stop(
          "clean exit (autorestart=on-failure)", "clean exit (autorestart=on-failure), not restarting");
    }
    boolean reset = runTime.compareTo(policy.minUptime()) >= 0 && counter > 0;
    int effective = reset ? 0 : counter;
    if (policy.maxRestarts() > 0 && effective >= policy.maxRestarts()) {
      String reason = "max restarts reached (exit code " + exitCode + ")";
      return new RestartDecision.GiveUp(
          reason, reason + " — giving up after " + effective + " restarts", effective);
    }
    Duration delay = delay(policy, effective);
    String max = policy.maxRestarts() > 0 ? Integer.toString(policy.maxRestarts()) : "unlimited";
    String line =
        "restarting (attempt " + (effective + 1) + "/" + max + ", delay " + GoDuration.format(delay) + ")";
    return new RestartDecision.Restart(delay, effective, reset, line);
  }

  /**
   * The delay before restart number {@code counter + 1}: the restart delay, doubled per previous
   * consecutive restart with exponential backoff, capped by max_delay (or one hour without a cap).
   * Saturates instead of overflowing.
   */
  static Duration delay(RestartPolicy policy, int counter) {
    Duration base = policy.restartDelay();
    if (!policy.expBackoff() || base.isZero()) {
      return base;
    }
    Duration cap = policy.maxDelay().isZero() ? ABSOLUTE_MAX_DELAY : policy.maxDelay();
    int exponent = Math.min(Math.max(counter, 0), MAX_EXPONENT);
    Duration delay;
    try {
      delay = base.multipliedBy(1L << exponent);
    } catch (ArithmeticException overflow) {
      delay = cap;
    }
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
