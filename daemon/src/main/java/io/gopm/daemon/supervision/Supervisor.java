package io.gopm.daemon.supervision;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.events.ProcessEvent;
import io.gopm.daemon.logs.LogBroadcaster;
import io.gopm.daemon.logs.ProcessLogs;
import io.gopm.daemon.logs.RotatingLogWriter;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Owns every managed process. One thread ({@code gopm-supervisor}) performs every change to the
 * process table: requests from clients, exits of children, scheduled restarts and kill timeouts
 * are all tasks on that thread, so a stop can never race a pending restart. Waiting (restart
 * delays, kill timeouts) is scheduled on the same thread, never slept.
 *
 * <p>The public methods may be called from any thread; they return futures that complete when the
 * work is done (a stop completes when the process has exited).
 */
public final class Supervisor implements AutoCloseable {

  private final ScheduledThreadPoolExecutor loop;
  private final ProcessLauncher launcher;
  private final ProcessGroups groups;
  private final SpecFactory specs;
  private final Settings settings;
  private final Consumer<ProcessEvent> events;
  private final Consumer<List<ProcessInfo>> stateSink;
  private final DaemonLog log;

  /** The process table: touched only on the loop thread. */
  private final Map<Integer, ManagedProcess> processes = new LinkedHashMap<>();

  private int nextId;
  private boolean shuttingDown;

  /**
   * Everything the supervisor takes from the daemon's configuration and environment.
   *
   * @param daemonCwd where processes without a cwd run
   * @param environment the environment every child inherits
   * @param logsDir the default directory of process logs
   * @param defaultMaxLogSize the rotation threshold of processes that set none
   * @param maxLogFiles rotated files kept per log
   */
  public record Settings(
      Path daemonCwd,
      Map<String, String> environment,
      Path logsDir,
      long defaultMaxLogSize,
      int maxLogFiles,
      Clock clock,
      ZoneId zone,
      LogBroadcaster broadcaster) {}

