package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 5: the kill sequence reaches whole process groups and escalates on time. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void stopEndsAProcessGracefullyWithSigterm() {
    gopm.startApp("polite", List.of(), "--run-forever");
    gopm.awaitFileContains(gopm.logFile("polite", "out"), "testapp ready", WAIT);

    gopm.ok("stop", "polite");

    ProcessInfo polite = gopm.process("polite");
    assertThat(polite.exitCode()).isZero();
    assertThat(GopmEnvironment.read(gopm.logFile("polite", "err"))).contains("[gopm] process stopped (exit code 0)");
  }

  @Test
  void aChildIgnoringSigtermIsKilledAfterItsKillTimeout() {
    ProcessInfo stubborn = gopm.startApp("stubborn", List.of("--kill-timeout", "2s"), "--run-forever", "--trap-sigterm");
    gopm.awaitFileContains(gopm.logFile("stubborn", "out"), "testapp ready", WAIT);

    long started = System.nanoTime();
    gopm.ok("stop", "stubborn");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(8));
    assertThat(GopmEnvironment.alive(stubborn.pid())).isFalse();
    assertThat(gopm.process("stubborn").exitCode()).isEqualTo(-1);
    assertThat(GopmEnvironment.read(gopm.logFile("stubborn", "err"))).contains("SIGTERM received, ignoring");
  }

  @Test
  void aSlowShutdownWithinTheTimeoutExitsCleanly() {
    gopm.startApp("slow", List.of("--kill-timeout", "5s"), "--run-forever", "--slow-shutdown", "1s");
    gopm.awaitFileContains(gopm.logFile("slow", "out"), "testapp ready", WAIT);

    long started = System.nanoTime();
    gopm.ok("stop", "slow");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gopm.process("slow").exitCode()).isZero();
  }

  @Test
  void aSlowShutdownBeyondTheTimeoutIsKilled() {
    gopm.startApp("slower", List.of("--kill-timeout", "1s"), "--run-forever", "--slow-shutdown", "10s");
    gopm.awaitFileContains(gopm.logFile("slower", "out"), "testapp ready", WAIT);

    long started = System.nanoTime();
    gopm.ok("stop", "slower");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(gopm.process("slower").exitCode()).isEqualTo(-1);
  }

  @Test
  void stopTakesAShellScriptsBackgroundChildrenWithIt() throws Exception {
    Path script = gopm.workDir.resolve("spawner.sh");
    Files.writeString(script, "sleep 3001 &\nsleep 3002 &\n(sleep 3003; true) &\necho spawned\nwait\n");
    ProcessInfo spawner = gopm.startAppScript("spawner", script);
    gopm.awaitFileContains(gopm.logFile("spawner", "out"), "spawned", WAIT);
    GopmEnvironment.await(WAIT).until(() -> GopmEnvironment.processGroupMembers(spawner.pid()).size() >= 4);

    gopm.ok("stop", "spawner");

    GopmEnvironment.await(Duration.ofSeconds(5)).until(() -> GopmEnvironment.processGroupMembers(spawner.pid()).isEmpty());
  }

  @Test
  void leftoversOfACrashedLeaderAreCleanedUp() throws Exception {
    Path script = gopm.workDir.resolve("leaver.sh");
    Files.writeString(script, "sleep 3004 &\necho left\nexit 3\n");
    ProcessInfo leaver = gopm.startAppScript("leaver", script, "--autorestart", "never");
    gopm.awaitProcess("leaver", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.exitCode() == 3);

    GopmEnvironment.await(Duration.ofSeconds(5)).until(() -> GopmEnvironment.processGroupMembers(leaver.pid()).isEmpty());
  }

  @Test
  void killingTheDaemonStopsEveryChildFirst() {
    List<Long> pids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pids.add((long) gopm.startApp("child" + i, List.of(), "--run-forever").pid());
    }
    long daemon = gopm.daemonPid();

    gopm.ok("kill");

    assertThat(pids).noneMatch(GopmEnvironment::alive);
    assertThat(GopmEnvironment.alive(daemon)).isFalse();
  }

  @Test
  void sigtermToTheDaemonStopsChildrenAndKeepsThemForTheNextStart() {
    ProcessInfo api = gopm.startApp("api", List.of(), "--run-forever");
    long daemon = gopm.daemonPid();

    ProcessHandle.of(daemon).orElseThrow().destroy();

    GopmEnvironment.await(Duration.ofSeconds(20)).until(() -> !GopmEnvironment.alive(daemon));
    assertThat(GopmEnvironment.alive(api.pid())).isFalse();
    assertThat(gopm.daemonLog()).contains("msg=\"received shutdown signal\" signal=SIGTERM").contains("msg=\"daemon stopped\"");
    gopm.ok("list");
    ProcessInfo back = gopm.awaitProcess("api", WAIT, ProcessInfo::online);
    assertThat(back.id()).isEqualTo(api.id());
  }
}
