package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 3: restart policies, backoff, manual restarts, and cancelling pending restarts. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestartPolicyIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void aChildKilledFromOutsideIsNoticedAndRestarted() {
    ProcessInfo api = gopm.startApp("api", List.of("--restart-delay", "100ms"), "--run-forever");

    ProcessHandle.of(api.pid()).orElseThrow().destroyForcibly();

    ProcessInfo back = gopm.awaitProcess("api", WAIT, p -> p.online() && p.pid() != api.pid());
    assertThat(back.restarts()).isEqualTo(1);
    assertThat(GopmEnvironment.read(gopm.logFile("api", "err"))).contains("[gopm] process exited with code -1");
  }

  @Test
  void maxRestartsEndsErroredAfterExactlyThatMany() throws Exception {
    gopm.startApp("crashy", List.of("--autorestart", "on-failure", "--max-restarts", "3", "--restart-delay", "200ms"),
        "--crash-after", "300ms");

    ProcessInfo crashy = gopm.awaitProcess("crashy", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    assertThat(crashy.restarts()).isEqualTo(3);
    assertThat(crashy.exitCode()).isEqualTo(1);
    assertThat(crashy.statusReason()).isEqualTo("max restarts reached (exit code 1)");
    String err = Files.readString(gopm.logFile("crashy", "err"));
    assertThat(err).contains("[gopm] restarting (attempt 1/3, delay 200ms)")
        .contains("[gopm] restarting (attempt 3/3, delay 200ms)")
        .contains("[gopm] max restarts reached (exit code 1) — giving up after 3 restarts");
    assertThat(err.split("\\[gopm\\] process started")).hasSize(5);
  }

  @Test
  void onFailureRestartsNonZeroExitsOnly() {
    gopm.startApp("clean", List.of("--autorestart", "on-failure", "--restart-delay", "100ms"), "--exit-after", "200ms");
    gopm.startApp("failing", List.of("--autorestart", "on-failure", "--restart-delay", "100ms"),
        "--crash-after", "200ms", "--exit-code", "4");

    ProcessInfo clean = gopm.awaitProcess("clean", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.pid() == 0);
    assertThat(clean.statusReason()).isEqualTo("clean exit (autorestart=on-failure)");
    assertThat(clean.restarts()).isZero();
    gopm.awaitProcess("failing", WAIT, p -> p.restarts() >= 2);
  }

  @Test
  void neverLeavesTheProcessStopped() {
    gopm.startApp("once", List.of("--autorestart", "never"), "--crash-after", "100ms", "--exit-code", "9");

    ProcessInfo once = gopm.awaitProcess("once", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.exitCode() == 9);

    assertThat(once.statusReason()).isEqualTo("autorestart disabled");
    assertThat(once.restarts()).isZero();
  }

  @Test
  void aLongEnoughRunResetsTheCounter() {
    gopm.startApp("slow", List.of("--max-restarts", "1", "--min-uptime", "500ms", "--restart-delay", "100ms"),
        "--crash-after", "800ms");

    // with max 1 and no reset it would be errored after the second crash; each reset keeps it going
    gopm.awaitProcess("slow", WAIT, p -> GopmEnvironment.read(gopm.logFile("slow", "err"))
        .split("restarting \\(attempt 1/1").length > 3);

    assertThat(gopm.process("slow").status()).isNotEqualTo(ProcessStatus.ERRORED);
  }

  @Test
  void exponentialBackoffDoublesTheDelay() throws Exception {
    long started = System.nanoTime();
    gopm.startApp("backoff", List.of("--max-restarts", "4", "--restart-delay", "200ms", "--exp-backoff",
        "--max-delay", "10s"), "--crash-after", "50ms");

    gopm.awaitProcess("backoff", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    String err = Files.readString(gopm.logFile("backoff", "err"));
    assertThat(err).contains("delay 200ms)").contains("delay 400ms)").contains("delay 800ms)").contains("delay 1.6s)");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(3000));
  }

  @Test
  void backoffIsCappedByMaxDelay() throws Exception {
    gopm.startApp("capped", List.of("--max-restarts", "4", "--restart-delay", "100ms", "--exp-backoff",
        "--max-delay", "250ms"), "--crash-after", "50ms");

    gopm.awaitProcess("capped", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    String err = Files.readString(gopm.logFile("capped", "err"));
    assertThat(err).contains("attempt 2/4, delay 200ms)").contains("attempt 3/4, delay 250ms)")
        .contains("attempt 4/4, delay 250ms)");
  }

  @Test
  void manualRestartGivesANewPidAndResetsTheCounter() {
    gopm.startApp("flaky", List.of("--restart-delay", "100ms", "--max-restarts", "0"), "--crash-after", "400ms");
    gopm.awaitProcess("flaky", WAIT, p -> p.restarts() >= 1);
    gopm.ok("stop", "flaky");
    ProcessInfo before = gopm.process("flaky");

    String out = gopm.ok("restart", "flaky");

    assertThat(out).contains("│ Name").contains("flaky");
    ProcessInfo after = gopm.process("flaky");
    assertThat(after.online()).isTrue();
    assertThat(after.restarts()).isZero();
    assertThat(after.pid()).isNotEqualTo(before.pid());
  }

  @Test
  void restartAllRestartsEveryProcess() {
    ProcessInfo a = gopm.startApp("a", List.of(), "--run-forever");
    ProcessInfo b = gopm.startApp("b", List.of(), "--run-forever");

    CliResult result = gopm.run("restart", "all", "--json");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(gopm.tree(result.stdout()).isArray()).isTrue();
    assertThat(gopm.process("a").pid()).isNotEqualTo(a.pid());
    assertThat(gopm.process("b").pid()).isNotEqualTo(b.pid());
    assertThat(GopmEnvironment.alive(a.pid())).isFalse();
  }

  @Test
  void stopDuringTheRestartDelayCancelsTheRestart() {
    gopm.startApp("later", List.of("--restart-delay", "3s"), "--crash-after", "100ms");
    gopm.awaitProcess("later", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.exitCode() == 1);

    gopm.ok("stop", "later");

    ProcessInfo stopped = gopm.process("later");
    assertThat(stopped.statusReason()).isEqualTo("stopped by user");
    GopmEnvironment.await(Duration.ofSeconds(6)).during(Duration.ofSeconds(4))
        .until(() -> gopm.process("later").status() == ProcessStatus.STOPPED);
    assertThat(GopmEnvironment.read(gopm.logFile("later", "err")).split("process started")).hasSize(2);
  }

  @Test
  void deleteDuringTheRestartDelayCancelsTheRestart() {
    gopm.startApp("gone", List.of("--restart-delay", "2s"), "--crash-after", "100ms");
    gopm.awaitProcess("gone", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.exitCode() == 1);

    gopm.ok("delete", "gone");

    GopmEnvironment.await(Duration.ofSeconds(5)).during(Duration.ofSeconds(3))
        .until(() -> gopm.list().isEmpty());
    assertThat(GopmEnvironment.read(gopm.logFile("gone", "err")).split("process started")).hasSize(2);
  }

  @Test
  void aPanickingProcessIsRestarted() {
    gopm.startApp("panic", List.of("--restart-delay", "100ms"), "--panic-after", "200ms");

    ProcessInfo panic = gopm.awaitProcess("panic", WAIT, p -> p.restarts() >= 1);

    assertThat(GopmEnvironment.read(gopm.logFile("panic", "err"))).contains("intentional panic")
        .contains("process exited with code 2");
    assertThat(panic.status()).isIn(ProcessStatus.ONLINE, ProcessStatus.STOPPED);
  }
}
