package io.gopm.console.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * The reconnection state machine of one target, free of threads and clocks: it is told what
 * happened and answers with the new status and when to try again.
 *
 * <ul>
 *   <li>A first attempt that fails makes the target {@link ConnectionState#FAILED}, with the
 *       reason; a success makes it {@link ConnectionState#CONNECTED}.
 *   <li>A connected target that loses its connection is {@link ConnectionState#RECONNECTING}:
 *       attempts come quickly at first (the delay doubles from {@code firstDelay} to {@code
 *       maxDelay}), and after {@code attemptsBeforeFailed} failures it is {@code FAILED}, still
 *       retried every {@code maxDelay}.
 *   <li>A permanent failure (the daemon refuses this user, speaks another protocol, ssh refuses
 *       the key) is {@code FAILED} with no retry until {@link #retryNow()}.
 * </ul>
 *
 * <p>Not thread-safe: owned by one thread (the target's poll thread).
 */
public final class ReconnectPolicy {

  private final Duration firstDelay;
  private final Duration maxDelay;
  private final int attemptsBeforeFailed;
  private ConnectionStatus status = ConnectionStatus.connecting();
  private boolean everConnected;

  public ReconnectPolicy(Duration firstDelay, Duration maxDelay, int attemptsBeforeFailed) {
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
    }
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.attemptsBeforeFailed = attemptsBeforeFailed;
  }

  /** 250 ms doubling to 5 s; failed after 12 attempts (about 40 s). */
  public static ReconnectPolicy standard() {
    return new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(5), 12);
  }

  public ConnectionStatus status() {
    return status;
  }

  /** A connection works (again). */
  public ConnectionStatus connected() {
    everConnected = true;
    status = new ConnectionStatus(ConnectionState.CONNECTED, "", null, 0);
    return status;
  }

  /**
   * An attempt failed, or a working connection was lost.
   *
   * @return the delay before the next attempt, empty when there is none
   */
  public Optional<Duration> failed(String reason, boolean permanent) {
    int attempts = status.attempts() + 1;
    if (permanent) {
      status = new ConnectionStatus(ConnectionState.FAILED, reason, null, attempts);
      return Optional.empty();
    }
    Duration delay = delay(attempts);
    ConnectionState state =
        everConnected && attempts <= attemptsBeforeFailed ? ConnectionState.RECONNECTING : ConnectionState.FAILED;
    status = new ConnectionStatus(state, reason, delay, attempts);
    return Optional.of(delay);
  }

  /** The user asked for an attempt now: back to connecting, counters reset. */
  public ConnectionStatus retryNow() {
    status =
        everConnected
            ? new ConnectionStatus(ConnectionState.RECONNECTING, status.reason(), null, 0)
            : ConnectionStatus.connecting();
    return status;
  }

  /** {@code firstDelay * 2^(attempt-1)}, at most {@code maxDelay}. */
  Duration delay(int attempt) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
