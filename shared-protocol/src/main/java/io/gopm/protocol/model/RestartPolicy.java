package io.gopm.protocol.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a process is restarted and stopped. Durations are written in Go syntax in JSON ({@code
 * "5s"}).
 *
 * @param autorestart when an exit leads to a restart
 * @param maxRestarts consecutive restarts before giving up; 0 means unlimited
 * @param minUptime a run at least this long resets the restart counter
 * @param restartDelay the delay before a restart, and the base of exponential backoff
 * @param expBackoff double the delay with every consecutive restart
 * @param maxDelay the cap of the backoff delay
 * @param killSignal the signal number sent first on stop (15, SIGTERM)
 * @param killTimeout how long to wait after the kill signal before SIGKILL
 */
public record RestartPolicy(
    AutoRestart autorestart,
    int maxRestarts,
    Duration minUptime,
    Duration restartDelay,
    boolean expBackoff,
    Duration maxDelay,
    int killSignal,
    Duration killTimeout) {

  /** SIGTERM, the only kill signal GoPM sends first. */
  public static final int SIGTERM = 15;

  /** The README's defaults: always, unlimited, 5s, 2s, no backoff, 30s, SIGTERM, 5s. */
  public static final RestartPolicy DEFAULTS =
      new RestartPolicy(
          AutoRestart.ALWAYS,
          0,
          Duration.ofSeconds(5),
          Duration.ofSeconds(2),
          false,
          Duration.ofSeconds(30),
          SIGTERM,
          Duration.ofSeconds(5));

  public RestartPolicy {
    Objects.requireNonNull(autorestart, "autorestart");
    requireNotNegative("min_uptime", minUptime);
    requireNotNegative("restart_delay", restartDelay);
    requireNotNegative("max_delay", maxDelay);
    requireNotNegative("kill_timeout", killTimeout);
    if (maxRestarts < 0) {
      throw new InvalidFieldException(
          "max_restarts", Integer.toString(maxRestarts), "must be 0 (unlimited) or more");
    }
  }

  private static void requireNotNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new InvalidFieldException(
          field, io.gopm.protocol.format.GoDuration.format(value), "must not be negative");
    }
  }

  /** True when the policy never gives up. */
  public boolean unlimitedRestarts() {
    return maxRestarts == 0;
  }
}
