package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.state.RunningGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sweep against real processes (its own children, so nothing else is ever touched). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeftoverSweepTest {

  @TempDir Path home;
  private DaemonLog log;
  private ProcessGroups groups;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void open() throws IOException {
    log = DaemonLog.open(home.resolve("daemon.log"), true);
    groups = new ProcessGroups();
  }

  @AfterEach
  void close() throws IOException {
    started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    started.forEach(Process::destroyForcibly);
    groups.close();
    log.close();
  }

  private RunMarker marker(long pid) {
    return new RunMarker(pid, 1, home);
  }

  /** {@code setsid sh -c SCRIPT}, with the marker of {@code daemon} in its environment. */
  private Process group(RunMarker daemon, String script) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", script);
    builder.environment().put(RunMarker.VARIABLE, daemon.text());
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static RunningGroup recorded(Process leader, long killTimeoutMillis) {
    return new RunningGroup(
        0, "app", (int) leader.pid(), JdkProcessLauncher.startTicks((int) leader.pid()), 15, killTimeoutMillis);
  }

  private static long members(long pgid) {
    return LeftoverSweep.scan(Path.of("/proc")).stream()
        .filter(e -> e.pgid() == pgid && !e.zombie())
        .count();
  }

  private static void awaitMembers(long pgid, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (members(pgid) < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(members(pgid)).as("members of group %d", pgid).isGreaterThanOrEqualTo(count);
  }

  @Test
  void endsARecordedGroupAndTheGrandchildItForked() throws Exception {
    RunMarker dead = marker(1);
    Process leader = group(dead, "sleep 1000 & wait");
    awaitMembers(leader.pid(), 2);
    LeftoverSweep sweep = new LeftoverSweep(Path.of("/proc"), groups, marker(2), ProcessHandle.current().pid(), log);

    LeftoverSweep.Outcome outcome = sweep.run(List.of(recorded(leader, 3000)));

    assertThat(outcome.found()).isEqualTo(2);
    assertThat(outcome.killed()).isZero();
    assertThat(outcome.remaining()).isZero();
    assertThat(members(leader.pid())).isZero();
  }

  @Test
  void killsAGroupThatIgnoresTheStopSignalAfterTheKillTimeout() throws Exception {
    Process leader = group(marker(1), "trap '' TERM; while :; do sleep 0.05; done");
    awaitMembers(leader.pid(), 1);
    LeftoverSweep sweep = new LeftoverSweep(Path.of("/proc"), groups, marker(2), ProcessHandle.current().pid(), log);

    LeftoverSweep.Outcome outcome = sweep.run(List.of(recorded(leader, 200)));

    assertThat(outcome.killed()).isPositive();
    assertThat(outcome.remaining()).isZero();
    assertThat(leader.waitFor(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void endsAnUnrecordedGroupByItsMarkerButLeavesThisDaemonsOwn() throws Exception {
    Process unrecorded = group(marker(1), "exec sleep 1000");
    Process own = group(marker(2), "exec sleep 1000");
    awaitMembers(unrecorded.pid(), 1);
    awaitMembers(own.pid(), 1);
    LeftoverSweep sweep = new LeftoverSweep(Path.of("/proc"), groups, marker(2), ProcessHandle.current().pid(), log);

    LeftoverSweep.Outcome outcome = sweep.run(List.of());

    assertThat(outcome.found()).isEqualTo(1);
    assertThat(unrecorded.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(own.isAlive()).isTrue();
  }

  @Test
  void aRecordedGroupWhosePidWasRecycledIsLeftRunning() throws Exception {
    Process stranger = group(marker(2), "exec sleep 1000");
    awaitMembers(stranger.pid(), 1);
    RunningGroup old = recorded(stranger, 100);
    RunningGroup recycled = new RunningGroup(0, "app", old.pgid(), old.startTicks() - 1, 15, 100);
    LeftoverSweep sweep = new LeftoverSweep(Path.of("/proc"), groups, marker(2), ProcessHandle.current().pid(), log);

    assertThat(sweep.run(List.of(recycled)).found()).isZero();
    assertThat(stranger.isAlive()).isTrue();
  }

  @Test
  void theScanSkipsEntriesThatVanishedOrCannotBeRead() throws IOException {
    Path proc = Files.createDirectories(home.resolve("proc"));
    Path full = Files.createDirectories(proc.resolve("42"));
    Files.writeString(full.resolve("stat"), "42 (sh) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 777 0 0");
    Files.write(full.resolve("environ"), ("A=1\0" + RunMarker.VARIABLE + "=1:2:/h\0").getBytes());
    Path noEnviron = Files.createDirectories(proc.resolve("43"));
    Files.writeString(noEnviron.resolve("stat"), "43 (sh) Z 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 778 0 0");
    Files.createDirectories(proc.resolve("44")); // gone between the listing and the read
    Files.createDirectories(proc.resolve("self"));

    List<ProcEntry> entries = LeftoverSweep.scan(proc);

    assertThat(entries).containsExactlyInAnyOrder(
        new ProcEntry(42, 42, 777, false, java.util.Optional.of("1:2:/h")),
        new ProcEntry(43, 42, 778, true, java.util.Optional.empty()));
  }

  @Test
  void theStopGraceIsTheLongestRecordedKillTimeoutButNeverLongerThanTheCap() {
    assertThat(LeftoverSweep.grace(List.of(new RunningGroup(0, "a", 5, 1, 15, 300), new RunningGroup(1, "b", 6, 1, 15, 800))))
        .isEqualTo(java.time.Duration.ofMillis(800));
    assertThat(LeftoverSweep.grace(List.of(new RunningGroup(0, "a", 5, 1, 15, 60_000)))).isEqualTo(LeftoverSweep.MAX_GRACE);
    assertThat(LeftoverSweep.grace(List.of())).isEqualTo(LeftoverSweep.MAX_GRACE);
  }
}
