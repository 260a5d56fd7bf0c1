package io.gopm.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StatsPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatsHistoryTest {

  private static final Instant START = Instant.parse("2026-02-05T08:00:00Z");

  private final MovingClock clock = new MovingClock(START);

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static ProcessInfo process(
      int id, String name, ProcessStatus status, int pid, Instant startedAt, double cpu, long memory, int restarts) {
    return new ProcessInfo(
        id, name, "/bin/" + name, List.of(), "/srv", Map.of(), "", status, "", pid, RestartPolicy.DEFAULTS,
        restarts, startedAt, START.minus(Duration.ofDays(1)), 0, memory, cpu, List.of(), "", "", 1_048_576L);
  }

  private static ProcessInfo online(String name) {
    return process(0, name, ProcessStatus.ONLINE, 100, START, 1.5, 4096, 0);
  }

  /** Records {@code count} snapshots of {@code processes}, one a minute, the first one now. */
  private void recordEveryMinute(StatsHistory history, int count, List<ProcessInfo> processes) {
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        clock.advance(StatsHistory.INTERVAL);
      }
      history.record(processes);
    }
  }

  // ---- the ring (spec/testing.md §5.4) ----

  @Test
  void ringKeepsPushedSnapshotsInChronologicalOrder() {
    SnapshotRing ring = new SnapshotRing(StatsHistory.DEFAULT_CAPACITY);
    for (int i = 0; i < 5; i++) {
      ring.push(new StatsPoint(1000 + i, i, i, 0, 0, "online"));
    }

    assertThat(ring.size()).isEqualTo(5);
    assertThat(ring.points()).extracting(StatsPoint::ts).containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
  }

  @Test
  void ringOverwritesTheOldestOnceFull() {
    SnapshotRing ring = new SnapshotRing(StatsHistory.DEFAULT_CAPACITY);
    int pushes = StatsHistory.DEFAULT_CAPACITY + 100;
    for (int i = 0; i < pushes; i++) {
      ring.push(new StatsPoint(i, 0, 0, 0, 0, "online"));
    }

    List<StatsPoint> points = ring.points();
    assertThat(ring.size()).isEqualTo(1080);
    assertThat(points).hasSize(1080);
    assertThat(points.get(0).ts()).isEqualTo(100);
    assertThat(points.get(points.size() - 1).ts()).isEqualTo(pushes - 1);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).ts()).isGreaterThan(points.get(i - 1).ts());
    }
  }

  @Test
  void emptyRingHasNoSnapshots() {
    SnapshotRing ring = new SnapshotRing(10);

    assertThat(ring.size()).isZero();
    assertThat(ring.points()).isEmpty();
    assertThat(ring.since(0)).isEmpty();
  }

  @Test
  void ringOfOneKeepsOnlyTheNewest() {
    SnapshotRing ring = new SnapshotRing(1);
    ring.push(new StatsPoint(1, 0, 0, 0, 0, "online"));
    ring.push(new StatsPoint(2, 0, 0, 0, 0, "online"));

    assertThat(ring.points()).extracting(StatsPoint::ts).containsExactly(2L);
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new SnapshotRing(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatsHistory(0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  // ---- recording ----

  @Test
  void defaultCapacityIsEighteenHoursAtOneAMinute() {
    assertThat(StatsHistory.DEFAULT_CAPACITY).isEqualTo(1080);
    assertThat(StatsHistory.INTERVAL).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void recordsOneSnapshotPerProcessWithItsFigures() {
    StatsHistory history = new StatsHistory(clock);
    Instant startedAt = START.minus(Duration.ofMinutes(90));
    history.record(List.of(process(0, "api", ProcessStatus.ONLINE, 4521, startedAt, 12.5, 25_270_272L, 3)));

    Map<String, List<StatsPoint>> result = history.query(null, 1);

    assertThat(result).containsOnlyKeys("api");
    assertThat(result.get("api"))
        .containsExactly(new StatsPoint(START.getEpochSecond(), 12.5, 25_270_272L, 3, 5400, "online"));
  }

  @Test
  void uptimeIsZeroUnlessOnline() {
    StatsHistory history = new StatsHistory(clock);
    Instant startedAt = START.minus(Duration.ofMinutes(5));
    history.record(
        List.of(
            process(0, "stopped", ProcessStatus.STOPPED, 0, startedAt, 0, 0, 1),
            process(1, "errored", ProcessStatus.ERRORED, 0, startedAt, 0, 0, 15)));

    Map<String, List<StatsPoint>> result = history.query(null, 1);

    assertThat(result.get("stopped")).singleElement().satisfies(point -> {
      assertThat(point.uptime()).isZero();
      assertThat(point.status()).isEqualTo("stopped");
      assertThat(point.restarts()).isEqualTo(1);
    });
    assertThat(result.get("errored")).singleElement().satisfies(point -> {
      assertThat(point.uptime()).isZero();
      assertThat(point.status()).isEqualTo("errored");
    });
  }

  @Test
  void uptimeNeverGoesNegativeWhenTheStartIsInTheFuture() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(process(0, "api", ProcessStatus.ONLINE, 7, START.plusSeconds(30), 0, 0, 0)));

    assertThat(history.query(null, 1).get("api").get(0).uptime()).isZero();
  }

  @Test
  void stampsEachSnapshotWithTheClockInSeconds() {
    StatsHistory history = new StatsHistory(clock);
    recordEveryMinute(history, 3, List.of(online("api")));

    assertThat(history.query(null, 1).get("api"))
        .extracting(StatsPoint::ts)
        .containsExactly(START.getEpochSecond(), START.getEpochSecond() + 60, START.getEpochSecond() + 120);
  }

  @Test
  void wrapsAroundAfterEighteenHours() {
    StatsHistory history = new StatsHistory(clock);
    recordEveryMinute(history, StatsHistory.DEFAULT_CAPACITY + 100, List.of(online("api")));

    List<StatsPoint> points = history.query(null, 18).get("api");

    // the 18-hour window reaches one minute further back than the ring does
    assertThat(points).hasSize(1080);
    assertThat(points.get(0).ts()).isEqualTo(START.getEpochSecond() + 100 * 60);
    assertThat(points.get(1079).ts()).isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void dropsTheHistoryOfADeletedProcess() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api"), online("worker")));
    clock.advance(StatsHistory.INTERVAL);

    history.record(List.of(online("api")));

    assertThat(history.query(null, 1)).containsOnlyKeys("api");
    assertThat(history.query(List.of("worker"), 1)).isEmpty();
    assertThat(history.query(null, 1).get("api")).hasSize(2);
  }

  @Test
  void aProcessDeletedAndAddedAgainStartsAFreshHistory() {
    StatsHistory history = new StatsHistory(clock);
    recordEveryMinute(history, 5, List.of(online("api")));
    clock.advance(StatsHistory.INTERVAL);
    history.record(List.of());
    clock.advance(StatsHistory.INTERVAL);

    history.record(List.of(online("api")));

    assertThat(history.query(null, 1).get("api")).hasSize(1);
  }

  @Test
  void forgetsADeletedProcessAtOnce() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api"), online("worker")));

    history.forget("worker");
    history.forget("never-seen");

    assertThat(history.query(null, 1)).containsOnlyKeys("api");
  }

  @Test
  void anEmptyTableForgetsEverything() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api"), online("worker")));

    history.record(List.of());

    assertThat(history.query(null, 18)).isEmpty();
  }

  // ---- querying ----

  @Test
  void slicesTheLastHours() {
    StatsHistory history = new StatsHistory(clock);
    recordEveryMinute(history, 600, List.of(online("api")));
    long now = clock.instant().getEpochSecond();

    List<StatsPoint> points = history.query(null, 2).get("api");

    assertThat(points).allSatisfy(point -> assertThat(point.ts()).isGreaterThanOrEqualTo(now - 2 * 3600));
    assertThat(points.size()).isBetween(110, 130);
    assertThat(history.query(null, 10).get("api")).hasSize(600);
  }

  @Test
  void includesTheSnapshotExactlyAtTheEdgeOfTheWindow() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api")));
    clock.advance(Duration.ofHours(1));

    assertThat(history.query(null, 1).get("api")).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(history.query(null, 1)).isEmpty();
  }

  @Test
  void emptyHistoryAnswersAnEmptyMap() {
    StatsHistory history = new StatsHistory(clock);

    assertThat(history.query(null, 6)).isEmpty();
    assertThat(history.query(List.of("api"), 6)).isEmpty();
    assertThat(history.query(List.of(), 6)).isEmpty();
  }

  @Test
  void leavesOutProcessesWithoutSnapshotsInThePeriod() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("old")));
    clock.advance(Duration.ofHours(3));
    history.record(List.of(online("old"), online("new")));
    clock.advance(Duration.ofHours(3));
    history.record(List.of(online("new")));

    Map<String, List<StatsPoint>> result = history.query(null, 1);

    assertThat(result).containsOnlyKeys("new");
  }

  @Test
  void answersOnlyTheNamesAskedFor() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api"), online("worker"), online("cron")));

    assertThat(history.query(List.of("worker"), 1)).containsOnlyKeys("worker");
    assertThat(history.query(Set.of("api", "cron", "nope"), 1)).containsOnlyKeys("api", "cron");
  }

  @Test
  void sortsTheResultByName() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("zeta"), online("alpha"), online("mid")));

    assertThat(history.query(null, 1).keySet()).containsExactly("alpha", "mid", "zeta");
    assertThat(history.query(List.of("zeta", "alpha"), 1).keySet()).containsExactly("alpha", "zeta");
  }

  @Test
  void appliesTheDaemonsHoursRule() {
    assertThat(StatsHistory.clampHours(0)).isEqualTo(6);
    assertThat(StatsHistory.clampHours(-3)).isEqualTo(6);
    assertThat(StatsHistory.clampHours(1)).isEqualTo(1);
    assertThat(StatsHistory.clampHours(18)).isEqualTo(18);
    assertThat(StatsHistory.clampHours(99)).isEqualTo(18);
  }

  @Test
  void zeroHoursMeansSixAndTooManyMeansEighteen() {
    StatsHistory history = new StatsHistory(clock);
    recordEveryMinute(history, 20 * 60, List.of(online("api")));

    assertThat(history.query(null, 0).get("api")).hasSize(6 * 60 + 1);
    assertThat(history.query(null, 99).get("api")).hasSize(1080);
  }

  @Test
  void theResultIsACopyThatLaterRecordsDoNotChange() {
    StatsHistory history = new StatsHistory(clock);
    history.record(List.of(online("api")));
    Map<String, List<StatsPoint>> before = history.query(null, 1);

    clock.advance(StatsHistory.INTERVAL);
    history.record(List.of(online("api")));

    assertThat(before.get("api")).hasSize(1);
    assertThatThrownBy(() -> before.put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> before.get("api").add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void recordsAndQueriesFromSeveralThreadsAtOnce() throws Exception {
    StatsHistory history = new StatsHistory(100, clock);
    List<ProcessInfo> table = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      table.add(online("p" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> tasks = new ArrayList<>();
      tasks.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 2000; i++) {
          history.record(table);
        }
        return null;
      }));
      for (int t = 0; t < 3; t++) {
        tasks.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 2000; i++) {
            history.query(null, 18).values().forEach(points -> assertThat(points.size()).isLessThanOrEqualTo(100));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> task : tasks) {
        task.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(history.query(null, 18)).hasSize(20).allSatisfy((name, points) -> assertThat(points).hasSize(100));
  }
}
