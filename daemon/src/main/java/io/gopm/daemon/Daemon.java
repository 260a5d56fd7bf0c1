package io.gopm.daemon;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.mcp.McpHttpServer;
import io.gopm.daemon.metrics.ListenerScanner;
import io.gopm.daemon.metrics.MetricsSampler;
import io.gopm.daemon.metrics.StatsHistory;
import io.gopm.daemon.rpc.RpcServer;
import io.gopm.daemon.state.RunningGroup;
import io.gopm.daemon.state.RuntimeRecord;
import io.gopm.daemon.state.RuntimeStore;
import io.gopm.daemon.state.StateException;
import io.gopm.daemon.state.StateStore;
import io.gopm.daemon.supervision.LeftoverSweep;
import io.gopm.daemon.supervision.ProcessGroups;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.daemon.telemetry.TelegrafEmitter;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running daemon: its components, started in order and shut down in reverse. Built by {@link
 * DaemonMain}.
 *
 * <p>Shutdown (on {@code kill}, SIGTERM or SIGINT) stops accepting connections, stops every
 * process with its kill sequence, saves {@code dump.json} with the processes that were running
 * still recorded as online (so the next start brings them back), removes the socket and PID file
 * and lets {@link DaemonMain} exit.
 */
final class Daemon {

  /** The longest a shutdown waits for its processes before saving and exiting anyway. */
  private static final long SHUTDOWN_LIMIT_MINUTES = 10;

  private final DaemonLog log;
  private final Supervisor supervisor;
  private final StateStore state;
  private final RpcServer server;
  private final Background background;
  private final ProcessGroups groups;
  private final DaemonLock lock;
  private final Periodic periodic;
  private final Recovery recovery;
  private final Optional<McpHttpServer> mcp;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** The parts every daemon has. */
  record Core(
      Supervisor supervisor, StateStore state, RpcServer server, Background background, ProcessGroups groups,
      DaemonLock lock) {}

  /**
   * What ends the children of a daemon that died (docs/adr/0019): its runtime record and the sweep.
   */
  record Recovery(RuntimeStore runtime, LeftoverSweep sweep) {}

  /**
   * The periodic work: metrics (and the Telegraf lines after each sample), the listener scan, the
   * stats snapshot.
   */
  record Periodic(
      MetricsSampler metrics,
      ListenerScanner listeners,
      StatsHistory stats,
      java.time.Duration statsInterval,
      Optional<TelegrafEmitter> telegraf) {}

  Daemon(DaemonLog log, Core core, Recovery recovery, Periodic periodic, Optional<McpHttpServer> mcp) {
    this.log = log;
    this.supervisor = core.supervisor();
    this.state = core.state();
    this.server = core.server();
    this.background = core.background();
    this.groups = core.groups();
    this.lock = core.lock();
    this.periodic = periodic;
    this.recovery = recovery;
    this.mcp = mcp;
  }

  /**
   * Ends what a dead predecessor left running, serves the socket, brings back the saved processes
   * and starts the periodic work.
   */
  void start(Path socket, long pid, String version) throws IOException, InterruptedException {
    endLeftovers();
    // queued on the supervisor loop before the socket opens, so the first request (often the
    // command that started this daemon) is answered after the saved processes are back
    Optional<CompletableFuture<List<ProcessInfo>>> resurrection = resurrectSaved();
    server.start();
    log.info("daemon started", "pid", pid, "socket", socket, "version", version);
    resurrection.ifPresent(
        done -> log.info("auto-resurrected processes on startup", "count", done.join().size()));
    mcp.ifPresent(McpHttpServer::start);
    background.every("metrics sampling", MetricsSampler.INTERVAL, MetricsSampler.INTERVAL, this::sampleMetrics);
    background.every("listener scan", java.time.Duration.ZERO, ListenerScanner.INTERVAL, periodic.listeners()::scan);
    background.every("stats snapshot", periodic.statsInterval(), periodic.statsInterval(), this::recordStats);
  }

