package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 6: ecosystem files start several apps, each with its own settings. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EcosystemIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Path ecosystem(String json) throws Exception {
    Path file = gopm.workDir.resolve("ecosystem.json");
    Files.writeString(file, json.replace("TESTAPP", gopm.testapp.toString()));
    return file;
  }

  @Test
  void startsEveryAppWithItsOwnEnvironmentAndPolicy() throws Exception {
    Path file =
        ecosystem(
            "{\"apps\":["
                + "{\"name\":\"web\",\"command\":\"TESTAPP\",\"args\":[\"--run-forever\",\"--print-env\",\"APP_ENV\"],"
                + "\"env\":{\"APP_ENV\":\"production\",\"PORT\":8080},\"kill_timeout\":\"2s\"},"
                + "{\"name\":\"worker\",\"command\":\"TESTAPP\",\"args\":[\"--run-forever\"],"
                + "\"autorestart\":\"on-failure\",\"max_restarts\":5,\"restart_delay\":\"1m30s\",\"exp_backoff\":true}"
                + "]}");

    String out = gopm.ok("start", file.toString());

    assertThat(out).contains("Process web started (PID: ").contains("Process worker started (PID: ");
    gopm.awaitFileContains(gopm.logFile("web", "out"), "APP_ENV=production", WAIT);
    ProcessInfo web = gopm.process("web");
    assertThat(web.env()).containsEntry("PORT", "8080");
    assertThat(web.restartPolicy().killTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(web.cwd()).as("cwd defaults to the file's directory").isEqualTo(gopm.workDir.toString());
    ProcessInfo worker = gopm.process("worker");
    assertThat(worker.restartPolicy().maxRestarts()).isEqualTo(5);
    assertThat(worker.restartPolicy().restartDelay()).isEqualTo(Duration.ofSeconds(90));
    assertThat(worker.restartPolicy().expBackoff()).isTrue();
    assertThat(gopm.tree(gopm.ok("describe", "worker", "--json")).get("restart_policy").get("restart_delay").asText())
        .isEqualTo("1m30s");
  }

  @Test
  void mixedAppsEachFollowTheirPolicy() throws Exception {
    Path file =
        ecosystem(
            "{\"apps\":["
                + "{\"name\":\"stable\",\"command\":\"TESTAPP\",\"args\":[\"--run-forever\"]},"
                + "{\"name\":\"oneshot\",\"command\":\"TESTAPP\",\"args\":[\"--exit-after\",\"500ms\"],\"autorestart\":\"never\"},"
                + "{\"name\":\"crashy\",\"command\":\"TESTAPP\",\"args\":[\"--crash-after\",\"300ms\",\"--exit-code\",\"1\"],"
                + "\"autorestart\":\"on-failure\",\"max_restarts\":2,\"restart_delay\":\"300ms\"}"
                + "]}");

    gopm.ok("start", file.toString());

    gopm.awaitProcess("oneshot", WAIT, p -> p.status() == ProcessStatus.STOPPED && p.pid() == 0);
    ProcessInfo crashy = gopm.awaitProcess("crashy", WAIT, p -> p.status() == ProcessStatus.ERRORED);
    assertThat(crashy.restarts()).isEqualTo(2);
    assertThat(gopm.process("stable").online()).isTrue();
  }

  @Test
  void aMalformedFileReportsLineAndColumnAndStartsNothing() throws Exception {
    Path file = ecosystem("{\n  \"apps\": [\n    {\"name\": \"a\", \"command\": \"TESTAPP\",}\n  ]\n}\n");

    CliResult result = gopm.run("start", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("Error: failed to load ecosystem config: invalid ecosystem JSON: line 3, column");
    assertThat(gopm.home.resolve("gopm.sock")).as("nothing was started, not even a daemon").doesNotExist();
  }

  @Test
  void anAppWithoutCommandOrNameIsRefused() throws Exception {
    Path file = ecosystem("{\"apps\":[{\"name\":\"missing-command\"},{\"command\":\"./something\"}]}");

    CliResult result = gopm.run("start", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("failed to load ecosystem config: app \"missing-command\" is missing a command");
  }

  @Test
  void duplicateNamesAndBadValuesAreRefusedBeforeAnythingStarts() throws Exception {
    Path duplicate = ecosystem(
        "{\"apps\":[{\"name\":\"a\",\"command\":\"TESTAPP\"},{\"name\":\"a\",\"command\":\"TESTAPP\"}]}");
    assertThat(gopm.run("start", duplicate.toString()).stderr()).contains("duplicate app name \"a\"");

    Path badDelay = ecosystem(
        "{\"apps\":[{\"name\":\"ok\",\"command\":\"TESTAPP\"},{\"name\":\"b\",\"command\":\"TESTAPP\",\"restart_delay\":\"5\"}]}");
    assertThat(gopm.run("start", badDelay.toString()).stderr())
        .contains("app \"b\": invalid restart_delay \"5\": time: missing unit in duration \"5\"");

    Path badType = ecosystem("{\"apps\":[{\"name\":\"c\",\"command\":\"TESTAPP\",\"max_restarts\":\"3\"}]}");
    assertThat(gopm.run("start", badType.toString()).stderr()).contains("max_restarts");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }

  @Test
  void theFirstFailingAppStopsTheRestButKeepsThoseStarted() throws Exception {
    gopm.startApp("taken", java.util.List.of(), "--run-forever");
    Path file = ecosystem(
        "{\"apps\":[{\"name\":\"first\",\"command\":\"TESTAPP\",\"args\":[\"--run-forever\"]},"
            + "{\"name\":\"taken\",\"command\":\"TESTAPP\"},{\"name\":\"third\",\"command\":\"TESTAPP\"}]}");

    CliResult result = gopm.run("start", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("failed to start \"taken\": process \"taken\" already exists");
    assertThat(gopm.find("first")).isPresent();
    assertThat(gopm.find("third")).isEmpty();
  }

  @Test
  void processFlagsDoNotApplyToAnEcosystemFile() throws Exception {
    Path file = ecosystem("{\"apps\":[{\"name\":\"a\",\"command\":\"TESTAPP\"}]}");

    CliResult result = gopm.run("start", file.toString(), "--name", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("do not apply to an ecosystem file");
  }
}
