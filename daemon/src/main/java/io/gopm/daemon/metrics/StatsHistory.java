package io.gopm.daemon.metrics;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StatsPoint;
import io.gopm.protocol.model.StatsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metrics history behind {@code gopm stats}: one snapshot of every process per {@link
 * #INTERVAL}, kept in memory in a ring per process name ({@link #DEFAULT_CAPACITY} snapshots, 18
 * hours). Nothing is persisted; a deleted process's history goes with it.
 *
 * <p>Thread-safe: {@link #record} runs on the daemon's background thread, {@link #query} on RPC
 * connection threads; both take this object's lock, held only while copying (never across I/O).
 */
public final class StatsHistory {

  /** How often {@link #record} is meant to be called. */
  public static final Duration INTERVAL = Duration.ofSeconds(60);

  /** 18 hours at one snapshot a minute. */
  public static final int DEFAULT_CAPACITY =
      (int) (Duration.ofHours(StatsRequest.MAX_HOURS).toSeconds() / INTERVAL.toSeconds());

  private final int capacity;
  private final Clock clock;
  private final Map<String, SnapshotRing> rings = new HashMap<>();

  /**
   * @param capacity snapshots kept per process
   * @param clock the time stamped on each snapshot and the "now" of queries
   */
  public StatsHistory(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  /** A history of {@link #DEFAULT_CAPACITY} snapshots per process. */
  public StatsHistory(Clock clock) {
    this(DEFAULT_CAPACITY, clock);
  }

  /**
   * Appends one snapshot of each process (any status), and forgets the processes that are no longer
   * in {@code processes} (deleted).
   *
   * @param processes the whole process table
   */
  public void record(List<ProcessInfo> processes) {
    Instant now = clock.instant();
    Set<String> present = new HashSet<>();
    synchronized (this) {
      for (ProcessInfo process : processes) {
        present.add(process.name());
        rings.computeIfAbsent(process.name(), name -> new SnapshotRing(capacity)).push(snapshot(process, now));
      }
      rings.keySet().retainAll(present);
    }
  }

  /**
   * Forgets a process's history now (on {@code delete}) rather than at the next {@link #record}, so
   * a process added again under the same name within the minute starts afresh.
   */
  public synchronized void forget(String name) {
    rings.remove(name);
  }

  static StatsPoint snapshot(ProcessInfo process, Instant now) {
    long uptime = process.online() ? Math.max(0, Duration.between(process.uptime(), now).getSeconds()) : 0;
    return new StatsPoint(
        now.getEpochSecond(),
        process.cpu(),
        process.memory(),
        process.restarts(),
        uptime,
        process.status().wireName());
  }

  /**
   * The snapshots of the last {@code hours} hours, per process name, oldest first. Names without
   * snapshots in that period are left out.
   *
   * @param names the processes wanted, or null for every one with a history
   * @param hours how far back; {@code <= 0} means {@link StatsRequest#DEFAULT_HOURS}, more than
   *     {@link StatsRequest#MAX_HOURS} means that maximum
   * @return an unmodifiable map sorted by name
   */
  public Map<String, List<StatsPoint>> query(Collection<String> names, int hours) {
    long from = clock.instant().getEpochSecond() - clampHours(hours) * 3600L;
    Map<String, List<StatsPoint>> result = new TreeMap<>();
    synchronized (this) {
      Collection<String> wanted = names == null ? rings.keySet() : names;
      for (String name : wanted) {
        SnapshotRing ring = rings.get(name);
        if (ring == null) {
          continue;
        }
        List<StatsPoint> points = ring.since(from);
        if (!points.isEmpty()) {
          result.put(name, List.copyOf(points));
        }
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /** The hours a query covers: the daemon's rule for the {@code stats} request. */
  static int clampHours(int hours) {
    if (hours <= 0) {
      return StatsRequest.DEFAULT_HOURS;
    }
    return Math.min(hours, StatsRequest.MAX_HOURS);
  }
}