  public Supervisor(
      Settings settings,
      ProcessLauncher launcher,
      ProcessGroups groups,
      Consumer<ProcessEvent> events,
      Consumer<List<ProcessInfo>> stateSink,
      DaemonLog log) {
    this.settings = settings;
    this.launcher = launcher;
    this.groups = groups;
    this.events = events;
    this.stateSink = stateSink;
    this.log = log;
    this.specs = new SpecFactory(settings.daemonCwd(), settings.logsDir(), settings.defaultMaxLogSize());
    this.loop =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "gopm-supervisor");
              thread.setDaemon(true);
              return thread;
            });
    this.loop.setRemoveOnCancelPolicy(true);
  }

  // ---------------------------------------------------------------- requests

  /** Starts a new process; completes with it once it runs. */
  public CompletableFuture<ProcessInfo> start(StartRequest request) {
    return onLoop(() -> doStart(request));
  }

  /** Stops the target's running processes; completes when they have all exited. */
  public CompletableFuture<Void> stop(String target) {
    return onLoop(
            () -> {
              refuseWhileShuttingDown();
              List<ManagedProcess> targets = TargetResolver.resolve(target, processes.values());
              List<CompletableFuture<Void>> exits = new ArrayList<>();
              for (ManagedProcess process : targets) {
                exits.add(requestStop(process));
              }
              persist();
              return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
            })
        .thenCompose(exits -> exits);
  }

  /**
   * Stops (if running) and starts again each target process, resetting its restart counter;
   * completes with the processes that started.
   */
  public CompletableFuture<List<ProcessInfo>> restart(String target) {
    return onLoop(
            () -> {
              refuseWhileShuttingDown();
              List<ManagedProcess> targets = TargetResolver.resolve(target, processes.values());
              List<CompletableFuture<Void>> exits = new ArrayList<>();
              for (ManagedProcess process : targets) {
                exits.add(requestStop(process));
              }
              return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                  .thenApplyAsync(done -> relaunch(targets), loop);
            })
        .thenCompose(restarted -> restarted);
  }

  /** Stops and removes the target's processes (their log files stay on disk). */
  public CompletableFuture<Void> delete(String target) {
    return onLoop(
            () -> {
              refuseWhileShuttingDown();
              List<ManagedProcess> targets = TargetResolver.resolve(target, processes.values());
              List<CompletableFuture<Void>> exits = new ArrayList<>();
              for (ManagedProcess process : targets) {
                exits.add(requestStop(process));
              }
              return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                  .thenApplyAsync(done -> remove(targets), loop);
            })
        .thenCompose(removed -> removed);
  }

  /** Every process, sorted by ID. */
  public CompletableFuture<List<ProcessInfo>> list() {
    return onLoop(this::snapshots);
  }

  /** The one process named or numbered {@code target}. */
  public CompletableFuture<ProcessInfo> describe(String target) {
    return onLoop(() -> single(target).snapshot());
  }

  /** The processes {@code target} names ({@code all} may be empty here, for log reading). */
  public CompletableFuture<List<ProcessInfo>> resolve(String target) {
    return onLoop(
        () -> {
          if ("all".equals(target)) {
            return snapshots();
          }
          return TargetResolver.resolve(target, processes.values()).stream()
              .map(ManagedProcess::snapshot)
              .toList();
        });
  }

  /** Whether the target is online; never fails for an unknown target. */
  public CompletableFuture<IsRunningResult> isRunning(String target) {
    return onLoop(
        () -> {
          ManagedProcess process = TargetResolver.resolveOne(target == null ? "" : target, processes.values());
          if (process == null) {
            return IsRunningResult.notFound(target);
          }
          boolean running = process.status == ProcessStatus.ONLINE && process.running();
          Duration sinceStart = Duration.between(process.lastStart, settings.clock().instant());
          return new IsRunningResult(
              process.name(),
              running,
              process.status.wireName(),
              running ? process.pid : 0,
              HumanUnits.duration(sinceStart),
              process.exitCode == 0 ? null : process.exitCode,
              process.restarts == 0 ? null : process.restarts);
        });
  }

  /** Empties the current log files of the target's processes. */
  public CompletableFuture<Void> flush(String target) {
    return onLoop(
        () -> {
          for (ManagedProcess process : TargetResolver.resolve(target, processes.values())) {
            try {
              if (process.logs != null) {
                process.logs.truncate();
              } else {
                RotatingLogWriter.truncateFile(process.spec.logOut());
                RotatingLogWriter.truncateFile(process.spec.logErr());
              }
            } catch (IOException e) {
              throw new RpcException(
                  ErrorCode.IO_ERROR, "cannot flush logs of \"" + process.name() + "\": " + e.getMessage());
            }
          }
          return null;
        });
  }

  /**
   * Brings back saved processes: those saved online are started (keeping their IDs when free),
   * the others registered as they were. Names already managed are skipped, so nothing is ever
   * duplicated. Completes with the added processes.
   */
  public CompletableFuture<List<ProcessInfo>> resurrect(List<ProcessInfo> saved) {
    return onLoop(() -> doResurrect(saved));
  }

  /** The current table, for an explicit save. */
  public CompletableFuture<List<ProcessInfo>> snapshot() {
    return onLoop(this::snapshots);
  }

  /**
   * Stops every process (in parallel, with each one's kill sequence) and completes with the table
   * as it must be saved: processes that were running, or waiting to restart, recorded as online so
   * the next daemon start brings them back. Afterwards every request is refused.
   */
  public CompletableFuture<List<ProcessInfo>> shutdown() {
    return onLoop(
            () -> {
              shuttingDown = true;
              Set<Integer> keepOnline = new HashSet<>();
              List<CompletableFuture<Void>> exits = new ArrayList<>();
              for (ManagedProcess process : processes.values()) {
                if (process.running() || process.restartPending()) {
                  keepOnline.add(process.id);
                }
                exits.add(requestStop(process));
              }
              return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                  .thenApplyAsync(done -> finalTable(keepOnline), loop);
            })
        .thenCompose(table -> table);
  }

  /** The running processes' PIDs, for the metrics sampler. */
  public CompletableFuture<Map<Integer, Integer>> runningPids() {
    return onLoop(
        () -> {
          Map<Integer, Integer> pids = new HashMap<>();
          for (ManagedProcess process : processes.values()) {
            if (process.running()) {
              pids.put(process.id, process.pid);
            }
          }
          return pids;
        });
  }

  /**
   * Records a metrics sample taken off the loop; ignored for a process whose run changed since.
   *
   * @param samples per process ID: the PID sampled, CPU percent and RSS bytes
   */
  public void applyMetrics(Map<Integer, ProcessSample> samples) {
    post(
        () -> {
          for (Map.Entry<Integer, ProcessSample> entry : samples.entrySet()) {
            ManagedProcess process = processes.get(entry.getKey());
            ProcessSample sample = entry.getValue();
            if (process != null && process.running() && process.pid == sample.pid()) {
              process.cpu = sample.cpuPercent();
              process.memory = sample.rssBytes();
            }
          }
        });
  }

  /**
   * One metrics reading of a running process.
   *
   * @param cpuPercent percent of one core since the previous reading
   */
  public record ProcessSample(int pid, double cpuPercent, long rssBytes) {}

  @Override
  public void close() {
    loop.shutdownNow();
  }

  // ---------------------------------------------------------------- loop-thread work

  private ProcessInfo doStart(StartRequest request) {
    refuseWhileShuttingDown();
    ProcessSpec spec;
    try {
      spec = specs.fromRequest(request);
    } catch (InvalidFieldException e) {
      throw RpcException.invalidParams(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
    if (findByName(spec.name()) != null) {
      throw new RpcException(ErrorCode.CONFLICT, "process \"" + spec.name() + "\" already exists");
    }
    List<String> argv = argv(spec);
    ManagedProcess process = new ManagedProcess(nextId++, spec, settings.clock().instant());
    try {
      launch(process, argv);
    } catch (LaunchException e) {
      closeLogs(process);
      throw new RpcException(ErrorCode.START_FAILED, e.getMessage());
    }
    processes.put(process.id, process);
    announceStart(process);
    persist();
    return process.snapshot();
  }

  private List<String> argv(ProcessSpec spec) {
    try {
      return CommandResolver.argv(
          spec.command(), spec.interpreter(), spec.args(), spec.cwd(), environment(spec).get("PATH"));
    } catch (LaunchException e) {
      throw new RpcException(ErrorCode.START_FAILED, e.getMessage());
    }
  }

  /** Starts a run of {@code process}; its exit comes back to {@link #onExit}. */
  private void launch(ManagedProcess process, List<String> argv) throws LaunchException {
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
    process.status = ProcessStatus.ONLINE;
    process.statusReason = "";
    process.lastStart = settings.clock().instant();
    process.lastStartNanos = System.nanoTime();
    process.stopRequested = false;
    process.cpu = 0;
    process.memory = 0;
    run.exit()
        .whenComplete(
            (code, error) -> post(() -> onExit(process, run, code == null ? -1 : code)));
  }

  private void announceStart(ManagedProcess process) {
    process.logs.action("process started (PID " + process.pid + ")");
    events.accept(new ProcessEvent.Started(process.name(), process.id, process.pid));
  }

  private Map<String, String> environment(ProcessSpec spec) {
    Map<String, String> environment = new HashMap<>(settings.environment());
    environment.putAll(spec.env());
    return environment;
  }

  /** Asks a process to stop; the future completes when it is no longer running. */
  private CompletableFuture<Void> requestStop(ManagedProcess process) {
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
    Duration timeout = process.spec.policy().killTimeout();
    process.killTimer =
        loop.schedule(
            () -> {
              if (process.run == run) {
                groups.signal(pgid, ProcessGroups.SIGKILL);
              }
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    return process.stopped;
  }

  private void onExit(ManagedProcess process, LaunchedProcess run, int exitCode) {
    if (process.run != run) {
      return; // an older run: the record has moved on
    }
    int pgid = process.pid;
    process.run = null;
    process.pid = 0;
    process.cpu = 0;
    process.memory = 0;
    process.exitCode = exitCode;
    if (process.killTimer != null) {
      process.killTimer.cancel(false);
      process.killTimer = null;
    }
    // whatever the leader left behind in its group goes with it
    groups.signal(pgid, ProcessGroups.SIGKILL);
    if (process.stopRequested) {
      process.stopRequested = false;
      process.status = ProcessStatus.STOPPED;
      process.statusReason = "stopped by user";
      process.logs.action("process stopped (exit code " + exitCode + ")");
      events.accept(new ProcessEvent.Stopped(process.name(), exitCode));
      process.stopped.complete(null);
      persist();
      return;
    }
    process.logs.action("process exited with code " + exitCode);
    events.accept(new ProcessEvent.Exited(process.name(), exitCode));
    if (shuttingDown) {
      process.status = ProcessStatus.STOPPED;
      return;
    }
    Duration runTime = Duration.ofNanos(System.nanoTime() - process.lastStartNanos);
    RestartDecision decision =
        RestartDecider.decide(process.spec.policy(), exitCode, runTime, process.restarts);
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
      events.accept(
          new ProcessEvent.GaveUp(process.name(), giveUp.counter(), process.spec.policy().maxRestarts()));
    }
    persist();
  }

  private void autoRestart(ManagedProcess process) {
    process.pendingRestart = null;
    if (shuttingDown || processes.get(process.id) != process || process.running()) {
      return;
    }
    process.restarts++;
    try {
      launch(process, CommandResolver.argv(
          process.spec.command(), process.spec.interpreter(), process.spec.args(), process.spec.cwd(),
          environment(process.spec).get("PATH")));
      announceStart(process);
    } catch (LaunchException e) {
      process.status = ProcessStatus.ERRORED;
      process.statusReason = "failed to restart: " + e.getMessage();
      if (process.logs != null) {
        process.logs.action("failed to restart: " + e.getMessage());
      }
      events.accept(new ProcessEvent.RestartFailed(process.name(), e.getMessage()));
    }
    persist();
  }

  private List<ProcessInfo> relaunch(List<ManagedProcess> targets) {
    List<ProcessInfo> restarted = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (ManagedProcess process : targets) {
      if (processes.get(process.id) != process || process.running()) {
        continue; // deleted meanwhile, or started by someone else
      }
      process.restarts = 0;
      try {
        launch(process, argv(process.spec));
        announceStart(process);
        restarted.add(process.snapshot());
      } catch (LaunchException | RpcException e) {
        process.status = ProcessStatus.ERRORED;
        process.statusReason = "failed to restart: " + e.getMessage();
        events.accept(new ProcessEvent.RestartFailed(process.name(), e.getMessage()));
        failures.add(e.getMessage());
      }
    }
    persist();
    if (restarted.isEmpty() && !failures.isEmpty()) {
      throw new RpcException(ErrorCode.START_FAILED, failures.get(0));
    }
    return restarted;
  }

  private Void remove(List<ManagedProcess> targets) {
    for (ManagedProcess process : targets) {
      if (processes.remove(process.id, process)) {
        closeLogs(process);
        events.accept(new ProcessEvent.Deleted(process.name()));
      }
    }
    persist();
    return null;
  }

  private List<ProcessInfo> doResurrect(List<ProcessInfo> saved) {
    refuseWhileShuttingDown();
    List<ProcessInfo> added = new ArrayList<>();
    List<ProcessInfo> ordered = new ArrayList<>(saved);
    ordered.sort(Comparator.comparingInt(ProcessInfo::id));
    for (ProcessInfo entry : ordered) {
      if (findByName(entry.name()) != null) {
        continue; // already managed: never duplicate it
      }
      ProcessSpec spec;
      try {
        spec = specs.fromSaved(entry);
      } catch (IllegalArgumentException e) {
        events.accept(new ProcessEvent.ResurrectFailed(entry.name(), e.getMessage()));
        continue;
      }
      int id = processes.containsKey(entry.id()) || entry.id() < 0 ? nextId : entry.id();
      nextId = Math.max(nextId, id + 1);
      ManagedProcess process = new ManagedProcess(id, spec, entry.createdAt());
      processes.put(id, process);
      if (entry.status() == ProcessStatus.ONLINE) {
        try {
          launch(process, CommandResolver.argv(
              spec.command(), spec.interpreter(), spec.args(), spec.cwd(), environment(spec).get("PATH")));
          announceStart(process);
        } catch (LaunchException e) {
          process.status = ProcessStatus.ERRORED;
          process.statusReason = e.getMessage();
          events.accept(new ProcessEvent.ResurrectFailed(entry.name(), e.getMessage()));
        }
      } else {
        process.status = entry.status();
        process.statusReason = entry.statusReason();
        process.restarts = entry.restarts();
        process.exitCode = entry.exitCode();
        process.lastStart = entry.uptime();
        events.accept(new ProcessEvent.Registered(entry.name(), entry.status().wireName()));
      }
      added.add(process.snapshot());
    }
    if (!added.isEmpty()) {
      persist();
    }
    return added;
  }

  private List<ProcessInfo> finalTable(Set<Integer> keepOnline) {
    List<ProcessInfo> table = new ArrayList<>();
    for (ManagedProcess process : sortedProcesses()) {
      if (keepOnline.contains(process.id)) {
        process.statusReason = "";
        table.add(process.snapshot(ProcessStatus.ONLINE));
      } else {
        table.add(process.snapshot());
      }
      closeLogs(process);
    }
    return table;
  }

  private void closeLogs(ManagedProcess process) {
    if (process.logs != null) {
      try {
        process.logs.close();
      } catch (IOException e) {
        log.warn("cannot close log files", "name", process.name(), "error", e.getMessage());
      }
      process.logs = null;
    }
  }

  private ManagedProcess single(String target) {
    ManagedProcess process = TargetResolver.resolveOne(target == null ? "" : target, processes.values());
    if (process == null) {
      throw RpcException.notFound(target);
    }
    return process;
  }

  private ManagedProcess findByName(String name) {
    for (ManagedProcess process : processes.values()) {
      if (process.name().equals(name)) {
        return process;
      }
    }
    return null;
  }

  private List<ManagedProcess> sortedProcesses() {
    List<ManagedProcess> sorted = new ArrayList<>(processes.values());
    sorted.sort(Comparator.comparingInt(p -> p.id));
    return sorted;
  }

  private List<ProcessInfo> snapshots() {
    return sortedProcesses().stream().map(ManagedProcess::snapshot).toList();
  }

  private void persist() {
    if (!shuttingDown) {
      stateSink.accept(snapshots());
    }
  }

  private void refuseWhileShuttingDown() {
    if (shuttingDown) {
      throw new RpcException(ErrorCode.SHUTTING_DOWN, "the daemon is shutting down");
    }
  }

  /** Runs {@code task} on the loop; the future carries its result or its exception. */
  private <T> CompletableFuture<T> onLoop(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      loop.execute(
          () -> {
            try {
              result.complete(task.call());
            } catch (Throwable error) {
              result.completeExceptionally(error);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new RpcException(ErrorCode.SHUTTING_DOWN, "the daemon is shutting down"));
    }
    return result;
  }

  /** Runs {@code task} on the loop, reporting (not propagating) any fault. */
  private void post(Runnable task) {
    try {
      loop.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException error) {
              log.fault("supervisor task failed", error);
            }
          });
    } catch (RejectedExecutionException ignored) {
      // the daemon is exiting: there is nobody left to tell
    }
  }
}
