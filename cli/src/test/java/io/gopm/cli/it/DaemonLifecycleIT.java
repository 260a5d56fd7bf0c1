package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 1: the daemon starts itself, answers, refuses a twin, cleans up after itself. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonLifecycleIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void firstCommandStartsTheDaemonWithPrivateFiles() throws IOException {
    String out = gopm.ok("ping");

    assertThat(out).contains("gopm daemon running (PID: ").contains("version: 0.1.0");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gopm.home))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gopm.home.resolve("gopm.sock"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(gopm.home.resolve("daemon.pid"))).matches("\\d+");
    assertThat(GopmEnvironment.alive(gopm.daemonPid())).isTrue();
    assertThat(gopm.daemonLog()).contains("msg=\"daemon started\"");
  }

  @Test
  void pingJsonCarriesUptimeInSecondsAndMilliseconds() {
    JsonNode ping = gopm.tree(gopm.ok("ping", "--json"));

    assertThat(ping.get("pid").asLong()).isEqualTo(gopm.daemonPid());
    assertThat(ping.get("version").asText()).isEqualTo("0.1.0");
    assertThat(ping.has("uptime_seconds")).isTrue();
    assertThat(ping.has("uptime_ms")).isTrue();
    assertThat(ping.get("uptime").asText()).matches("\\d+[dhms].*");
  }

  @Test
  void globalJsonFlagWorksBeforeTheCommand() {
    JsonNode ping = gopm.tree(gopm.ok("--json", "ping"));

    assertThat(ping.get("pid").asLong()).isPositive();
  }

  @Test
  void killStopsTheDaemonAndRemovesSocketAndPidFile() {
    gopm.ok("ping");
    long pid = gopm.daemonPid();

    String out = gopm.ok("kill");

    assertThat(out).contains("gopm daemon stopped");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
    assertThat(gopm.home.resolve("daemon.pid")).doesNotExist();
    GopmEnvironment.await(Duration.ofSeconds(5)).until(() -> !GopmEnvironment.alive(pid));
    assertThat(gopm.daemonLog()).contains("msg=\"daemon stopped\"");
  }

  @Test
  void killWithoutDaemonFailsAndStartsNone() {
    CliResult result = gopm.run("kill");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("Error: gopm daemon is not running");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }

  @Test
  void staleSocketAndPidFileOfADeadDaemonAreReplaced() throws Exception {
    gopm.ok("ping");
    long pid = gopm.daemonPid();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    GopmEnvironment.await(Duration.ofSeconds(5)).until(() -> !GopmEnvironment.alive(pid));
    assertThat(gopm.home.resolve("gopm.sock")).exists();

    String out = gopm.ok("ping");

    assertThat(out).contains("running");
    assertThat(gopm.daemonPid()).isNotEqualTo(pid);
  }

  @Test
  void aCommandDuringTheDaemonsShutdownWaitsForItThenStartsTheNextOne() {
    gopm.startApp("stubborn", List.of("--kill-timeout", "3s"), "--run-forever", "--trap-sigterm");
    gopm.awaitFileContains(gopm.logFile("stubborn", "out"), "testapp ready", Duration.ofSeconds(20));
    long old = gopm.daemonPid();

    ProcessHandle.of(old).orElseThrow().destroy();
    GopmEnvironment.await(Duration.ofSeconds(5)).until(() -> !java.nio.file.Files.exists(gopm.home.resolve("gopm.sock")));
    CliResult list = gopm.run("list", "--json");

    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(gopm.daemonPid()).isNotEqualTo(old);
    assertThat(GopmEnvironment.alive(old)).isFalse();
    assertThat(gopm.awaitProcess("stubborn", Duration.ofSeconds(20), p -> p.online()).id()).isZero();
  }

  @Test
  void concurrentClientsAreAllServed() throws Exception {
    gopm.ok("ping");
    List<CompletableFuture<CliResult>> pings = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pings.add(CompletableFuture.supplyAsync(() -> gopm.run("ping")));
    }
    for (CompletableFuture<CliResult> ping : pings) {
      CliResult result = ping.get(90, TimeUnit.SECONDS);
      assertThat(result.exitCode()).as(result.output()).isZero();
    }
  }

  @Test
  void concurrentFirstCommandsStartExactlyOneDaemon() throws Exception {
    List<CompletableFuture<CliResult>> pings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pings.add(CompletableFuture.supplyAsync(() -> gopm.run("ping", "--json")));
    }
    List<Long> pids = new ArrayList<>();
    for (CompletableFuture<CliResult> ping : pings) {
      CliResult result = ping.get(90, TimeUnit.SECONDS);
      assertThat(result.exitCode()).as(result.output()).isZero();
      pids.add(gopm.tree(result.stdout()).get("pid").asLong());
    }
    assertThat(pids).containsOnly(gopm.daemonPid());
  }

  @Test
  void aSecondDaemonForTheSameHomeIsRefused() throws Exception {
    gopm.ok("ping");
    ProcessBuilder builder =
        new ProcessBuilder(gopm.gopm.toString(), "--daemon").redirectErrorStream(true);
    builder.environment().put("GOPM_HOME", gopm.home.toString());
    Process second = builder.start();

    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(3);
    assertThat(new String(second.getInputStream().readAllBytes())).contains("already running");
    assertThat(gopm.ok("ping")).contains("running");
  }

  @Test
  void noArgumentsShowsHelpWithoutProcessesAndTheListWithThem() {
    String help = gopm.ok();
    assertThat(help).contains("Usage:").contains("start").contains("isrunning");
    assertThat(gopm.home.resolve("gopm.sock")).as("plain gopm never starts a daemon").doesNotExist();

    gopm.startApp("api", List.of(), "--run-forever");

    assertThat(gopm.ok()).contains("│ api").contains("online");
  }

  @Test
  void versionFlagPrintsTheVersion() {
    assertThat(gopm.ok("--version")).isEqualTo("gopm version 0.1.0\n");
  }

  @Test
  void invalidConfigFileIsReportedBeforeADaemonIsStarted() throws IOException {
    Path config = gopm.home.resolve("gopm.config.json");
    Files.writeString(config, "{\"mcpserver\":{\"port\":99999}}");

    CliResult result = gopm.run("ping");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("mcpserver.port must be 1-65535 (got: 99999)");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();
  }

  @Test
  void missingConfigFlagFileIsAnError() {
    CliResult result = gopm.run("--config", "/nonexistent/gopm.json", "ping");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("config file not found: /nonexistent/gopm.json");
  }
}
