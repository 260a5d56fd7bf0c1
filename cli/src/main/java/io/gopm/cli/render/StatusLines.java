package io.gopm.cli.render;

import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.PingResult;

/**
 * The one-line human answers of {@code gopm isrunning} and {@code gopm ping}, shared by the
 * picocli commands and the fast path ({@link io.gopm.cli.fast}) so both print the same bytes.
 */
public final class StatusLines {

  private StatusLines() {}

  /** {@code api: online (PID 42, uptime 5m)}, {@code api: stopped (exit code 0, 0 restarts)}, {@code x: not found}. */
  public static String isRunning(Ansi ansi, String target, IsRunningResult result) {
    if (result.status() == null || result.status().isEmpty()) {
      return target + ": " + ansi.dim("not found");
    }
    if (result.running()) {
      return result.name() + ": " + ansi.green("online") + " (PID " + result.pid() + ", uptime " + result.uptime() + ")";
    }
    int exitCode = result.exitCode() == null ? 0 : result.exitCode();
    int restarts = result.restarts() == null ? 0 : result.restarts();
    String status = "errored".equals(result.status()) ? ansi.red(result.status()) : ansi.yellow(result.status());
    return result.name() + ": " + status + " (exit code " + exitCode + ", " + restarts + " restarts)";
  }

  /** {@code gopm daemon running (PID: 42, uptime: 5m, version: 0.1.0)}. */
  public static String ping(Ansi ansi, PingResult ping) {
    return ansi.bold("gopm")
        + " daemon "
        + ansi.green("running")
        + " (PID: "
        + ansi.cyan(Integer.toString(ping.pid()))
        + ", uptime: "
        + ping.uptime()
        + ", version: "
        + ansi.dim(ping.version())
        + ")";
  }
}
