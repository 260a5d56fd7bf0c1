package io.gopm.console.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection's state and, unless connected, the reason.
 *
 * @param reason why the last attempt failed; empty when connected or connecting
 * @param retryIn when the next attempt comes, or null when none is scheduled (permanent failure)
 * @param attempts failed attempts since the last success
 */
public record ConnectionStatus(ConnectionState state, String reason, Duration retryIn, int attempts) {

  public ConnectionStatus {
    Objects.requireNonNull(state, "state");
    reason = reason == null ? "" : reason;
  }

  /** The status of a target before its first attempt. */
  public static ConnectionStatus connecting() {
    return new ConnectionStatus(ConnectionState.CONNECTING, "", null, 0);
  }

  public boolean connected() {
    return state == ConnectionState.CONNECTED;
  }

  /** True when the last data shown is not live. */
  public boolean stale() {
    return state != ConnectionState.CONNECTED;
  }

  /** For the sidebar and status bar: {@code reconnecting: the daemon closed the connection}. */
  public String describe() {
    if (reason.isEmpty()) {
      return state.label();
    }
    return state.label() + ": " + reason;
  }
}
