package io.gopm.daemon.events;

import io.gopm.protocol.format.GoDuration;
import java.util.function.Consumer;

/** Writes each {@link ProcessEvent} to {@code daemon.log} with the GoPM message and keys. */
public final class DaemonLogListener implements Consumer<ProcessEvent> {

  private final DaemonLog log;

  public DaemonLogListener(DaemonLog log) {
    this.log = log;
  }

  @Override
  public void accept(ProcessEvent event) {
    if (event instanceof ProcessEvent.Started e) {
      log.info("process started", "name", e.name(), "pid", e.pid(), "id", e.id());
    } else if (event instanceof ProcessEvent.Stopped e) {
      log.info("process stopped", "name", e.name(), "exit_code", e.exitCode());
    } else if (event instanceof ProcessEvent.Exited e) {
      log.info("process exited", "name", e.name(), "exit_code", e.exitCode());
    } else if (event instanceof ProcessEvent.CounterReset e) {
      log.info(
          "process ran longer than min_uptime, reset restart counter",
          "name", e.name(), "run_duration", GoDuration.format(e.runTime()));
    } else if (event instanceof ProcessEvent.Restarting e) {
      log.info(
          "restarting process",
          "name", e.name(), "delay", GoDuration.format(e.delay()), "restart_count", e.restartCount());
    } else if (event instanceof ProcessEvent.NotRestarted e) {
      String message =
          e.reason().startsWith("clean exit")
              ? "clean exit with autorestart=on-failure, marking stopped"
              : "autorestart=never, marking stopped";
      log.info(message, "name", e.name());
    } else if (event instanceof ProcessEvent.GaveUp e) {
      log.info(
          "max restarts reached, marking errored",
          "name", e.name(), "restarts", e.restarts(), "max", e.maxRestarts());
    } else if (event instanceof ProcessEvent.RestartFailed e) {
      log.error("failed to restart process", "name", e.name(), "error", e.error());
    } else if (event instanceof ProcessEvent.Deleted e) {
      log.info("process deleted", "name", e.name());
    } else if (event instanceof ProcessEvent.Registered e) {
      log.info("registered saved process", "name", e.name(), "status", e.status());
    } else if (event instanceof ProcessEvent.ResurrectFailed e) {
      log.error("failed to resurrect process", "name", e.name(), "error", e.error());
    } else if (event instanceof ProcessEvent.LogWriteFailed e) {
      log.error("cannot write process log (disk full or not writable?)", "name", e.name());
    }
  }
}
