package io.gopm.daemon.supervision;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.events.ProcessEvent;
import io.gopm.daemon.logs.ProcessLogs;
import io.gopm.protocol.model.ProcessStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The runs of managed processes: starting one, the kill sequence, and what follows an exit (the
 * restart rule, the scheduled restart, the {@code [gopm]} lines). Confined to the supervisor
 * thread; the exits of children arrive through {@code post}, timers through {@code loop}.
 */
final class RunController {

  private final Supervisor.Settings settings;
  private final ProcessLauncher launcher;
  private final ProcessGroups groups;
  private final Consumer<ProcessEvent> events;
  private final ScheduledExecutorService loop;
  private final Consumer<Runnable> post;
  private final ProcessTable table;
  private final Runnable persist;
  private final Runnable recordRuntime;
  private final BooleanSupplier shuttingDown;
  private final DaemonLog log;
  private final Headroom headroom;

  RunController(
      Supervisor.Settings settings,
      ProcessLauncher launcher,
      ProcessGroups groups,
      Consumer<ProcessEvent> events,
      ScheduledExecutorService loop,
      Consumer<Runnable> post,
      ProcessTable table,
      Runnable persist,
      Runnable recordRuntime,
      BooleanSupplier shuttingDown,
      DaemonLog log,
      Headroom headroom) {
    this.settings = settings;
    this.launcher = launcher;
    this.groups = groups;
    this.events = events;
    this.loop = loop;
    this.post = post;
    this.table = table;
    this.persist = persist;
    this.recordRuntime = recordRuntime;
    this.shuttingDown = shuttingDown;
    this.log = log;
    this.headroom = headroom;
  }

  /** The argument vector of {@code spec}, checked against the file system now. */
  List<String> argv(ProcessSpec spec) throws LaunchException {
    return CommandResolver.argv(
        spec.command(), spec.interpreter(), spec.args(), spec.cwd(), environment(spec).get("PATH"));
  }

  /**
   * Starts a run of {@code process} (opening its logs the first time) and writes the {@code
   * process started} line; the exit comes back to {@link #onExit}. Refused (before anything is
   * opened) when the daemon has no room left for another child ({@link Headroom}).
   */
  void start(ManagedProcess process, List<String> argv) throws LaunchException {
    headroom.check();
    ProcessSpec spec = process.spec;
    if (process.logs == null) {
      try {
        process.logs =
            ProcessLogs.open(
                spec.name(),
                spec.logOut(),
                spec.logErr(),
                spec.maxLogSize(),
                settings.maxLogFiles(),
                settings.broadcaster(),
                settings.clock(),
                settings.zone(),
                () -> events.accept(new ProcessEvent.LogWriteFailed(spec.name())));
      } catch (IOException e) {
        throw new LaunchException("start process: cannot open log file: " + e.getMessage());
      }
    }
    LaunchedProcess run =
        launcher.launch(
            new LaunchSpec(spec.name(), argv, spec.cwd(), environment(spec)),
            process.logs.stdoutSink(),
            process.logs.stderrSink());
    process.run = run;
    process.pid = run.pid();
    process.startTicks = run.startTicks();
    process.status = ProcessStatus.ONLINE;
    process.statusReason = "";
    process.lastStart = settings.clock().instant();
    process.lastStartNanos = System.nanoTime();
    process.stopRequested = false;
    process.cpu = 0;
    process.memory = 0;
    run.exit().whenComplete((code, error) -> post.accept(() -> onExit(process, run, code == null ? -1 : code)));
    recordRuntime.run();
    process.logs.action("process started (PID " + process.pid + ")");
    events.accept(new ProcessEvent.Started(process.name(), process.id, process.pid));
  }

