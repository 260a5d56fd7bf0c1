package io.gopm.daemon;

import io.gopm.daemon.events.DaemonLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's one thread for periodic work ({@code gopm-background}): metrics every 2 s, the
 * listener scan every 60 s, the stats snapshot every minute. A task that fails is logged and runs
 * again at its next period.
 */
final class Background implements AutoCloseable {

  /** A periodic task that may be interrupted. */
  @FunctionalInterface
  interface Task {
    void run() throws InterruptedException;
  }

  private final DaemonLog log;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "gopm-background");
            thread.setDaemon(true);
            return thread;
          });

  Background(DaemonLog log) {
    this.log = log;
  }

  /** Runs {@code task} after {@code initialDelay}, then every {@code period}. */
  void every(String name, Duration initialDelay, Duration period, Task task) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            log.fault(name + " failed", e);
          }
        },
        initialDelay.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
