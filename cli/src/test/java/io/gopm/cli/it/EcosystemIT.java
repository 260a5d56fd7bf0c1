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
import java.util.stream.IntStream;
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

  /** Apps named {@code e0}, {@code e1}... each a {@code sleep}; {@code taken} names one whose command cannot run. */
  private Path sleepers(int count, int taken) throws Exception {
    StringBuilder apps = new StringBuilder();
    for (int i = 0; i < count; i++) {
      apps.append(i == 0 ? "" : ",").append("{\"name\":\"e").append(i).append("\",\"command\":\"")
          .append(i == taken ? "/nonexistent/gopm-app" : "sleep").append("\",\"args\":[\"100000\"]}");
    }
    return ecosystem("{\"apps\":[" + apps + "]}");
  }

  @Test
  void aLargeFileStartsEveryAppInTheFileOrderAndDumpJsonHoldsThemWhenTheCommandReturns() throws Exception {
    int apps = 103; // more than two start_apps calls' worth
    Path file = sleepers(apps, -1);

    String out = gopm.ok("start", file.toString());

    // read at once, not polled: an answered start is on disk (docs/reliability.md)
    JsonNode saved = gopm.tree(GopmEnvironment.read(gopm.home.resolve("dump.json")));
    assertThat(saved).as("every answered start is in dump.json").hasSize(apps);
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(apps);
    for (int i = 0; i < apps; i++) {
      assertThat(lines.get(i)).matches("Process e" + i + " started \\(PID: [1-9][0-9]*\\)");
      assertThat(saved.get(i).get("name").asText()).isEqualTo("e" + i);
      assertThat(saved.get(i).get("status").asText()).isEqualTo("online");
    }
    List<ProcessInfo> listed = gopm.list();
    assertThat(listed).extracting(ProcessInfo::name).containsExactlyElementsOf(
        IntStream.range(0, apps).mapToObj(i -> "e" + i).toList());
    assertThat(listed).allMatch(ProcessInfo::online, "online");
  }

  @Test
  void aFailureAfterTheFirstCallStopsTheRestAndPrintsThoseStartedBeforeIt() throws Exception {
    Path file = sleepers(60, 55);

    CliResult result = gopm.run("--json", "start", file.toString());

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines).hasSize(56);
    for (int i = 0; i < 55; i++) {
      assertThat(gopm.tree(lines.get(i)).get("name").asText()).isEqualTo("e" + i);
    }
    assertThat(gopm.tree(lines.get(55)).get("error").asText())
        .startsWith("failed to start \"e55\": ").contains("/nonexistent/gopm-app");
    JsonNode saved = gopm.tree(GopmEnvironment.read(gopm.home.resolve("dump.json")));
    assertThat(saved).as("the 55 answered starts are on disk").hasSize(55);
    assertThat(gopm.list()).extracting(ProcessInfo::name).hasSize(55).doesNotContain("e55", "e56", "e59");
  }

  @Test
  void processFlagsDoNotApplyToAnEcosystemFile() throws Exception {
    Path file = ecosystem("{\"apps\":[{\"name\":\"a\",\"command\":\"TESTAPP\"}]}");

    CliResult result = gopm.run("start", file.toString(), "--name", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("do not apply to an ecosystem file");
  }
}
