package io.gopm.cli.system.pm2;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.StartRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** From PM2 entries to GoPM start requests. */
@Timeout(10)
class Pm2MigrationTest {

  private final JsonCodec codec = new JsonCodec();
  @TempDir Path temp;

  private Path executable(String dir, String name) throws IOException {
    Path file = Files.createDirectories(temp.resolve(dir)).resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private Pm2Process process(String name, String pm2Env) throws IOException {
    return Pm2Process.fromJlistEntry(codec.readTree("{\"name\":\"" + name + "\",\"pm_id\":0,\"pid\":1,\"pm2_env\":" + pm2Env + "}"));
  }

  private List<Pm2Migration> fixturePlan(String cliPath) throws IOException {
    return Pm2Migration.plan(Pm2Process.parseList(Pm2ProcessTest.fixture(), codec), cliPath);
  }

  @Test
  void mapsEverySettingOfAnEcosystemApp() throws IOException {
    Pm2Migration envapp = fixturePlan("/usr/bin:/bin").get(3);

    StartRequest request = envapp.request();
    assertThat(request.command()).isEqualTo("/srv/app/server.js");
    assertThat(request.name()).isEqualTo("envapp");
    assertThat(request.args()).containsExactly("--a", "b");
    assertThat(request.cwd()).isEqualTo("/srv/app");
    assertThat(request.env()).containsOnlyKeys("DEBUG", "GREETING", "HOME", "PATH", "PORT");
    assertThat(request.autorestart()).isEqualTo("never");
    assertThat(request.maxRestarts()).isEqualTo(5);
    assertThat(request.minUptime()).isEqualTo("1000ms");
    assertThat(request.restartDelay()).isEqualTo("250ms");
    assertThat(request.killTimeout()).isEqualTo("1600ms");
    assertThat(request.expBackoff()).isNull();
    assertThat(request.maxDelay()).isNull();
    assertThat(request.logOut()).isNull();
    assertThat(request.maxLogSize()).isNull();
    assertThat(envapp.skipReason()).isNull();
    assertThat(envapp.warnings()).isEmpty();
    request.validate();
  }

  @Test
  void leavesUnsetSettingsToGopmDefaults() throws IOException {
    StartRequest request = Pm2Migration.request(process("bare", "{\"pm_exec_path\":\"/bin/true\"}"), "/usr/bin");

    assertThat(request.command()).isEqualTo("/bin/true");
    assertThat(request.args()).isEmpty();
    assertThat(request.cwd()).isNull();
    assertThat(request.env()).isEmpty();
    assertThat(request.interpreter()).isNull();
    assertThat(request.autorestart()).isNull();
    assertThat(request.maxRestarts()).isNull();
    assertThat(request.minUptime()).isNull();
    assertThat(request.restartDelay()).isNull();
    assertThat(request.killTimeout()).isNull();
    assertThat(request.restartPolicy()).isEqualTo(io.gopm.protocol.model.RestartPolicy.DEFAULTS);
  }

  @Test
  void mapsAutorestartTrueToAlways() throws IOException {
    assertThat(fixturePlan("/usr/bin").get(0).request().autorestart()).isEqualTo("always");
  }

  @Test
  void dropsInterpreterNoneAndOneThatIsTheCommandItself() throws IOException {
    executable("bin", "node");
    String path = temp.resolve("bin").toString();

    assertThat(Pm2Migration.request(process("nap", "{\"pm_exec_path\":\"/bin/sleep\",\"exec_interpreter\":\"none\"}"), path).interpreter()).isNull();
    assertThat(Pm2Migration.request(process("n", "{\"pm_exec_path\":\"/usr/bin/node\",\"exec_interpreter\":\"node\"}"), path).interpreter()).isNull();
    assertThat(Pm2Migration.request(process("n", "{\"pm_exec_path\":\"/a.js\",\"exec_interpreter\":\"\"}"), path).interpreter()).isNull();
  }

  @Test
  void keepsAnInterpreterNameTheAppsPathHas() throws IOException {
    executable("app-bin", "node");
    executable("cli-bin", "node");
    String env = "{\"pm_exec_path\":\"/srv/a.js\",\"exec_interpreter\":\"node\",\"env\":{\"PATH\":\"" + temp.resolve("app-bin") + "\"}}";

    assertThat(Pm2Migration.request(process("a", env), temp.resolve("cli-bin").toString()).interpreter()).isEqualTo("node");
  }

  @Test
  void takesTheCliPathsInterpreterWhenTheAppsPathLacksIt() throws IOException {
    Files.createDirectories(temp.resolve("empty"));
    Path node = executable("cli-bin", "node");
    String env = "{\"pm_exec_path\":\"/srv/a.js\",\"exec_interpreter\":\"node\",\"env\":{\"PATH\":\"" + temp.resolve("empty") + "\"}}";

    assertThat(Pm2Migration.request(process("a", env), temp.resolve("cli-bin").toString()).interpreter()).isEqualTo(node.toString());
  }

  @Test
  void fallsBackFromPythonToPython3() throws IOException {
    executable("bin", "python3");
    String path = temp.resolve("bin").toString();
    String python = "{\"pm_exec_path\":\"/srv/w.py\",\"exec_interpreter\":\"python\"}";
    String python3 = "{\"pm_exec_path\":\"/srv/w.py\",\"exec_interpreter\":\"python3\"}";

    assertThat(Pm2Migration.request(process("w", python), path).interpreter()).isEqualTo("python3");
    assertThat(Pm2Migration.request(process("w", python3), path).interpreter()).isEqualTo("python3");
  }

  @Test
  void keepsAnInterpreterFoundNowhereAndAnAbsoluteOne() throws IOException {
    String path = Files.createDirectories(temp.resolve("empty")).toString();

    assertThat(Pm2Migration.request(process("r", "{\"pm_exec_path\":\"/a.rb\",\"exec_interpreter\":\"ruby\"}"), path).interpreter()).isEqualTo("ruby");
    assertThat(Pm2Migration.request(process("r", "{\"pm_exec_path\":\"/a.py\",\"exec_interpreter\":\"/opt/py/bin/python3\"}"), path).interpreter())
        .isEqualTo("/opt/py/bin/python3");
  }

  @Test
  void makesOneForkProcessOfTheInstancesOfAClusterWithAWarning() throws IOException {
    List<Pm2Migration> plan = fixturePlan("/usr/bin");

    assertThat(plan).extracting(Pm2Migration::name).containsExactly("api", "worker", "nap", "envapp", "clus");
    Pm2Migration clus = plan.get(4);
    assertThat(clus.entries()).isEqualTo(2);
    assertThat(clus.source().pmId()).isEqualTo(4);
    assertThat(clus.warnings()).containsExactly("cluster mode with 2 instance(s) — importing as single fork process");
    assertThat(plan.get(0).warnings()).isEmpty();

    Pm2Migration four = Pm2Migration.plan(List.of(process("c", "{\"exec_mode\":\"cluster_mode\",\"instances\":4}")), "").get(0);
    assertThat(four.warnings()).containsExactly("cluster mode with 4 instance(s) — importing as single fork process");
    List<Pm2Migration> twins = Pm2Migration.plan(List.of(process("f", "{\"exec_mode\":\"fork_mode\"}"), process("f", "{}")), "");
    assertThat(twins).hasSize(1);
    assertThat(twins.get(0).warnings()).containsExactly("2 PM2 processes share this name — importing as a single process");
  }

  @Test
  void marksNamesGopmRefusesToBeSkipped() throws IOException {
    for (String name : List.of("my app", "123", "all", ".hidden", "x".repeat(65), "")) {
      Pm2Migration migration = Pm2Migration.plan(List.of(process(name.replace("\"", ""), "{}")), "").get(0);
      assertThat(migration.skipReason()).as(name).startsWith("\"" + name + "\" is not a valid gopm process name: ")
          .doesNotContain("--name");
    }
    assertThat(Pm2Migration.plan(List.of(process("api-2.v1_x", "{}")), "").get(0).skipReason()).isNull();
  }

  @Test
  void selectsByNameInPm2OrderAndReportsUnknownNames() throws IOException {
    List<Pm2Process> processes = Pm2Process.parseList(Pm2ProcessTest.fixture(), codec);

    assertThat(Pm2Migration.select(processes, List.of("nap", "api", "ghost")))
        .extracting(Pm2Process::name).containsExactly("api", "nap");
    assertThat(Pm2Migration.select(processes, List.of())).hasSize(6);
    assertThat(Pm2Migration.select(processes, List.of("API"))).isEmpty();
    assertThat(Pm2Migration.unknownNames(processes, List.of("ghost", "api", "phantom"))).containsExactly("ghost", "phantom");
  }
}
