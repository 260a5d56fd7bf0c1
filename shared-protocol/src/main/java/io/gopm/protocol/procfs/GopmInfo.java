package io.gopm.protocol.procfs;

import java.util.Objects;

/**
 * What the GoPM daemon knows about a PID. The caller finds this out (code in this package never
 * contacts the daemon). The details are present exactly when {@code managed} is true.
 *
 * @param daemonUp whether a daemon answered
 * @param autorestart {@code always}, {@code on-failure} or {@code never}
 */
public record GopmInfo(
    boolean managed,
    boolean daemonUp,
    String name,
    Integer id,
    Integer restarts,
    String autorestart,
    String logOut,
    String logErr) {

  /** No daemon is running (none was started to find out). */
  public static final GopmInfo DAEMON_DOWN = new GopmInfo(false, false, null, null, null, null, null, null);

  /** A daemon answered, but no process it manages has this PID (or it could not list them). */
  public static final GopmInfo NOT_MANAGED = new GopmInfo(false, true, null, null, null, null, null, null);

  public GopmInfo {
    if (managed) {
      if (!daemonUp) {
        throw new IllegalArgumentException("a managed process implies a running daemon");
      }
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(restarts, "restarts");
      Objects.requireNonNull(autorestart, "autorestart");
      Objects.requireNonNull(logOut, "log_out");
      Objects.requireNonNull(logErr, "log_err");
    } else if (name != null || id != null || restarts != null || autorestart != null || logOut != null || logErr != null) {
      throw new IllegalArgumentException("only a managed process has GoPM details");
    }
  }

  /** A process the daemon manages. */
  public static GopmInfo managed(String name, int id, int restarts, String autorestart, String logOut, String logErr) {
    return new GopmInfo(true, true, name, id, restarts, autorestart, logOut, logErr);
  }
}
