package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 2: start, stop, list, isrunning and their JSON forms. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartStopIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void startsAProcessThatAppearsOnlineInTheList() {
    CliResult result =
        gopm.run("start", gopm.testapp.toString(), "--name", "api", "--", "--run-forever");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).matches("Process api started \\(PID: \\d+\\)\\n");
    ProcessInfo api = gopm.process("api");
    assertThat(api.status()).isEqualTo(ProcessStatus.ONLINE);
    assertThat(api.pid()).isPositive();
    assertThat(GopmEnvironment.alive(api.pid())).isTrue();
    assertThat(gopm.ok("list")).contains("│ 0  │ api  │ online │ " + api.pid());
  }

  @Test
  void nameDefaultsToTheCommandsBaseName() {
    gopm.ok("start", gopm.testapp.toString(), "--", "--run-forever");

    assertThat(gopm.process("testapp").command()).isEqualTo(gopm.testapp.toString());
  }

  @Test
  void argumentsEnvironmentAndWorkingDirectoryReachTheChild() throws Exception {
    Path cwd = Files.createDirectories(gopm.workDir.resolve("app dir"));
    gopm.ok(
        "start", gopm.testapp.toString(), "--name", "echo", "--cwd", cwd.toString(),
        "--env", "APP_ENV=production", "--env", "DB_HOST=10.0.0.5", "--env", "EQ=a=b",
        "--", "--print-env", "APP_ENV", "--print-env", "EQ", "--print-cwd", "--print-args", "--run-forever",
        "with space", "quote\"d");

    Path out = gopm.logFile("echo", "out");
    gopm.awaitFileContains(out, "testapp ready", WAIT);
    String log = Files.readString(out);
    assertThat(log).contains("APP_ENV=production").contains("EQ=a=b").contains("CWD=" + cwd);
    assertThat(log).contains("with space").contains("quote\\\"d");
    ProcessInfo echo = gopm.process("echo");
    assertThat(echo.env()).containsEntry("DB_HOST", "10.0.0.5");
    assertThat(echo.cwd()).isEqualTo(cwd.toString());
  }

  @Test
  void relativeCwdIsTakenFromTheCurrentDirectory() throws Exception {
    Files.createDirectories(gopm.workDir.resolve("sub"));

    gopm.ok("start", gopm.testapp.toString(), "--name", "rel", "--cwd", "sub", "--", "--run-forever");

    assertThat(gopm.process("rel").cwd()).isEqualTo(gopm.workDir.resolve("sub").toString());
  }

  @Test
  void aScriptRunsWithItsInterpreterFoundNextToTheCwd() throws Exception {
    Files.writeString(gopm.workDir.resolve("hello.sh"), "echo \"hello from bash $BASH_VERSION\"\nexec sleep 600\n");

    gopm.ok("start", "hello.sh", "--interpreter", "bash", "--name", "script");

    gopm.awaitFileContains(gopm.logFile("script", "out"), "hello from bash", WAIT);
    ProcessInfo script = gopm.process("script");
    assertThat(script.interpreter()).isEqualTo("bash");
    assertThat(script.command()).isEqualTo(gopm.workDir.resolve("hello.sh").toString());
  }

  @Test
  void aDuplicateNameIsRefusedAndChangesNothing() {
    ProcessInfo first = gopm.startApp("api", List.of(), "--run-forever");

    CliResult second = gopm.run("start", gopm.testapp.toString(), "--name", "api", "--", "--run-forever");

    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.stderr()).isEqualTo("Error: process \"api\" already exists\n");
    assertThat(gopm.list()).hasSize(1);
    assertThat(gopm.process("api").pid()).isEqualTo(first.pid());
  }

  @Test
  void aMissingExecutableIsRefusedAndConsumesNothing() {
    CliResult result = gopm.run("start", "/opt/does/not/exist", "--name", "ghost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("start process: /opt/does/not/exist: no such file or directory");
    assertThat(gopm.list()).isEmpty();
    ProcessInfo next = gopm.startApp("real", List.of(), "--run-forever");
    assertThat(next.id()).isZero();
  }

  @Test
  void stopsByNameByIdAndAll() {
    gopm.startApp("a", List.of(), "--run-forever");
    gopm.startApp("b", List.of(), "--run-forever");
    gopm.startApp("c", List.of(), "--run-forever");

    assertThat(gopm.ok("stop", "a")).isEqualTo("Process a stopped\n");
    assertThat(gopm.process("a").status()).isEqualTo(ProcessStatus.STOPPED);
    assertThat(gopm.ok("stop", "1")).isEqualTo("Process 1 stopped\n");
    assertThat(gopm.process("b").status()).isEqualTo(ProcessStatus.STOPPED);
    gopm.ok("stop", "all");

    assertThat(gopm.list()).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(ProcessStatus.STOPPED);
      assertThat(p.statusReason()).isEqualTo("stopped by user");
      assertThat(p.pid()).isZero();
    });
  }

  @Test
  void stoppingAStoppedProcessSucceeds() {
    gopm.startApp("a", List.of(), "--run-forever");
    gopm.ok("stop", "a");

    assertThat(gopm.ok("stop", "a")).isEqualTo("Process a stopped\n");
  }

  @Test
  void unknownTargetsFailWithTheirName() {
    CliResult result = gopm.run("stop", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).isEqualTo("Error: process \"nope\" not found\n");
    CliResult json = gopm.run("stop", "nope", "--json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(gopm.tree(json.stdout()).get("error").asText()).isEqualTo("process \"nope\" not found");
  }

  @Test
  void emptyListSaysSo() {
    assertThat(gopm.ok("list")).isEqualTo("No processes running\n");
    assertThat(gopm.ok("ls", "--json").strip()).isEqualTo("[]");
  }

  @Test
  void idsGrowAndAreNeverReused() {
    gopm.startApp("a", List.of(), "--run-forever");
    gopm.startApp("b", List.of(), "--run-forever");
    gopm.startApp("c", List.of(), "--run-forever");
    gopm.ok("delete", "1");

    ProcessInfo d = gopm.startApp("d", List.of(), "--run-forever");

    assertThat(d.id()).isEqualTo(3);
    assertThat(gopm.list()).extracting(ProcessInfo::id).containsExactly(0, 2, 3);
  }

  @Test
  void isRunningAnswersWithItsExitCode() {
    ProcessInfo api = gopm.startApp("api", List.of(), "--run-forever");

    CliResult online = gopm.run("isrunning", "api");
    assertThat(online.exitCode()).isZero();
    assertThat(online.stdout()).startsWith("api: online (PID " + api.pid() + ", uptime ");
    assertThat(gopm.run("isrunning", "0").exitCode()).isZero();

    gopm.ok("stop", "api");
    CliResult stopped = gopm.run("isrunning", "api");
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.stdout()).isEqualTo("api: stopped (exit code 0, 0 restarts)\n");

    CliResult missing = gopm.run("isrunning", "ghost");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stdout()).isEqualTo("ghost: not found\n");
  }

  @Test
  void isRunningJson() {
    gopm.startApp("api", List.of(), "--run-forever");

    CliResult online = gopm.run("isrunning", "api", "--json");
    JsonNode json = gopm.tree(online.stdout());
    assertThat(online.exitCode()).isZero();
    assertThat(json.get("running").asBoolean()).isTrue();
    assertThat(json.get("status").asText()).isEqualTo("online");

    CliResult missing = gopm.run("isrunning", "ghost", "--json");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(gopm.tree(missing.stdout()).toString())
        .isEqualTo("{\"name\":\"ghost\",\"running\":false,\"status\":\"\",\"pid\":0}");
  }

  @Test
  void startAndDescribeJsonCarryTheWholeProcessObject() {
    CliResult started =
        gopm.run("start", gopm.testapp.toString(), "--name", "api", "--env", "FOO=bar", "--max-restarts", "3",
            "--json", "--", "--run-forever");
    JsonNode start = gopm.tree(started.stdout());
    assertThat(start.get("id").asInt()).isZero();
    assertThat(start.get("name").asText()).isEqualTo("api");
    assertThat(start.get("status").asText()).isEqualTo("online");

    JsonNode describe = gopm.tree(gopm.ok("describe", "api", "--json"));
    assertThat(describe.get("command").asText()).isEqualTo(gopm.testapp.toString());
    assertThat(describe.get("env").get("FOO").asText()).isEqualTo("bar");
    JsonNode policy = describe.get("restart_policy");
    assertThat(policy.get("autorestart").asText()).isEqualTo("always");
    assertThat(policy.get("max_restarts").asInt()).isEqualTo(3);
    assertThat(policy.get("min_uptime").asText()).isEqualTo("5s");
    assertThat(policy.get("restart_delay").asText()).isEqualTo("2s");
    assertThat(policy.get("kill_signal").asInt()).isEqualTo(15);
    assertThat(describe.has("interpreter")).isFalse();
    assertThat(describe.get("listeners").isArray()).isTrue();
    assertThat(describe.get("max_log_size").asLong()).isEqualTo(1048576);
  }

  @Test
  void listShowsEveryStatus() {
    gopm.startApp("up", List.of(), "--run-forever");
    gopm.startApp("down", List.of(), "--run-forever");
    gopm.ok("stop", "down");
    gopm.startApp("bad", List.of("--autorestart", "on-failure", "--max-restarts", "1", "--restart-delay", "100ms"),
        "--crash-after", "100ms", "--exit-code", "3");
    gopm.awaitProcess("bad", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    String table = gopm.ok("list");

    assertThat(table).contains("│ up   │ online").contains("│ down │ stopped")
        .contains("errored (max restarts reached (exit code 3))");
  }
}
