package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Export and import: the round trip keeps every setting, duplicates are skipped. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ExportImportIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void exportDeleteImportRoundTripsEverySetting() throws Exception {
    Path customLog = gopm.workDir.resolve("custom-out.log");
    gopm.ok("start", gopm.testapp.toString(), "--name", "api", "--env", "APP_ENV=production",
        "--autorestart", "on-failure", "--max-restarts", "4", "--min-uptime", "1m30s", "--restart-delay", "500ms",
        "--exp-backoff", "--max-delay", "1h", "--kill-timeout", "7s", "--log-out", customLog.toString(),
        "--max-log-size", "2M", "--cwd", gopm.workDir.toString(), "--", "--run-forever", "--print-pid");
    Files.writeString(gopm.workDir.resolve("run.sh"), "exec sleep 600\n");
    gopm.ok("start", "run.sh", "--interpreter", "bash", "--name", "script");
    List<ProcessInfo> before = gopm.list();

    String exported = gopm.ok("export", "all");
    Path file = gopm.workDir.resolve("backup.json");
    Files.writeString(file, exported);
    gopm.ok("delete", "all");
    String imported = gopm.ok("import", file.toString());

    assertThat(imported).contains("OK   api (PID: ").contains("OK   script (PID: ").contains("Imported 2/2 processes");
    List<ProcessInfo> after = gopm.list();
    assertThat(after).hasSize(2);
    for (int i = 0; i < before.size(); i++) {
      ProcessInfo was = before.get(i);
      ProcessInfo is = after.get(i);
      assertThat(is.name()).isEqualTo(was.name());
      assertThat(is.command()).isEqualTo(was.command());
      assertThat(is.args()).isEqualTo(was.args());
      assertThat(is.cwd()).isEqualTo(was.cwd());
      assertThat(is.env()).isEqualTo(was.env());
      assertThat(is.interpreter()).isEqualTo(was.interpreter());
      assertThat(is.restartPolicy()).isEqualTo(was.restartPolicy());
      assertThat(is.logOut()).isEqualTo(was.logOut());
      assertThat(is.logErr()).isEqualTo(was.logErr());
      assertThat(is.maxLogSize()).isEqualTo(was.maxLogSize());
    }
  }

  @Test
  void defaultExportHasOnlyNonDefaultsAndFullHasEverything() {
    gopm.startApp("plain", List.of(), "--run-forever");
    gopm.startApp("tuned", List.of("--max-restarts", "3", "--restart-delay", "1m0s"), "--run-forever");

    JsonNode plain = gopm.tree(gopm.ok("export", "plain")).get("apps").get(0);
    assertThat(plain.fieldNames()).toIterable().containsExactly("name", "command", "args", "cwd");

    JsonNode tuned = gopm.tree(gopm.ok("export", "1")).get("apps").get(0);
    assertThat(tuned.get("max_restarts").asInt()).isEqualTo(3);
    assertThat(tuned.get("restart_delay").asText()).isEqualTo("1m0s");
    assertThat(tuned.has("min_uptime")).isFalse();

    JsonNode full = gopm.tree(gopm.ok("export", "--full", "plain")).get("apps").get(0);
    assertThat(full.fieldNames()).toIterable().containsExactly(
        "name", "command", "args", "cwd", "autorestart", "max_restarts", "min_uptime", "restart_delay",
        "exp_backoff", "max_delay", "kill_timeout", "log_out", "log_err", "max_log_size");
    assertThat(full.get("max_log_size").asText()).isEqualTo("1M");
    assertThat(full.get("exp_backoff").asBoolean()).isFalse();
  }

  @Test
  void exportSelectsByIdThenNameInArgumentOrder() {
    gopm.startApp("a", List.of(), "--run-forever");
    gopm.startApp("b", List.of(), "--run-forever");

    JsonNode apps = gopm.tree(gopm.ok("export", "b", "0", "b")).get("apps");

    assertThat(apps).hasSize(2);
    assertThat(apps.get(0).get("name").asText()).isEqualTo("b");
    assertThat(apps.get(1).get("name").asText()).isEqualTo("a");
    assertThat(gopm.run("export", "ghost").stderr()).contains("process \"ghost\" not found");
  }

  @Test
  void exportNewPrintsTheSampleConfigWithoutADaemon() {
    String sample = gopm.ok("export", "-n");

    assertThat(gopm.tree(sample).get("mcpserver").get("port").asInt()).isEqualTo(18999);
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }

  @Test
  void importSkipsWhatAlreadyRunsAndWarnsAboutBadFiles() throws Exception {
    gopm.startApp("api", List.of(), "--run-forever");
    Path good = gopm.workDir.resolve("apps.json");
    Files.writeString(good, "{\"apps\":["
        + "{\"name\":\"copy\",\"command\":\"" + gopm.testapp + "\",\"cwd\":\"" + gopm.workDir + "\",\"args\":[\"--run-forever\"]},"
        + "{\"name\":\"new\",\"command\":\"" + gopm.testapp + "\",\"cwd\":\"/tmp\",\"args\":[\"--run-forever\"]}]}");
    Path notJson = gopm.workDir.resolve("broken.json");
    Files.writeString(notJson, "this is not json");
    Path duplicate = gopm.workDir.resolve("dup.json");
    Files.writeString(duplicate, "{\"apps\":[{\"name\":\"x\",\"command\":\"/bin/true\"},{\"name\":\"x\",\"command\":\"/bin/true\"}]}");

    CliResult result = gopm.run("import", good.toString(), notJson.toString(), duplicate.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout())
        .contains("SKIP copy (matches existing \"api\": " + gopm.testapp + " in " + gopm.workDir + ")")
        .contains("OK   new (PID: ")
        .contains("WARN " + notJson + ": invalid ecosystem JSON: line 1")
        .contains("WARN " + duplicate + ": duplicate app name \"x\"")
        .contains("Imported 1/2 processes (1 skipped)");
    assertThat(gopm.list()).extracting(ProcessInfo::name).containsExactly("api", "new");
  }

  @Test
  void importWithNothingValidFails() throws Exception {
    Path notJson = gopm.workDir.resolve("broken.json");
    Files.writeString(notJson, "[");

    CliResult result = gopm.run("import", notJson.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("no valid apps found in any input file");
  }

  @Test
  void aRelativeCommandMatchesItsResolvedTwin() throws Exception {
    Files.copy(gopm.testapp, gopm.workDir.resolve("app"));
    gopm.ok("start", "./app", "--name", "first", "--", "--run-forever");
    Path file = gopm.workDir.resolve("eco.json");
    Files.writeString(file, "{\"apps\":[{\"name\":\"second\",\"command\":\"./app\",\"args\":[\"--run-forever\"]}]}");

    String out = gopm.ok("import", file.toString());

    assertThat(out).contains("SKIP second (matches existing \"first\"").contains("Imported 0/1 processes (1 skipped)");
  }
}
