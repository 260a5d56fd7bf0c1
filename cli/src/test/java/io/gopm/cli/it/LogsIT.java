package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 4: delete, describe, logs (tail, follow, all, daemon) and flush. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void deleteStopsAndRemovesButKeepsTheLogFiles() {
    ProcessInfo api = gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("idle", List.of(), "--run-forever");
    gopm.ok("stop", "idle");

    assertThat(gopm.ok("delete", "api")).isEqualTo("Process api deleted\n");
    assertThat(gopm.ok("del", "idle")).isEqualTo("Process idle deleted\n");

    assertThat(gopm.list()).isEmpty();
    assertThat(GopmEnvironment.alive(api.pid())).isFalse();
    assertThat(gopm.logFile("api", "out")).exists();
    assertThat(gopm.daemonLog()).contains("msg=\"process deleted\" name=api");
  }

  @Test
  void deleteAllEmptiesTheList() {
    gopm.startApp("a", List.of(), "--run-forever");
    gopm.startApp("b", List.of(), "--run-forever");

    gopm.ok("delete", "all");

    assertThat(gopm.list()).isEmpty();
    assertThat(gopm.run("delete", "all").stderr()).contains("process \"all\" not found");
  }

  @Test
  void describeShowsWhatAStoppedOrErroredProcessLeftBehind() {
    gopm.startApp("bad", List.of("--autorestart", "on-failure", "--max-restarts", "1", "--restart-delay", "100ms"),
        "--crash-after", "100ms", "--exit-code", "3");
    gopm.awaitProcess("bad", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    String table = gopm.ok("describe", "bad");

    assertThat(table).contains("│ Status         │ errored").contains("│ Status Reason  │ max restarts reached (exit code 3)")
        .contains("│ PID            │ -").contains("│ Last Exit Code │ 3").contains("│ Restarts       │ 1")
        .contains("│ Memory         │ -").contains("│ Max Restarts   │ 1").contains("│ Kill Signal    │ SIGTERM");
  }

  @Test
  void describeListsTheEnvironmentSortedByName() {
    gopm.ok("start", gopm.testapp.toString(), "--name", "envy", "--env", "ZED=1", "--env", "ALPHA=2", "--", "--run-forever");

    String table = gopm.ok("describe", "envy");

    assertThat(table).contains("│ Env            │ ALPHA=2").contains("│                │ ZED=1");
    assertThat(table.indexOf("ALPHA=2")).isLessThan(table.indexOf("ZED=1"));
  }

  @Test
  void logsShowTheLastLinesOfStdoutAndStderr() {
    gopm.startApp("talk", List.of(), "--run-forever", "--stdout-every", "50ms", "--stdout-msg", "HEARTBEAT_OK",
        "--stderr-every", "50ms", "--stderr-msg", "ERR_LINE");
    gopm.awaitFileContains(gopm.logFile("talk", "out"), "HEARTBEAT_OK", WAIT);
    GopmEnvironment.await(WAIT).until(() -> GopmEnvironment.read(gopm.logFile("talk", "out")).split("HEARTBEAT_OK").length > 8);

    String out = gopm.ok("logs", "talk", "-n", "5");
    assertThat(out.split("\n")).hasSize(5).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(Z|[+-]\\d\\d:\\d\\d) HEARTBEAT_OK"));

    // the default is the last 20 lines: wait until stderr has more than that
    GopmEnvironment.await(WAIT).until(() -> GopmEnvironment.read(gopm.logFile("talk", "err")).split("ERR_LINE").length > 21);
    String err = gopm.ok("logs", "talk", "--err");
    assertThat(err).contains("ERR_LINE").doesNotContain("HEARTBEAT_OK");
    assertThat(err.split("\n")).hasSize(20);
  }

  @Test
  void logsWithoutTargetPickTheOnlyProcess() {
    assertThat(gopm.run("logs").stderr()).contains("no processes managed — specify a target");
    gopm.startApp("solo", List.of(), "--run-forever");
    gopm.awaitFileContains(gopm.logFile("solo", "out"), "testapp ready", WAIT);

    assertThat(gopm.ok("logs")).contains("testapp ready");

    gopm.startApp("duo", List.of(), "--run-forever");
    assertThat(gopm.run("logs").stderr()).contains("multiple processes managed — specify a target");
  }

  @Test
  void logsAllShowsABlockPerProcessInIdOrder() {
    gopm.startApp("one", List.of(), "--run-forever", "--stdout-msg", "from-one", "--stdout-every", "100ms");
    gopm.startApp("two", List.of(), "--run-forever", "--stdout-msg", "from-two", "--stdout-every", "100ms");
    gopm.awaitFileContains(gopm.logFile("two", "out"), "from-two", WAIT);
    gopm.awaitFileContains(gopm.logFile("one", "out"), "from-one", WAIT);

    String all = gopm.ok("logs", "all", "-n", "2");

    assertThat(all).startsWith("==> one <==\n").contains("\n\n==> two <==\n");
    JsonNode json = gopm.tree(gopm.ok("logs", "all", "--json"));
    assertThat(json.get("log_paths").get("one").asText()).isEqualTo(gopm.logFile("one", "out").toString());
    assertThat(json.get("log_path").asText()).isEmpty();
  }

  @Test
  void logsFollowPrintsNewLinesUntilInterrupted() throws Exception {
    gopm.startApp("live", List.of(), "--run-forever");
    gopm.awaitFileContains(gopm.logFile("live", "out"), "testapp ready", WAIT);
    Process follow = gopm.startCli(gopm.workDir, "logs", "live", "-f", "-n", "1");
    LineWatcher lines = new LineWatcher(follow.getInputStream());
    lines.await(line -> line.contains("testapp ready"), WAIT);

    gopm.ok("restart", "live");

    lines.await(line -> line.contains("testapp ready") , WAIT);
    ProcessHandle.of(follow.pid()).orElseThrow().destroy(); // SIGTERM, like Ctrl+C
    assertThat(follow.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(follow.exitValue()).isZero();
    assertThat(gopm.ok("ping")).as("the daemon survives a follower that leaves").contains("running");
  }

  @Test
  void logsFollowAllPrefixesTheProcessName() throws Exception {
    gopm.startApp("alpha", List.of(), "--run-forever");
    Process follow = gopm.startCli(gopm.workDir, "logs", "all", "-f", "--err");
    LineWatcher lines = new LineWatcher(follow.getInputStream());

    gopm.startApp("beta", List.of(), "--run-forever");
    gopm.ok("stop", "alpha");

    String line = lines.await(l -> l.contains("[gopm] process stopped"), WAIT);
    assertThat(line).startsWith("alpha           2");
    follow.destroy();
    follow.waitFor(20, TimeUnit.SECONDS);
  }

  @Test
  void flushEmptiesTheCurrentLogs() throws Exception {
    gopm.startApp("noisy", List.of(), "--run-forever", "--stdout-every", "20ms");
    gopm.startApp("other", List.of(), "--run-forever", "--stdout-every", "20ms");
    gopm.awaitFileContains(gopm.logFile("noisy", "out"), "stdout heartbeat", WAIT);
    gopm.ok("stop", "all");
    long before = Files.size(gopm.logFile("noisy", "out"));

    assertThat(gopm.ok("flush", "noisy")).isEqualTo("Logs flushed for noisy\n");

    assertThat(Files.size(gopm.logFile("noisy", "out"))).isZero().isLessThan(before);
    assertThat(Files.size(gopm.logFile("other", "out"))).isPositive();
    gopm.ok("flush", "all");
    assertThat(Files.size(gopm.logFile("other", "out"))).isZero();
    assertThat(Files.size(gopm.logFile("other", "err"))).isZero();
  }

  @Test
  void daemonLogIsReadWithoutADaemon() {
    CliResult missing = gopm.run("logs", "-d");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("daemon.log not found — daemon has not started yet");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();

    gopm.ok("ping");
    gopm.ok("kill");

    String log = gopm.ok("logs", "-d", "-n", "0");
    assertThat(log).contains("msg=\"GoPM starting\"").contains("msg=\"daemon stopped\"");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }
}
