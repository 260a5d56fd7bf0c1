package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's fault: at ~560 apps the daemon ran out of heap, exited and came back with a part of
 * them. These tests run hundreds of real children (each a {@code sleep}) and push the daemon to a
 * limit, checking that it stays up with its apps and that a start it cannot afford fails clearly.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ManyAppsIT {

  /**
   * With a quarter of the daemon's default heap (128 MB), this many apps weigh on it like 1,000
   * with the default; before the fix each app held ~200 KB of buffers and this ran out of heap.
   */
  private static final int APPS = 250;

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Path ecosystem(int count) throws IOException {
    StringBuilder apps = new StringBuilder();
    for (int i = 0; i < count; i++) {
      apps.append(i == 0 ? "" : ",")
          .append("{\"name\":\"a")
          .append(i)
          .append("\",\"command\":\"sleep\",\"args\":[\"100000\"]}");
    }
    return Files.writeString(gopm.workDir.resolve("many.json"), "{\"apps\":[" + apps + "]}");
  }

  private JsonNode listJson() {
    return gopm.tree(gopm.ok("list", "--json"));
  }

  private static List<String> namesNotOnline(JsonNode list) {
    List<String> names = new ArrayList<>();
    for (JsonNode process : list) {
      if (!process.get("status").asText().equals("online") || process.get("pid").asInt() <= 0) {
        names.add(process.get("name").asText());
      }
    }
    return names;
  }

  @Test
  void hundredsOfAppsStayOnlineInADaemonWithAQuarterOfItsHeap() throws Exception {
    gopm.env("GOPM_JAVA_OPTS", "-Xmx32m");
    gopm.ok("ping");
    long daemon = gopm.daemonPid();

    gopm.ok("start", ecosystem(APPS).toString());

    JsonNode list = listJson();
    assertThat(list).hasSize(APPS);
    assertThat(namesNotOnline(list)).isEmpty();
    assertThat(gopm.daemonPid()).as("the same daemon").isEqualTo(daemon);
    assertThat(GopmEnvironment.alive(daemon)).isTrue();
    for (JsonNode process : list) {
      assertThat(GopmEnvironment.alive(process.get("pid").asLong())).as(process.get("name").asText()).isTrue();
    }
    assertThat(gopm.daemonLog()).doesNotContain("OutOfMemoryError").doesNotContain("resurrected");
    // one thread watches every child (docs/adr/0024); the JDK's launcher would need 3 x APPS
    assertThat(gopm.daemonLog()).contains("launcher chosen").contains("launcher=epoll");
    assertThat(threadsOf(daemon)).as("daemon threads with %d apps", APPS).isLessThan(60);
  }

  private static int threadsOf(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring("Threads:".length()).trim());
      }
    }
    throw new IOException("no Threads line in /proc/" + pid + "/status");
  }

  @Test
  void aStartBeyondTheLimitOfOpenFilesFailsClearlyAndTheDaemonKeepsTheOthers() throws Exception {
    startDaemonWithOpenFilesLimit(160);
    long daemon = gopm.daemonPid();

    CliResult start = gopm.run("start", ecosystem(80).toString());

    assertThat(start.exitCode()).as(start.output()).isNotZero();
    assertThat(start.stderr()).contains("failed to start \"a").contains("limit of open files").contains("ulimit -n");
    assertThat(start.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode list = listJson();
    assertThat(list.size()).as("some apps started before the limit").isBetween(1, 79);
    assertThat(namesNotOnline(list)).isEmpty();
    assertThat(gopm.daemonPid()).isEqualTo(daemon);

    gopm.ok("delete", "a0");
    gopm.ok("delete", "a1");
    // the deleted children's pipes close when their pumps see the end, a moment after the answer;
    // a refused start changes nothing, so it is simply tried again until there is room
    GopmEnvironment.await(java.time.Duration.ofSeconds(30))
        .until(() -> gopm.run("start", "sleep", "--name", "after", "--", "100000").exitCode() == 0);
    assertThat(gopm.process("after").online()).as("room again after a delete").isTrue();
  }

  /** Starts the daemon (through the real CLI) with a low limit of open files. */
  private void startDaemonWithOpenFilesLimit(int limit) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("sh", "-c", "ulimit -n " + limit + " && exec \"$0\" ping", gopm.gopm.toString())
            .directory(gopm.workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(gopm.workDir.resolve("ping.out").toFile());
    builder.environment().put("GOPM_HOME", gopm.home.toString());
    Process ping = builder.start();
    assertThat(ping.waitFor(GopmEnvironment.CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(ping.exitValue()).as(GopmEnvironment.read(gopm.workDir.resolve("ping.out"))).isZero();
  }
}
