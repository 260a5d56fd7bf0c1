package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, orphans: however the daemon ends ({@code gopm kill}, {@code gopm reboot --force},
 * SIGTERM, SIGKILL followed by the next command), nothing of its processes' groups keeps running
 * outside its control. Each app is a shell with a grandchild that ignores SIGTERM, both marked
 * with a unique argument and counted in {@code /proc}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OrphanReliabilityIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> APPS = List.of("web", "worker");

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  /** The marker of each app, unique to this test run. */
  private final Map<String, String> markers = new HashMap<>();

  @BeforeEach
  void startAppsWithGrandchildren() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (String app : APPS) {
      String marker = "gopm-orphan-" + run + "-" + app;
      markers.put(app, marker);
      gopm.ok("start", "/bin/sh", "--name", app, "--kill-timeout", "1s", "--",
          "-c", ProcessCensus.LEADER_WITH_GRANDCHILD, marker);
    }
    for (String app : APPS) {
      GopmEnvironment.await(WAIT).alias(app + " and its grandchild running")
          .until(() -> ProcessCensus.shells(markers.get(app)).size() == 2);
    }
  }

  private List<ProcessCensus.Entry> leftovers() {
    return markers.values().stream().flatMap(marker -> ProcessCensus.shells(marker).stream()).toList();
  }

  @Test
  void killLeavesNothingRunning() {
    gopm.ok("kill");

    assertThat(leftovers()).as("processes of the apps after gopm kill").isEmpty();
  }

  @Test
  void sigtermToTheDaemonLeavesNothingRunning() {
    ProcessHandle daemon = ProcessHandle.of(gopm.daemonPid()).orElseThrow();

    daemon.destroy();

    assertThat(daemon.onExit()).succeedsWithin(WAIT);
    assertThat(leftovers()).as("processes of the apps after SIGTERM to the daemon").isEmpty();
  }

  @Test
  void forcedRebootLeavesOnlyTheNewRuns() {
    Map<String, Integer> before = pids();

    gopm.ok("reboot", "--force");

    assertOnlyCurrentRuns(before);
  }

  @Test
  void sigkillToTheDaemonThenTheNextCommandLeavesOnlyTheNewRuns() {
    Map<String, Integer> before = pids();
    ProcessHandle daemon = ProcessHandle.of(gopm.daemonPid()).orElseThrow();

    daemon.destroyForcibly();
    assertThat(daemon.onExit()).succeedsWithin(WAIT);
    assertThat(leftovers()).as("the apps still run while no daemon does").hasSize(2 * APPS.size());
    gopm.ok("list");

    assertOnlyCurrentRuns(before);
  }

  private Map<String, Integer> pids() {
    Map<String, Integer> pids = new HashMap<>();
    for (ProcessInfo process : gopm.list()) {
      pids.put(process.name(), process.pid());
    }
    return pids;
  }

  /** Every app runs again, once, under the current daemon; nothing of the earlier runs is left. */
  private void assertOnlyCurrentRuns(Map<String, Integer> before) {
    for (String app : APPS) {
      ProcessInfo now = gopm.awaitProcess(app, WAIT, p -> p.status() == ProcessStatus.ONLINE);
      assertThat(now.pid()).as("%s has a new run", app).isNotEqualTo(before.get(app));
      GopmEnvironment.await(WAIT).alias(app + " and its grandchild running again")
          .until(() -> ProcessCensus.shells(markers.get(app)).size() == 2);
      assertThat(ProcessCensus.shells(markers.get(app)))
          .as("the processes of %s: its current group only", app)
          .extracting(ProcessCensus.Entry::pgid)
          .containsOnly((long) now.pid());
      assertThat(GopmEnvironment.processGroupMembers(before.get(app)))
          .as("the old group of %s", app).isEmpty();
    }
  }
}
