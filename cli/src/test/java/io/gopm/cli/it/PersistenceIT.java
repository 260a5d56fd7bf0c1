package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 8: dump.json after every change; everything online comes back after a daemon restart. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PersistenceIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void afterKillTheNextCommandBringsBackEveryOnlineAppOnceWithItsIdAndANewPid() {
    ProcessInfo a = gopm.startApp("a", List.of("--env", "K=V", "--max-restarts", "7", "--kill-timeout", "3s"), "--run-forever");
    gopm.startApp("b", List.of(), "--run-forever");
    ProcessInfo c = gopm.startApp("c", List.of(), "--run-forever");
    gopm.ok("delete", "b");
    gopm.startApp("d", List.of(), "--run-forever");
    gopm.ok("stop", "d");

    gopm.ok("kill");
    String list = gopm.ok("list", "--json");

    List<ProcessInfo> back = List.of(gopm.parse(list, ProcessInfo[].class));
    assertThat(back).extracting(ProcessInfo::name).containsExactly("a", "c", "d");
    assertThat(back).extracting(ProcessInfo::id).containsExactly(0, 2, 3);
    ProcessInfo a2 = gopm.awaitProcess("a", WAIT, ProcessInfo::online);
    assertThat(a2.pid()).isNotEqualTo(a.pid());
    assertThat(a2.env()).containsEntry("K", "V");
    assertThat(a2.restartPolicy().maxRestarts()).isEqualTo(7);
    assertThat(a2.restartPolicy().killTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(gopm.awaitProcess("c", WAIT, ProcessInfo::online).pid()).isNotEqualTo(c.pid());
    assertThat(gopm.process("d").status()).isEqualTo(ProcessStatus.STOPPED);
    assertThat(onlineProcessesNamed("testapp")).as("exactly one instance of a and of c").isEqualTo(2);

    assertThat(gopm.ok("resurrect")).isEqualTo("Resurrected 0 processes\n");
    assertThat(gopm.list()).hasSize(3);
    ProcessInfo next = gopm.startApp("e", List.of(), "--run-forever");
    assertThat(next.id()).isEqualTo(4);
  }

  private long onlineProcessesNamed(String name) {
    long daemon = gopm.daemonPid();
    return ProcessHandle.of(daemon).orElseThrow().children()
        .filter(h -> h.info().commandLine().orElse("").contains("io.gopm.testapp.TestApp"))
        .count();
  }

  @Test
  void dumpFileIsPrivateValidJsonWrittenAfterEveryChange() throws Exception {
    Path dump = gopm.home.resolve("dump.json");
    gopm.startApp("api", List.of("--env", "SECRET=s3cr3t"), "--run-forever");

    GopmEnvironment.await(WAIT).until(() -> GopmEnvironment.read(dump).contains("\"api\""));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
    JsonNode saved = gopm.tree(Files.readString(dump));
    assertThat(saved.isArray()).isTrue();
    assertThat(saved.get(0).get("status").asText()).isEqualTo("online");
    assertThat(saved.get(0).get("restart_policy").get("min_uptime").asText()).isEqualTo("5s");

    gopm.ok("stop", "api");
    GopmEnvironment.await(WAIT).until(() -> gopm.tree(GopmEnvironment.read(dump)).get(0).get("status").asText().equals("stopped"));
    try (Stream<Path> files = Files.list(gopm.home)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void resurrectWithoutADumpAddsNothing() {
    assertThat(gopm.ok("resurrect")).isEqualTo("Resurrected 0 processes\n");
    assertThat(gopm.ok("resurrect", "--json").strip()).isEqualTo("[]");
  }

  @Test
  void aCorruptDumpIsMovedAsideAndTheDaemonStartsAnyway() throws Exception {
    Files.writeString(gopm.home.resolve("dump.json"), "[{\"id\": 0, \"name\": ");

    assertThat(gopm.ok("list")).isEqualTo("No processes running\n");

    try (Stream<Path> files = Files.list(gopm.home)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("dump.json.corrupt-"));
    }
    assertThat(gopm.daemonLog()).contains("failed to resurrect processes on startup").contains("invalid dump file");
  }

  @Test
  void resurrectRequestReportsACorruptDump() throws Exception {
    gopm.ok("ping");
    Files.writeString(gopm.home.resolve("dump.json"), "{not json");

    CliResult result = gopm.run("resurrect");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("Error: invalid dump file: line 1");
    assertThat(gopm.ok("ping")).contains("running");
  }

  @Test
  void anErroredProcessStaysErroredAcrossARestartOfTheDaemon() {
    gopm.startApp("bad", List.of("--autorestart", "on-failure", "--max-restarts", "1", "--restart-delay", "100ms"),
        "--crash-after", "100ms", "--exit-code", "5");
    gopm.awaitProcess("bad", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    gopm.ok("kill");
    gopm.ok("ping");

    ProcessInfo bad = gopm.process("bad");
    assertThat(bad.status()).isEqualTo(ProcessStatus.ERRORED);
    assertThat(bad.exitCode()).isEqualTo(5);
    assertThat(bad.restarts()).isEqualTo(1);
    assertThat(bad.statusReason()).isEqualTo("max restarts reached (exit code 5)");
  }
}
