package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gopm pm2} against a real PM2 (installed from npm into {@code tools/npm} by {@code
 * .ci/run}): apps are set up with the {@code pm2} command under a private {@code PM2_HOME}, migrated,
 * then checked under GoPM ({@code describe --json} and the program's own output) and in {@code pm2
 * jlist}. Without PM2 the tests are skipped, except under {@code CI=true}, where they fail.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Pm2IT {

  private static final Duration PM2_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration APP_OUTPUT = Duration.ofSeconds(30);

  private static final String SERVER_JS =
      "const greeting = process.env.GOPM_IT_GREETING || 'no-greeting';\n"
          + "console.log(`node app says ${greeting} port=${process.env.GOPM_IT_PORT || '-'} args=${process.argv.slice(2).join(' ')}`);\n"
          + "setInterval(() => {}, 60000);\n";

  private static final String WORKER_PY =
      "import sys, time\n"
          + "print('python worker ready args=' + ' '.join(sys.argv[1:]), flush=True)\n"
          + "while True:\n"
          + "    time.sleep(60)\n";

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Path pm2Home;
  private Path npmBin;
  private Path apps;

  @BeforeEach
  void createPm2HomeAndApps() throws IOException {
    pm2Home = Files.createTempDirectory(Path.of("/tmp"), "pm2-it-");
    apps = Files.createDirectories(gopm.workDir.resolve("apps"));
    Files.writeString(apps.resolve("server.js"), SERVER_JS);
    Files.writeString(apps.resolve("worker.py"), WORKER_PY);
  }

  /** {@code pm2 kill} for this test's PM2_HOME, and no PM2 daemon of it left running. */
  @AfterEach
  void killPm2() throws IOException {
    if (npmBin != null && Files.exists(pm2Home.resolve("pm2.pid"))) {
      pm2("kill");
    }
    for (ProcessHandle daemon : pm2Daemons()) {
      try {
        GopmEnvironment.await(Duration.ofSeconds(15)).until(() -> !GopmEnvironment.alive(daemon.pid()));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.err.println("[it] PM2 daemon " + daemon.pid() + " survived `pm2 kill`; killing it");
        daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        daemon.destroyForcibly();
      }
    }
    GopmEnvironment.deleteTree(pm2Home);
  }

  // ---- migrating each kind of app ----

  @Test
  void migratesANodeScriptAndRemovesItFromPm2() {
    usePm2();
    pm2ok("start", "server.js", "--name", "node-app", "--", "--port", "3000");

    String out = gopm.ok("pm2");

    assertThat(out)
        .startsWith("Using " + npmBin.resolve("pm2") + "\n\nFound 1 PM2 process(es)\n\n")
        .containsPattern("━━━ \\[1/1\\] node-app \\(pm2_id=0, PID=[1-9]\\d*, online\\) ━━━\n")
        .contains("\n  command:      " + apps.resolve("server.js") + "\n  interpreter:  node\n  cwd:          " + apps
            + "\n  args:         --port 3000\n  env:          ")
        .contains("\n  autorestart:  always\n")
        .containsPattern("  → Starting in gopm\\.\\.\\. OK \\(id=0, PID=[1-9]\\d*\\)\n  → Removing from PM2\\.\\.\\. OK\n")
        .endsWith("\nSummary: imported 1/1 processes\n");
    JsonNode describe = describe("node-app");
    assertThat(describe.get("status").asText()).isEqualTo("online");
    assertThat(describe.get("command").asText()).isEqualTo(apps.resolve("server.js").toString());
    assertThat(strings(describe.get("args"))).containsExactly("--port", "3000");
    assertThat(describe.get("cwd").asText()).isEqualTo(apps.toString());
    assertThat(describe.get("interpreter").asText()).isEqualTo("node");
    assertThat(describe.get("restart_policy").get("autorestart").asText()).isEqualTo("always");
    gopm.awaitFileContains(gopm.logFile("node-app", "out"), "node app says no-greeting port=- args=--port 3000", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  @Test
  void migratesAPythonScriptWithTheInterpreterPm2Chose() {
    usePm2();
    pm2ok("start", "worker.py", "--name", "py-app", "--", "--queue", "jobs");
    String pm2Interpreter = pm2List().get(0).path("pm2_env").path("exec_interpreter").asText();
    assertThat(pm2Interpreter).isIn("python", "python3");

    String out = gopm.ok("pm2", "py-app");

    assertThat(out).contains("  interpreter:  " + pm2Interpreter + "\n").contains("  args:         --queue jobs\n")
        .contains("Summary: imported 1/1 processes");
    JsonNode describe = describe("py-app");
    assertThat(describe.get("interpreter").asText()).isEqualTo(pm2Interpreter);
    assertThat(describe.get("command").asText()).isEqualTo(apps.resolve("worker.py").toString());
    assertThat(strings(describe.get("args"))).containsExactly("--queue", "jobs");
    gopm.awaitFileContains(gopm.logFile("py-app", "out"), "python worker ready args=--queue jobs", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  @Test
  void migratesABinaryWithItsArgumentsAndNoInterpreter() {
    usePm2();
    pm2ok("start", gopm.testapp.toString(), "--name", "bin-app", "--", "--print-args", "--run-forever", "two words");

    String out = gopm.ok("pm2");

    assertThat(out).contains("  command:      " + gopm.testapp + "\n").doesNotContain("interpreter:")
        .contains("  args:         --print-args --run-forever two words\n");
    JsonNode describe = describe("bin-app");
    assertThat(describe.get("command").asText()).isEqualTo(gopm.testapp.toString());
    assertThat(strings(describe.get("args"))).containsExactly("--print-args", "--run-forever", "two words");
    assertThat(describe.has("interpreter")).isFalse();
    gopm.awaitFileContains(gopm.logFile("bin-app", "out"), "ARG[2]=two words", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  @Test
  void migratesCustomEnvironmentAndRestartSettingsWithoutPm2sInternalVariables() throws IOException {
    usePm2();
    Files.writeString(apps.resolve("ecosystem.json"),
        "{\"apps\":[{\"name\":\"env-app\",\"script\":\"server.js\",\"args\":\"--mode test\","
            + "\"env\":{\"GOPM_IT_GREETING\":\"bonjour\",\"GOPM_IT_PORT\":4321,\"GOPM_IT_DEBUG\":true},"
            + "\"autorestart\":false,\"max_restarts\":5,\"min_uptime\":\"1000\",\"restart_delay\":250,\"kill_timeout\":1600}]}");
    pm2ok("start", "ecosystem.json");

    String out = gopm.ok("pm2", "env-app");

    String envLine = out.lines().filter(line -> line.startsWith("  env:")).findFirst().orElseThrow();
    assertThat(envLine).contains("GOPM_IT_DEBUG=true, ").contains("GOPM_IT_GREETING=bonjour, ").contains("GOPM_IT_PORT=4321")
        .doesNotContain("PM2_").doesNotContain("unique_id").doesNotContain("env-app=");
    assertThat(out).contains("  args:         --mode test\n  env:          ")
        .contains("\n  autorestart:  never\n  max_restarts: 5\n  min_uptime:   1000ms\n  restart_delay: 250ms\n  kill_timeout: 1600ms\n");
    JsonNode describe = describe("env-app");
    JsonNode env = describe.get("env");
    assertThat(env.get("GOPM_IT_GREETING").asText()).isEqualTo("bonjour");
    assertThat(env.get("GOPM_IT_PORT").asText()).isEqualTo("4321");
    assertThat(env.get("GOPM_IT_DEBUG").asText()).isEqualTo("true");
    assertThat(env.get("PATH").asText()).startsWith(npmBin.toString());
    List<String> keys = new ArrayList<>();
    env.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).noneMatch(key -> key.startsWith("PM2_") || key.startsWith("pm_"))
        .doesNotContain("unique_id", "env-app", "status", "name");
    JsonNode policy = describe.get("restart_policy");
    assertThat(policy.get("autorestart").asText()).isEqualTo("never");
    assertThat(policy.get("max_restarts").asInt()).isEqualTo(5);
    assertThat(policy.get("min_uptime").asText()).isEqualTo("1s");
    assertThat(policy.get("restart_delay").asText()).isEqualTo("250ms");
    assertThat(policy.get("kill_timeout").asText()).isEqualTo("1.6s");
    gopm.awaitFileContains(gopm.logFile("env-app", "out"), "node app says bonjour port=4321 args=--mode test", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  @Test
  void migratesAClusterModeAppAsOneForkProcessWithAWarning() {
    usePm2();
    pm2ok("start", "server.js", "--name", "clus", "-i", "2");
    assertThat(pm2Names()).containsExactly("clus", "clus");

    String out = gopm.ok("pm2");

    assertThat(out).contains("Found 1 PM2 process(es)").contains("━━━ [1/1] clus (pm2_id=0, ")
        .contains("\n  ! cluster mode with 2 instance(s) — importing as single fork process\n  → Starting in gopm... OK")
        .contains("Summary: imported 1/1 processes");
    assertThat(gopm.list()).extracting(p -> p.name()).containsExactly("clus");
    JsonNode describe = describe("clus");
    assertThat(describe.get("interpreter").asText()).isEqualTo("node");
    assertThat(describe.get("status").asText()).isEqualTo("online");
    gopm.awaitFileContains(gopm.logFile("clus", "out"), "node app says no-greeting", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  @Test
  void startsAnAppThatIsStoppedInPm2() {
    usePm2();
    pm2ok("start", gopm.testapp.toString(), "--name", "resting", "--", "--run-forever", "--print-args");
    pm2ok("stop", "resting");
    assertThat(pm2List().get(0).path("pm2_env").path("status").asText()).isEqualTo("stopped");

    String out = gopm.ok("pm2");

    assertThat(out).contains("━━━ [1/1] resting (pm2_id=0, PID=0, stopped) ━━━").contains("Summary: imported 1/1 processes");
    assertThat(describe("resting").get("status").asText()).isEqualTo("online");
    gopm.awaitFileContains(gopm.logFile("resting", "out"), "testapp ready", APP_OUTPUT);
    assertThat(pm2Names()).isEmpty();
  }

  // ---- what is not migrated ----

  @Test
  void skipsAnAppWhoseNameGopmAlreadyHasAndLeavesItInPm2() {
    usePm2();
    gopm.startApp("api", List.of(), "--run-forever");
    pm2ok("start", "server.js", "--name", "api");
    pm2ok("start", "worker.py", "--name", "worker");
    pm2ok("start", "worker.py", "--name", "my worker");

    String out = gopm.ok("pm2");

    assertThat(out).contains("━━━ [1/3] api ")
        .contains("\n  → SKIP a process named \"api\" already exists in gopm (id 0); left in PM2\n")
        .contains("\n  → SKIP \"my worker\" is not a valid gopm process name: use only letters, digits, '.', '_' and '-'; left in PM2\n")
        .endsWith("\nSummary: imported 1/3 processes (2 skipped)\n");
    assertThat(describe("api").get("command").asText()).isEqualTo(gopm.testapp.toString());
    assertThat(gopm.list()).extracting(p -> p.name()).containsExactly("api", "worker");
    assertThat(pm2Names()).containsExactly("api", "my worker");
  }

  @Test
  void leavesAnAppThatFailsToStartInPm2() throws IOException {
    usePm2();
    Path copy = apps.resolve("vanishing");
    Files.copy(gopm.testapp, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    pm2ok("start", copy.toString(), "--name", "vanishing", "--", "--run-forever");
    Files.delete(copy);

    String out = gopm.ok("pm2");

    assertThat(out).contains("  → Starting in gopm... FAIL start process: " + copy + ": no such file or directory; left in PM2\n")
        .doesNotContain("Removing from PM2").endsWith("\nSummary: imported 0/1 processes\n");
    assertThat(gopm.find("vanishing")).isEmpty();
    assertThat(pm2Names()).containsExactly("vanishing");
  }

  // ---- --dry and selection ----

  @Test
  void dryRunPrintsTheStartParametersAndChangesNeitherManager() {
    usePm2();
    pm2ok("start", "server.js", "--name", "node-app", "--", "--port", "3000");
    pm2ok("start", gopm.testapp.toString(), "--name", "bin-app", "--", "--run-forever");
    String pm2Before = pm2Summary();

    String out = gopm.ok("pm2", "--dry");

    assertThat(out).startsWith("Using " + npmBin.resolve("pm2") + "\n\nFound 2 PM2 process(es)\n━━━ node-app\n{\n")
        .contains("}\n\n━━━ bin-app\n{\n").doesNotContain("Starting").doesNotContain("Summary");
    JsonNode nodeApp = gopm.tree(out.substring(out.indexOf("━━━ node-app\n") + 13, out.indexOf("\n\n━━━ bin-app")));
    assertThat(fieldNames(nodeApp)).containsExactly("command", "name", "args", "cwd", "env", "interpreter", "autorestart");
    assertThat(nodeApp.get("command").asText()).isEqualTo(apps.resolve("server.js").toString());
    assertThat(strings(nodeApp.get("args"))).containsExactly("--port", "3000");
    assertThat(nodeApp.get("interpreter").asText()).isEqualTo("node");
    JsonNode binApp = gopm.tree(out.substring(out.indexOf("━━━ bin-app\n") + 12));
    assertThat(binApp.has("interpreter")).isFalse();
    assertThat(binApp.get("command").asText()).isEqualTo(gopm.testapp.toString());
    assertThat(pm2Summary()).isEqualTo(pm2Before);
    assertThat(gopm.home.resolve("gopm.sock")).as("the daemon is not started").doesNotExist();

    gopm.startApp("other", List.of(), "--run-forever");
    String gopmBefore = gopmSummary();
    gopm.ok("pm2", "--dry", "node-app");
    assertThat(gopmSummary()).isEqualTo(gopmBefore);
    assertThat(pm2Summary()).isEqualTo(pm2Before);
  }

  @Test
  void migratesOnlyTheNamedAppsInPm2Order() {
    usePm2();
    pm2ok("start", gopm.testapp.toString(), "--name", "alpha", "--", "--run-forever");
    pm2ok("start", gopm.testapp.toString(), "--name", "beta", "--", "--run-forever");
    pm2ok("start", gopm.testapp.toString(), "--name", "gamma", "--", "--run-forever");

    String out = gopm.ok("pm2", "gamma", "alpha", "ghost");

    assertThat(out).contains("\n! no PM2 process named ghost (ignored)\nFound 2 PM2 process(es)\n");
    assertThat(out.indexOf("[1/2] alpha")).isPositive().isLessThan(out.indexOf("[2/2] gamma"));
    assertThat(out).doesNotContain("beta").endsWith("\nSummary: imported 2/2 processes\n");
    assertThat(gopm.list()).extracting(p -> p.name()).containsExactly("alpha", "gamma");
    assertThat(pm2Names()).containsExactly("beta");

    CliResult none = gopm.run("pm2", "ghost", "phantom");
    assertThat(none.exitCode()).as(none.output()).isEqualTo(1);
    assertThat(none.stderr()).isEqualTo("Error: no PM2 processes matched: ghost, phantom\n");
    assertThat(pm2Names()).containsExactly("beta");
  }

  @Test
  void saysSoWhenPm2HasNoProcesses() {
    usePm2();

    CliResult result = gopm.run("pm2");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).isEqualTo("Using " + npmBin.resolve("pm2") + "\n\nNo PM2 processes found.\n");
  }

  // ---- PM2 missing or broken (no real PM2 needed) ----

  @Test
  void failsWhenPm2IsNotInPath() {
    gopm.env("PATH", pathWithoutPm2());

    CliResult result = gopm.run("pm2");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stderr()).isEqualTo("Error: pm2 not found in PATH\n");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }

  @Test
  void failsWhenPm2DoesNotAnswer() throws IOException {
    Path fakeBin = Files.createDirectories(gopm.workDir.resolve("fake-bin"));
    Path fake = Files.writeString(fakeBin.resolve("pm2"),
        "#!/bin/sh\necho '[PM2][ERROR] Daemon not launched, connection refused' >&2\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    gopm.env("PATH", fakeBin + File.pathSeparator + pathWithoutPm2());

    CliResult result = gopm.run("pm2", "--dry");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stdout()).isEqualTo("Using " + fake + "\n\n");
    assertThat(result.stderr())
        .isEqualTo("Error: pm2 jlist failed: exit status 1: [PM2][ERROR] Daemon not launched, connection refused\n");
  }

  // ---- helpers ----

  /**
   * Puts the project's PM2 first on the PATH of the CLI (and so of the daemon it starts) with this
   * test's PM2_HOME; skips the test when PM2 is not installed, fails it under CI.
   */
  private void usePm2() {
    String property = System.getProperty("gopm.npm.bin", "");
    Path bin = property.isEmpty() ? null : Path.of(property);
    if (bin == null || !Files.isExecutable(bin.resolve("pm2"))) {
      String why = "pm2 is not installed in " + property + " (run `cd tools/npm && npm ci`, as .ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      assumeTrue(false, why);
    }
    npmBin = bin;
    gopm.env("PATH", npmBin + File.pathSeparator + System.getenv("PATH"));
    gopm.env("PM2_HOME", pm2Home.toString());
  }

  /** Runs {@code pm2 args...} in the apps directory with this test's PM2_HOME. */
  private CliResult pm2(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(npmBin.resolve("pm2").toString());
    argv.addAll(List.of(args));
    // files, not pipes: the PM2 daemon spawned by the first call would hold pipes open
    Path out = pm2Home.resolve("call.out");
    Path err = pm2Home.resolve("call.err");
    ProcessBuilder builder = new ProcessBuilder(argv).directory(apps.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PM2_HOME", pm2Home.toString());
    builder.environment().put("PATH", npmBin + File.pathSeparator + System.getenv("PATH"));
    builder.environment().remove("GOPM_HOME");
    try {
      Process process = builder.start();
      if (!process.waitFor(PM2_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("pm2 " + String.join(" ", args) + " did not finish in " + PM2_TIMEOUT);
      }
      return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void pm2ok(String... args) {
    CliResult result = pm2(args);
    assertThat(result.exitCode()).as("pm2 %s\n%s", String.join(" ", args), result.output()).isZero();
  }

  /** The entries of {@code pm2 jlist}. */
  private List<JsonNode> pm2List() {
    CliResult result = pm2("jlist");
    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> lines = result.stdout().lines().filter(line -> line.startsWith("[")).toList();
    assertThat(lines).as("pm2 jlist output:\n%s", result.stdout()).isNotEmpty();
    List<JsonNode> entries = new ArrayList<>();
    gopm.tree(lines.get(lines.size() - 1)).forEach(entries::add);
    return entries;
  }

  private List<String> pm2Names() {
    return pm2List().stream().map(entry -> entry.path("name").asText()).toList();
  }

  /** Name, PM2 id, PID and status of every PM2 process: what a dry run must not change. */
  private String pm2Summary() {
    return pm2List().stream()
        .map(e -> e.path("name").asText() + "/" + e.path("pm_id").asInt() + "/" + e.path("pid").asInt() + "/"
            + e.path("pm2_env").path("status").asText())
        .collect(Collectors.joining(", "));
  }

  /** ID, name, PID, status and restarts of every GoPM process. */
  private String gopmSummary() {
    return gopm.list().stream().map(p -> p.id() + "/" + p.name() + "/" + p.pid() + "/" + p.status() + "/" + p.restarts())
        .collect(Collectors.joining(", "));
  }

  private JsonNode describe(String name) {
    return gopm.tree(gopm.ok("describe", name, "--json"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** The test's PATH without any directory holding a {@code pm2} (java stays reachable). */
  private static String pathWithoutPm2() {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty() && !Files.exists(Path.of(dir, "pm2")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** PM2 daemons of this test's PM2_HOME: PM2 titles them {@code PM2 vX: God Daemon (<home>)}. */
  private List<ProcessHandle> pm2Daemons() {
    String title = "God Daemon (" + pm2Home + ")";
    return ProcessHandle.allProcesses()
        .filter(process -> GopmEnvironment.read(Path.of("/proc", Long.toString(process.pid()), "cmdline")).contains(title))
        .toList();
  }
}
