package io.gopm.daemon.supervision;

import io.gopm.daemon.logs.ProcessLogs;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One managed process and its current run. Mutable, and owned by the supervisor thread: nothing
 * else reads or writes it; other threads see {@link #snapshot()}s.
 */
final class ManagedProcess {

  final int id;
  final Instant createdAt;
  ProcessSpec spec;

  ProcessStatus status = ProcessStatus.STOPPED;
  String statusReason = "";
  int restarts;
  int exitCode;
  Instant lastStart;
  long lastStartNanos;

  /** The current run, or null when not running. */
  LaunchedProcess run;
  int pid;
  /** The current run's start time in clock ticks after boot (0 when unknown). */
  long startTicks;
  boolean stopRequested;
  /** Set by a delete: no restart, requested or automatic, may start it again. */
  boolean deleting;
  CompletableFuture<Void> stopped;
  ScheduledFuture<?> killTimer;
  ScheduledFuture<?> pendingRestart;
  ProcessLogs logs;

  double cpu;
  long memory;
  List<String> listeners = List.of();

  ManagedProcess(int id, ProcessSpec spec, Instant createdAt) {
    this.id = id;
    this.spec = spec;
    this.createdAt = createdAt;
    this.lastStart = createdAt;
  }

  String name() {
    return spec.name();
  }

  boolean running() {
    return run != null;
  }

  /** True while waiting in the restart delay. */
  boolean restartPending() {
    return pendingRestart != null;
  }

  /** An immutable view for clients and persistence. */
  ProcessInfo snapshot() {
    return snapshot(status);
  }

  /** A view with another status (shutdown records running processes as online). */
  ProcessInfo snapshot(ProcessStatus shownStatus) {
    boolean online = shownStatus == ProcessStatus.ONLINE && run != null;
    return new ProcessInfo(
        id,
        spec.name(),
        spec.command(),
        spec.args(),
        spec.cwd().toString(),
        spec.env(),
        spec.interpreter(),
        shownStatus,
        statusReason,
        online ? pid : 0,
        spec.policy(),
        restarts,
        lastStart,
        createdAt,
        exitCode,
        online ? memory : 0,
        online ? cpu : 0,
        listeners,
        spec.logOut().toString(),
        spec.logErr().toString(),
        spec.maxLogSize());
  }
}
