package io.gopm.daemon.metrics;

import io.gopm.daemon.supervision.Supervisor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads CPU and memory of each running child from {@code /proc} (every two seconds, on the
 * daemon's background thread) and hands the figures to the supervisor. CPU is the share of one
 * core since the previous reading, so the first reading after a start shows 0.
 *
 * <p>Used by one thread at a time.
 */
public final class MetricsSampler {

  /** The sampling period of GoPM. */
  public static final Duration INTERVAL = Duration.ofSeconds(2);

  private final Supervisor supervisor;
  private final ProcStatReader reader;
  /** Previous reading per PID: CPU ticks and when they were read. */
  private Map<Integer, long[]> previous = new HashMap<>();

  public MetricsSampler(Supervisor supervisor, Path proc) {
    this.supervisor = supervisor;
    this.reader = new ProcStatReader(proc);
  }

  /** Takes one reading of every running process. */
  public void sample() throws InterruptedException {
    Map<Integer, Integer> pids;
    try {
      pids = supervisor.runningPids().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return; // shutting down, or busy: try again next period
    }
    Map<Integer, long[]> current = new HashMap<>();
    Map<Integer, Supervisor.ProcessSample> samples = new HashMap<>();
    for (Map.Entry<Integer, Integer> entry : pids.entrySet()) {
      int pid = entry.getValue();
      ProcStat stat;
      try {
        stat = reader.read(pid);
      } catch (IOException | RuntimeException e) {
        continue; // exited between the listing and the read; its exit is handled elsewhere
      }
      long now = System.nanoTime();
      long[] before = previous.get(pid);
      double cpu = 0;
      if (before != null && now > before[1]) {
        double seconds = (now - before[1]) / 1e9;
        cpu = Math.max(0, (stat.cpuTicks() - before[0]) / (double) ProcStat.CLOCK_TICKS / seconds * 100);
      }
      current.put(pid, new long[] {stat.cpuTicks(), now});
      samples.put(entry.getKey(), new Supervisor.ProcessSample(pid, Math.round(cpu * 10) / 10.0, stat.rssBytes()));
    }
    previous = current;
    supervisor.applyMetrics(samples);
  }
}
