package io.gopm.daemon.supervision;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.events.ProcessEvent;
import io.gopm.daemon.logs.LogBroadcaster;
import io.gopm.daemon.logs.RotatingLogWriter;
import io.gopm.daemon.state.RunningGroup;
import io.gopm.protocol.format.HumanUnits;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Owns every managed process. One thread ({@code gopm-supervisor}) performs every change to the
 * process table: requests from clients, exits of children, scheduled restarts and kill timeouts
 * are all tasks on that thread, so a stop can never race a pending restart (docs/adr/0001).
 * Waiting (restart delays, kill timeouts) is scheduled on the same thread, never slept.
 *
 * <p>The public methods may be called from any thread; they return futures that complete when the
 * work is done (a stop completes when the process has exited). The runs themselves are handled by
 * {@link RunController}, the table by {@link ProcessTable}.
 */
public final class Supervisor implements AutoCloseable {

  /**
   * How long changes collect before the table goes to the state sink: a burst (a crash loop, the
   * exits of many children) costs one snapshot and one {@code dump.json} write per interval instead
   * of one per change (docs/adr/0020). A change a client asked for is handed over at once, before
   * it is answered ({@link #flushState}).
   */
  static final Duration SAVE_DELAY = Duration.ofMillis(100);

  private final ScheduledThreadPoolExecutor loop;
  private final SpecFactory specs;
  private final Settings settings;
  private final Consumer<ProcessEvent> events;
  private final Consumer<List<ProcessInfo>> stateSink;
  private final Consumer<List<RunningGroup>> runtimeSink;
  private final DaemonLog log;
  private final ProcessTable table = new ProcessTable();
  private final RunController runs;
  private boolean shuttingDown;
  /** The save waiting for {@link #SAVE_DELAY}, or null. */
  private ScheduledFuture<?> pendingSave;

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
      Consumer<List<RunningGroup>> runtimeSink,
      DaemonLog log) {
    this.settings = settings;
    this.events = events;
    this.stateSink = stateSink;
    this.runtimeSink = runtimeSink;
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
    this.runs =
        new RunController(
            settings, launcher, groups, events, loop, this::post, table, this::persist, this::recordRuntime,
            () -> shuttingDown, log, Headroom.ofThisJvm());
  }

  /**
   * One metrics reading of a running process.
   *
   * @param cpuPercent percent of one core since the previous reading
   */
  public record ProcessSample(int pid, double cpuPercent, long rssBytes) {}

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
              CompletableFuture<Void> exited = stopAll(table.resolve(target));
              persist();
              return exited;
            })
        .thenCompose(exited -> exited);
  }

  /**
   * Stops (if running) and starts again each target process, resetting its restart counter;
   * completes with the processes that started.
   */
  public CompletableFuture<List<ProcessInfo>> restart(String target) {
    return onLoop(
            () -> {
              refuseWhileShuttingDown();
              List<ManagedProcess> targets = table.resolve(target);
              return stopAll(targets).thenApplyAsync(stopped -> relaunch(targets), loop);
            })
        .thenCompose(restarted -> restarted);
  }

  /** Stops and removes the target's processes (their log files stay on disk). */
  public CompletableFuture<Void> delete(String target) {
    return onLoop(
            () -> {
              refuseWhileShuttingDown();
              List<ManagedProcess> targets = table.resolve(target);
              // a restart waiting for the same stop must not start it again before it is removed
              targets.forEach(process -> process.deleting = true);
              return stopAll(targets).thenApplyAsync(stopped -> remove(targets), loop);
            })
        .thenCompose(removed -> removed);
  }

  /** Every process, sorted by ID. */
  public CompletableFuture<List<ProcessInfo>> list() {
    return onLoop(table::snapshots);
  }

  /** The one process named or numbered {@code target}. */
  public CompletableFuture<ProcessInfo> describe(String target) {
    return onLoop(() -> single(target).snapshot());
  }

  /** The processes {@code target} names ({@code all} may be empty here, for log reading). */
  public CompletableFuture<List<ProcessInfo>> resolve(String target) {
    return onLoop(
        () ->
            "all".equals(target)
                ? table.snapshots()
                : table.resolve(target).stream().map(ManagedProcess::snapshot).toList());
  }

  /** Whether the target is online; never fails for an unknown target. */
  public CompletableFuture<IsRunningResult> isRunning(String target) {
    return onLoop(
        () -> {
          ManagedProcess process = table.resolveOne(target);
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
          for (ManagedProcess process : table.resolve(target)) {
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
    return onLoop(table::snapshots);
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
              List<ManagedProcess> all = table.sorted();
              for (ManagedProcess process : all) {
                if (process.running() || process.restartPending()) {
                  keepOnline.add(process.id);
                }
              }
              return stopAll(all).thenApplyAsync(stopped -> finalTable(keepOnline), loop);
            })
        .thenCompose(finalTable -> finalTable);
  }

  /** The running processes' PIDs by process ID, for the metrics sampler. */
  public CompletableFuture<Map<Integer, Integer>> runningPids() {
    return onLoop(
        () -> {
          Map<Integer, Integer> pids = new HashMap<>();
          for (ManagedProcess process : table.sorted()) {
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
   * @param samples per process ID
   */
  public void applyMetrics(Map<Integer, ProcessSample> samples) {
    post(
        () -> {
          for (Map.Entry<Integer, ProcessSample> entry : samples.entrySet()) {
            ManagedProcess process = table.get(entry.getKey());
            ProcessSample sample = entry.getValue();
            if (process != null && process.running() && process.pid == sample.pid()) {
              process.cpu = sample.cpuPercent();
              process.memory = sample.rssBytes();
            }
          }
        });
  }

  /**
   * The listening sockets found for a running process.
   *
   * @param listeners texts such as {@code tcp@127.0.0.1:8080}
   */
  public record ListenerSample(int pid, List<String> listeners) {}

  /** Records the listeners found by a scan; ignored for a process whose run changed since. */
  public void applyListeners(Map<Integer, ListenerSample> samples) {
    post(
        () -> {
          for (Map.Entry<Integer, ListenerSample> entry : samples.entrySet()) {
            ManagedProcess process = table.get(entry.getKey());
            ListenerSample sample = entry.getValue();
            if (process != null && process.running() && process.pid == sample.pid()) {
              process.listeners = List.copyOf(sample.listeners());
            }
          }
        });
  }

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
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
    if (table.findByName(spec.name()) != null) {
      throw new RpcException(ErrorCode.CONFLICT, "process \"" + spec.name() + "\" already exists");
    }
    List<String> argv;
    try {
      argv = runs.argv(spec);
    } catch (LaunchException e) {
      throw new RpcException(ErrorCode.START_FAILED, e.getMessage());
    }
    ManagedProcess process = new ManagedProcess(table.allocateId(), spec, settings.clock().instant());
    table.add(process); // before the start, so the runtime record written by the start includes it
    try {
      runs.start(process, argv);
    } catch (LaunchException e) {
      table.remove(process);
      runs.closeLogs(process);
      throw new RpcException(ErrorCode.START_FAILED, e.getMessage());
    }
    persist();
    return process.snapshot();
  }

  private CompletableFuture<Void> stopAll(List<ManagedProcess> targets) {
    List<CompletableFuture<Void>> exits = new ArrayList<>();
    for (ManagedProcess process : targets) {
      exits.add(runs.requestStop(process));
    }
    return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
  }

  private List<ProcessInfo> relaunch(List<ManagedProcess> targets) {
    List<ProcessInfo> restarted = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (ManagedProcess process : targets) {
      if (!table.contains(process) || process.deleting) {
        deleted.add(process.name());
        continue;
      }
      if (process.running()) {
        continue; // started by someone else meanwhile
      }
      process.restarts = 0;
      try {
        runs.start(process, runs.argv(process.spec));
        restarted.add(process.snapshot());
      } catch (LaunchException e) {
        runs.markRestartFailed(process, e.getMessage());
        failures.add(e.getMessage());
      }
    }
    persist();
    if (restarted.isEmpty() && !failures.isEmpty()) {
      throw new RpcException(ErrorCode.START_FAILED, failures.get(0));
    }
    if (restarted.isEmpty() && !deleted.isEmpty()) {
      throw RpcException.notFound(deleted.get(0));
    }
    return restarted;
  }

  private Void remove(List<ManagedProcess> targets) {
    for (ManagedProcess process : targets) {
      if (table.remove(process)) {
        runs.closeLogs(process);
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
      if (table.findByName(entry.name()) != null) {
        continue; // already managed: never duplicate it
      }
      ProcessSpec spec;
      try {
        spec = specs.fromSaved(entry);
      } catch (IllegalArgumentException e) {
        events.accept(new ProcessEvent.ResurrectFailed(entry.name(), e.getMessage()));
        continue;
      }
      ManagedProcess process = new ManagedProcess(table.claimId(entry.id()), spec, entry.createdAt());
      table.add(process);
      if (entry.status() == ProcessStatus.ONLINE) {
        try {
          runs.start(process, runs.argv(spec));
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
    List<ProcessInfo> finalTable = new ArrayList<>();
    for (ManagedProcess process : table.sorted()) {
      if (keepOnline.contains(process.id)) {
        process.statusReason = "";
        finalTable.add(process.snapshot(ProcessStatus.ONLINE));
      } else {
        finalTable.add(process.snapshot());
      }
      runs.closeLogs(process);
    }
    return finalTable;
  }

  private ManagedProcess single(String target) {
    ManagedProcess process = table.resolveOne(target);
    if (process == null) {
      throw RpcException.notFound(target);
    }
    return process;
  }

  /**
   * Hands a save that is waiting for its delay to the state sink now. A connection calls it after a
   * change it asked for and before it waits for the save to be on disk, so the answer comes once
   * {@code dump.json} records the change; tasks run in order, so a change made before this call has
   * scheduled its save by then.
   */
  public CompletableFuture<Void> flushState() {
    return onLoop(
        () -> {
          if (pendingSave != null) {
            pendingSave.cancel(false);
            save();
          }
          return null;
        });
  }

  /** Schedules the table to be handed to the state sink after {@link #SAVE_DELAY}. */
  private void persist() {
    if (shuttingDown || pendingSave != null) {
      return;
    }
    try {
      pendingSave = loop.schedule(this::save, SAVE_DELAY.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException ignored) {
      // the daemon is exiting: its final save is written by the shutdown
    }
  }

  private void save() {
    pendingSave = null;
    if (!shuttingDown) {
      stateSink.accept(table.snapshots());
    }
  }

  /** Records the running groups in the runtime record (also while shutting down). */
  private void recordRuntime() {
    runtimeSink.accept(table.runningGroups());
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
