package io.gopm.protocol.model;

/**
 * Whether a process is online. Never an error: an unknown target gives {@code running=false} and
 * an empty status.
 *
 * @param uptime human duration since the last start; null when the target is unknown
 * @param exitCode the last exit code; null when 0
 * @param restarts the restart counter; null when 0
 */
public record IsRunningResult(
    String name, boolean running, String status, int pid, String uptime, Integer exitCode, Integer restarts) {

  /** The answer for a target that names no process. */
  public static IsRunningResult notFound(String target) {
    return new IsRunningResult(target, false, "", 0, null, null, null);
  }
}
