package io.gopm.daemon;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.metrics.ListenerScanner;
import io.gopm.daemon.metrics.MetricsSampler;
import io.gopm.daemon.metrics.StatsHistory;
import io.gopm.daemon.rpc.RpcServer;
import io.gopm.daemon.state.StateException;
import io.gopm.daemon.state.StateStore;
import io.gopm.daemon.supervision.ProcessGroups;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.daemon.telemetry.TelegrafEmitter;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
  private final MetricsSampler metrics;
  private final ListenerScanner listeners;
  private final StatsHistory stats;
  private final java.time.Duration statsInterval;
  private final Background background;
  private final ProcessGroups groups;
  private final DaemonLock lock;
  private final Optional<TelegrafEmitter> telegraf;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  Daemon(
      DaemonLog log,
      Supervisor supervisor,
      StateStore state,
      RpcServer server,
      MetricsSampler metrics,
      ListenerScanner listeners,
      StatsHistory stats,
      java.time.Duration statsInterval,
      Background background,
      ProcessGroups groups,
      DaemonLock lock,
      Optional<TelegrafEmitter> telegraf) {
    this.log = log;
    this.supervisor = supervisor;
    this.state = state;
    this.server = server;
    this.metrics = metrics;
    this.listeners = listeners;
    this.stats = stats;
    this.statsInterval = statsInterval;
    this.background = background;
    this.groups = groups;
    this.lock = lock;
    this.telegraf = telegraf;
  }

  /** Serves the socket, brings back the saved processes and starts the periodic work. */
  void start(Path socket, long pid, String version) throws IOException {
    server.start();
    log.info("daemon started", "pid", pid, "socket", socket, "version", version);
    resurrectSaved();
    background.every("metrics sampling", MetricsSampler.INTERVAL, MetricsSampler.INTERVAL, this::sampleMetrics);
    background.every("listener scan", java.time.Duration.ZERO, ListenerScanner.INTERVAL, listeners::scan);
    background.every("stats snapshot", statsInterval, statsInterval, this::recordStats);
  }

  /** The metrics sample, then (when configured) the Telegraf lines of the table it updated. */
  private void sampleMetrics() throws InterruptedException {
    metrics.sample();
    if (telegraf.isPresent()) {
      try {
        telegraf.get().emit(supervisor.list().get(10, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        log.debug("telegraf emission skipped", "error", String.valueOf(e.getMessage()));
      }
    }
  }

  private void recordStats() throws InterruptedException {
    try {
      stats.record(supervisor.list().get(10, TimeUnit.SECONDS));
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.debug("stats snapshot skipped", "error", String.valueOf(e.getMessage()));
    }
  }

  private void resurrectSaved() {
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
      return;
    }
    if (saved.isEmpty()) {
      return;
    }
    List<ProcessInfo> added = supervisor.resurrect(saved).join();
    log.info("auto-resurrected processes on startup", "count", added.size());
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
      server.close();
      background.close();
      telegraf.ifPresent(TelegrafEmitter::close);
      List<ProcessInfo> table;
      try {
        table = supervisor.shutdown().get(SHUTDOWN_LIMIT_MINUTES, TimeUnit.MINUTES);
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
      groups.close();
      lock.close();
      log.info("daemon stopped");
    } catch (IOException | RuntimeException e) {
      log.fault("shutdown failed", e);
    } finally {
      stopped.countDown();
    }
  }

  /** Blocks until a shutdown has completed. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }
}