  /**
   * Asks a process to stop: cancels a pending restart, or sends the kill signal to its group and
   * schedules SIGKILL after its kill timeout. Completes when it is no longer running.
   */
  CompletableFuture<Void> requestStop(ManagedProcess process) {
    if (process.pendingRestart != null) {
      process.pendingRestart.cancel(false);
      process.pendingRestart = null;
      process.statusReason = "stopped by user";
      return CompletableFuture.completedFuture(null);
    }
    if (!process.running()) {
      return CompletableFuture.completedFuture(null);
    }
    if (process.stopRequested) {
      return process.stopped;
    }
    process.stopRequested = true;
    process.stopped = new CompletableFuture<>();
    LaunchedProcess run = process.run;
    int pgid = process.pid;
    groups.signal(pgid, process.spec.policy().killSignal());
    process.killTimer =
        loop.schedule(
            () -> {
              if (process.run == run) {
                groups.signal(pgid, ProcessGroups.SIGKILL);
              }
            },
            process.spec.policy().killTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
    return process.stopped;
  }

  /** Closes the process's log files (when it is deleted or the daemon stops). */
  void closeLogs(ManagedProcess process) {
    if (process.logs != null) {
      try {
        process.logs.close();
      } catch (IOException e) {
        log.warn("cannot close log files", "name", process.name(), "error", e.getMessage());
      }
      process.logs = null;
    }
  }

  private void onExit(ManagedProcess process, LaunchedProcess run, int exitCode) {
    if (process.run != run) {
      return; // an older run: the record has moved on
    }
    int pgid = process.pid;
    process.run = null;
    process.pid = 0;
    process.startTicks = 0;
    process.cpu = 0;
    process.memory = 0;
    process.listeners = List.of();
    process.exitCode = exitCode;
    if (process.killTimer != null) {
      process.killTimer.cancel(false);
      process.killTimer = null;
    }
    // whatever the leader left behind in its group goes with it (docs/adr/0005)
    groups.signal(pgid, ProcessGroups.SIGKILL);
    recordRuntime.run();
    if (process.stopRequested) {
      process.stopRequested = false;
      process.status = ProcessStatus.STOPPED;
      process.statusReason = "stopped by user";
      process.logs.action("process stopped (exit code " + exitCode + ")");
      events.accept(new ProcessEvent.Stopped(process.name(), exitCode));
      persist.run(); // before the stop completes, so its answer waits for this save (ProcessHandlers)
      process.stopped.complete(null);
      return;
    }
    process.logs.action("process exited with code " + exitCode);
    events.accept(new ProcessEvent.Exited(process.name(), exitCode));
    if (shuttingDown.getAsBoolean()) {
      process.status = ProcessStatus.STOPPED;
      return;
    }
    Duration runTime = Duration.ofNanos(System.nanoTime() - process.lastStartNanos);
    apply(process, RestartDecider.decide(process.spec.policy(), exitCode, runTime, process.restarts), runTime);
    persist.run();
  }

  private void apply(ManagedProcess process, RestartDecision decision, Duration runTime) {
    if (decision instanceof RestartDecision.Restart restart) {
      if (restart.counterReset()) {
        events.accept(new ProcessEvent.CounterReset(process.name(), runTime));
      }
      process.restarts = restart.counterBefore();
      process.status = ProcessStatus.STOPPED;
      process.statusReason = "";
      process.logs.action(restart.actionLine());
      events.accept(new ProcessEvent.Restarting(process.name(), restart.delay(), restart.counterBefore()));
      process.pendingRestart =
          loop.schedule(() -> autoRestart(process), restart.delay().toNanos(), TimeUnit.NANOSECONDS);
    } else if (decision instanceof RestartDecision.Stop stop) {
      process.status = ProcessStatus.STOPPED;
      process.statusReason = stop.reason();
      process.logs.action(stop.actionLine());
      events.accept(new ProcessEvent.NotRestarted(process.name(), stop.reason()));
    } else if (decision instanceof RestartDecision.GiveUp giveUp) {
      process.status = ProcessStatus.ERRORED;
      process.statusReason = giveUp.reason();
      process.restarts = giveUp.counter();
      process.logs.action(giveUp.actionLine());
      events.accept(new ProcessEvent.GaveUp(process.name(), giveUp.counter(), process.spec.policy().maxRestarts()));
    }
  }

  private void autoRestart(ManagedProcess process) {
    process.pendingRestart = null;
    if (shuttingDown.getAsBoolean() || !table.contains(process) || process.deleting || process.running()) {
      return;
    }
    process.restarts++;
    try {
      start(process, argv(process.spec));
    } catch (LaunchException e) {
      markRestartFailed(process, e.getMessage());
    }
    persist.run();
  }

  /** A restart (automatic or requested) that could not start: the process is errored. */
  void markRestartFailed(ManagedProcess process, String error) {
    process.status = ProcessStatus.ERRORED;
    process.statusReason = "failed to restart: " + error;
    if (process.logs != null) {
      process.logs.action("failed to restart: " + error);
    }
    events.accept(new ProcessEvent.RestartFailed(process.name(), error));
  }

  private Map<String, String> environment(ProcessSpec spec) {
    Map<String, String> environment = new HashMap<>(settings.environment());
    environment.putAll(spec.env());
    return environment;
  }
}