  /** The metrics sample, then (when configured) the Telegraf lines of the table it updated. */
  private void sampleMetrics() throws InterruptedException {
    periodic.metrics().sample();
    if (periodic.telegraf().isPresent()) {
      try {
        periodic.telegraf().get().emit(supervisor.list().get(10, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        log.debug("telegraf emission skipped", "error", String.valueOf(e.getMessage()));
      }
    }
  }

  private void recordStats() throws InterruptedException {
    try {
      periodic.stats().record(supervisor.list().get(10, TimeUnit.SECONDS));
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.debug("stats snapshot skipped", "error", String.valueOf(e.getMessage()));
    }
  }

  /**
   * Ends the process groups of a daemon that died without stopping them, before anything is
   * resurrected, so every saved process runs once; then replaces its record with this daemon's.
   */
  private void endLeftovers() throws IOException, InterruptedException {
    List<RunningGroup> recorded = List.of();
    try {
      Optional<RuntimeRecord> previous = recovery.runtime().load();
      if (previous.isPresent()) {
        recorded = previous.get().groups();
        log.warn(
            "the previous daemon did not shut down cleanly",
            "pid", previous.get().daemonPid(), "recorded_groups", recorded.size());
      }
    } catch (StateException e) {
      log.error("unreadable runtime record; looking for marked processes only", "error", e.getMessage());
    }
    recovery.sweep().run(recorded);
    recovery.runtime().recordNow(List.of());
  }

  private Optional<CompletableFuture<List<ProcessInfo>>> resurrectSaved() {
    List<ProcessInfo> saved;
    try {
      saved = state.load();
    } catch (StateException e) {
      log.error("failed to resurrect processes on startup", "error", e.getMessage());
      try {
        Path aside = state.quarantine();
        log.warn("unreadable dump moved aside; starting with no processes", "path", aside);
      } catch (IOException moveFailed) {
        log.error("cannot move the unreadable dump aside", "error", moveFailed.getMessage());
      }
      return Optional.empty();
    }
    return saved.isEmpty() ? Optional.empty() : Optional.of(supervisor.resurrect(saved));
  }

  /** Starts the shutdown on its own thread; later calls do nothing. */
  void shutdown(String reason) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(() -> runShutdown(reason), "gopm-shutdown");
    thread.start();
  }

  private void runShutdown(String reason) {
    try {
      log.info("daemon shutting down", "reason", reason);
      mcp.ifPresent(McpHttpServer::close);
      server.close();
      background.close();
      periodic.telegraf().ifPresent(TelegrafEmitter::close);
      List<ProcessInfo> table;
      boolean allStopped = false;
      try {
        table = supervisor.shutdown().get(SHUTDOWN_LIMIT_MINUTES, TimeUnit.MINUTES);
        allStopped = true;
      } catch (Exception e) {
        log.fault("stopping processes failed; saving the last known state", e);
        table = supervisor.snapshot().getNow(List.of());
      }
      try {
        if (!table.isEmpty() || java.nio.file.Files.exists(state.file())) {
          state.saveNow(table);
        }
      } catch (IOException e) {
        log.error("final save failed", "error", e.getMessage());
      }
      state.close();
      supervisor.close();
      groups.close(); // sends the last SIGKILLs to what the leaders left
      if (allStopped) {
        clearRuntimeRecord();
      }
      recovery.runtime().close();
      lock.close();
      log.info("daemon stopped");
    } catch (IOException | RuntimeException e) {
      log.fault("shutdown failed", e);
    } finally {
      stopped.countDown();
    }
  }

  /** Removes {@code runtime.json}: no child is left, nothing for the next daemon to end. */
  private void clearRuntimeRecord() {
    try {
      recovery.runtime().clear();
    } catch (IOException e) {
      log.error("cannot remove the runtime record", "path", recovery.runtime().file(), "error", e.getMessage());
    }
  }

  /** Blocks until a shutdown has completed. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }
}
