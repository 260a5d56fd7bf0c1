package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, daemon crash safety: several CLIs start, stop, restart and delete apps while the
 * daemon is killed with SIGKILL at random moments (10 kills; 100 in the long form). After each
 * kill and the next command: {@code dump.json} parses, every app recorded online runs exactly
 * once (leader and grandchild, counted in {@code /proc} by a unique argument), nothing of a group
 * the dead daemon started is left, and the apps nobody touched keep their IDs.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class CrashStormReliabilityIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> STABLE = List.of("stable-0", "stable-1");
  private static final List<String> CHURN = List.of("churn-0", "churn-1", "churn-2", "churn-3");
  private static final int CLIENTS = 3;

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private final String run = "gopm-storm-" + UUID.randomUUID().toString().substring(0, 8);
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
  private final ConcurrentLinkedQueue<Throwable> clientFailures = new ConcurrentLinkedQueue<>();
  private volatile boolean over;

  private String marker(String app) {
    return run + "-" + app + "-";
  }

  private String[] startArgs(String app) {
    return new String[] {"start", "/bin/sh", "--name", app, "--kill-timeout", "300ms", "--",
        "-c", ProcessCensus.LEADER_WITH_GRANDCHILD, marker(app)};
  }

  @Test
  void sigkillsAtRandomMomentsOfAStormLeaveEveryOnlineAppRunningOnce() throws Exception {
    int kills = ReliabilityBudget.current().pick(10, 100);
    for (String app : STABLE) {
      gopm.ok(startArgs(app));
    }
    for (String app : CHURN) {
      gopm.ok(startArgs(app));
    }
    Map<String, Integer> stableIds = new HashMap<>();
    for (String app : STABLE) {
      stableIds.put(app, gopm.process(app).id());
    }
    gate.writeLock().lock(); // the clients wait until the first round opens the gate
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread client = new Thread(this::storm, "storm-client-" + i);
      client.start();
      clients.add(client);
    }
    try {
      for (int round = 1; round <= kills; round++) {
        gate.writeLock().unlock();
        // the storm runs for a random moment, then the daemon dies wherever it is
        Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1000));
        ProcessHandle daemon = ProcessHandle.of(gopm.daemonPid()).orElseThrow();
        daemon.destroyForcibly();
        assertThat(daemon.onExit()).succeedsWithin(WAIT);
        gate.writeLock().lock(); // waits for the commands in flight
        assertThat(clientFailures).as("commands that hung or failed to run").isEmpty();
        checkAfterKill(round, stableIds);
      }
    } finally {
      over = true;
      if (gate.isWriteLockedByCurrentThread()) {
        gate.writeLock().unlock();
      }
      for (Thread client : clients) {
        client.join(TimeUnit.MINUTES.toMillis(2));
      }
    }
    System.out.println("[storm] " + kills + " SIGKILLs survived; daemon.log has "
        + gopm.daemonLog().lines().filter(l -> l.contains("ended processes left by a previous daemon")).count()
        + " sweeps that ended leftovers");
  }

  /**
   * Found by the storm (long form, round 82): a delete and a restart waiting for the same stop. The
   * restart started the process again, then the delete removed it from the table while it ran, a
   * process nobody controlled any more. The delete now wins: the restart answers "not found".
   */
  @Test
  void aRestartWaitingForTheSameStopAsADeleteNeverLeavesAProcessBehind() throws Exception {
    String marker = run + "-racer";
    gopm.startApp("racer", List.of(), "--run-forever", "--slow-shutdown", "2s", "--", marker);
    GopmEnvironment.await(WAIT).until(() -> !ProcessCensus.carrying(marker).isEmpty());

    Process delete = gopm.startCli(gopm.workDir, "delete", "racer");
    GopmEnvironment.await(WAIT).alias("the delete request reaching the daemon")
        .until(() -> gopm.daemonLog().contains("method=delete"));
    CliResult restart = gopm.run("restart", "racer");
    assertThat(delete.waitFor(60, TimeUnit.SECONDS)).as("the delete finished").isTrue();

    assertThat(delete.exitValue()).as("the delete's exit status").isZero();
    assertThat(restart.exitCode()).as("the restart of a process deleted meanwhile: %s", restart.output()).isNotZero();
    assertThat(restart.output()).contains("not found");
    assertThat(gopm.find("racer")).as("racer in the list").isEmpty();
    GopmEnvironment.await(WAIT).alias("no racer process left")
        .until(() -> ProcessCensus.carrying(marker).isEmpty());
  }

  /** One client: random commands on the churned apps, one at a time, while the gate is open. */
  private void storm() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (!over) {
      gate.readLock().lock();
      try {
        if (over) {
          return;
        }
        String app = CHURN.get(random.nextInt(CHURN.size()));
        switch (random.nextInt(4)) {
          case 0 -> gopm.run(startArgs(app));
          case 1 -> gopm.run("stop", app);
          case 2 -> gopm.run("restart", app);
          default -> gopm.run("delete", app);
        }
      } catch (Throwable failure) {
        clientFailures.add(failure);
      } finally {
        gate.readLock().unlock();
      }
    }
  }

  private void checkAfterKill(int round, Map<String, Integer> stableIds) {
    String when = "after SIGKILL " + round;
    List<ProcessInfo> list = parseList(gopm.ok("list", "--json"));
    Map<String, ProcessInfo> byName = list.stream().collect(Collectors.toMap(ProcessInfo::name, p -> p));

    for (String app : STABLE) {
      assertThat(byName.get(app)).as("%s %s", app, when).isNotNull();
      assertThat(byName.get(app).id()).as("the ID of %s %s", app, when).isEqualTo(stableIds.get(app));
    }
    assertThat(list.stream().map(ProcessInfo::id).distinct().count()).as("distinct IDs %s", when).isEqualTo(list.size());

    Set<Long> onlineGroups = list.stream()
        .filter(p -> p.status() == ProcessStatus.ONLINE)
        .map(p -> (long) p.pid())
        .collect(Collectors.toSet());
    // nothing of the dead daemon's groups (or of any group not online now) is running
    GopmEnvironment.await(WAIT).alias("only the groups of online apps running " + when)
        .until(() -> ProcessCensus.shells(run).stream().allMatch(p -> onlineGroups.contains(p.pgid())));
    for (ProcessInfo process : list) {
      List<ProcessCensus.Entry> shells = ProcessCensus.shells(marker(process.name()));
      if (process.status() == ProcessStatus.ONLINE) {
        // the grandchild is forked just after the leader starts
        GopmEnvironment.await(WAIT).alias(process.name() + " running once " + when)
            .until(() -> ProcessCensus.shells(marker(process.name())).size() == 2);
        assertThat(ProcessCensus.shells(marker(process.name())))
            .as("the processes of %s %s", process.name(), when)
            .extracting(ProcessCensus.Entry::pgid)
            .containsOnly((long) process.pid());
      } else {
        assertThat(shells).as("the processes of %s (%s) %s", process.name(), process.status(), when).isEmpty();
      }
    }
    // what the daemon saved says the same; the dump is written in the background, so wait for it
    Set<String> online = list.stream().filter(p -> p.status() == ProcessStatus.ONLINE)
        .map(ProcessInfo::name).collect(Collectors.toSet());
    GopmEnvironment.await(WAIT).alias("dump.json parses and records the online apps " + when)
        .until(() -> savedOnline().equals(online));
  }

  private List<ProcessInfo> parseList(String json) {
    try {
      return gopm.codec.read(json, new com.fasterxml.jackson.core.type.TypeReference<List<ProcessInfo>>() {}.getType());
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JSON process list: " + json, e);
    }
  }

  private Set<String> savedOnline() throws java.io.IOException {
    List<ProcessInfo> saved = parseList(Files.readString(gopm.gopmHome().dumpFile()));
    return saved.stream().filter(p -> p.status() == ProcessStatus.ONLINE).map(ProcessInfo::name)
        .collect(Collectors.toSet());
  }
}
