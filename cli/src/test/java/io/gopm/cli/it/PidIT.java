package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gopm pid}: deep /proc inspection of a managed testapp, of other processes, and errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PidIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LISTENING = Pattern.compile("LISTENING 127\\.0\\.0\\.1:(\\d+)");

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  /** A testapp under GoPM, listening on a port and holding a file open. */
  private record Inspected(ProcessInfo process, int port, Path heldFile) {}

  private Inspected startInspected() {
    Path held = gopm.workDir.resolve("held-open.txt");
    ProcessInfo app =
        gopm.startApp(
            "inspected",
            List.of("--env", "CUSTOM_VAR=hello"),
            "--run-forever", "--listen", "127.0.0.1:0", "--open-file", held.toString());
    Path out = gopm.logFile("inspected", "out");
    gopm.awaitFileContains(out, "LISTENING", WAIT);
    gopm.awaitFileContains(out, "testapp ready", WAIT); // the file is opened after the listener
    Matcher port = LISTENING.matcher(GopmEnvironment.read(out));
    assertThat(port.find()).as("a LISTENING line in %s", out).isTrue();
    return new Inspected(app, Integer.parseInt(port.group(1)), held);
  }

  @Test
  void showsEverySectionOfAManagedProcess() {
    Inspected app = startInspected();

    String text = gopm.ok("pid", Integer.toString(app.process().pid()));

    assertThat(text)
        .contains("Process Inspection — PID " + app.process().pid())
        .contains("+- Identity ")
        .contains("+- Resources ")
        .contains("+- Process Tree (child -> ancestor) ")
        .contains("+- File Descriptors ")
        .contains(app.heldFile().toString())
        .contains("+- Network Sockets ")
        .contains("| CUSTOM_VAR        hello\n")
        .contains("+- GoPM Info ")
        .contains("| Managed           yes\n")
        .contains("| GoPM Name         inspected\n")
        .contains("| GoPM ID           " + app.process().id() + "\n")
        .contains("| Stdout Log        " + gopm.logFile("inspected", "out") + "\n");
    assertThat(lines(text, "LISTEN")).anySatisfy(line -> assertThat(line).contains(":" + app.port() + " "));
    assertThat(text).contains("+- PID " + gopm.daemonPid() + " ");
    assertThat(text).containsPattern("\\+- PID 1 {6}");
  }

  @Test
  void jsonHasEveryPartAndTheGopmDetails() throws Exception {
    Inspected app = startInspected();

    JsonNode json = gopm.tree(gopm.ok("pid", Integer.toString(app.process().pid()), "--json"));

    assertThat(json.get("pid").asInt()).isEqualTo(app.process().pid());
    assertThat(json.get("identity").get("name").asText()).isEqualTo("java");
    assertThat(json.get("resources").get("vm_rss_bytes").asLong()).isPositive();
    JsonNode tree = json.get("tree");
    assertThat(tree.get(0).get("pid").asInt()).isEqualTo(app.process().pid());
    assertThat(tree.get(1).get("pid").asLong()).isEqualTo(gopm.daemonPid());
    assertThat(tree.get(1).get("cmdline").asText()).contains("--daemon");
    assertThat(tree.get(tree.size() - 1).get("pid").asInt()).isEqualTo(1);
    assertThat(json.get("fds").findValuesAsText("target")).contains(app.heldFile().toString());
    assertThat(json.get("sockets"))
        .anySatisfy(
            socket -> {
              assertThat(socket.get("local").asText()).endsWith(":" + app.port());
              assertThat(socket.get("state").asText()).isEqualTo("LISTEN");
              assertThat(socket.get("fd").isInt()).isTrue();
            });
    assertThat(json.get("env").get("CUSTOM_VAR").asText()).isEqualTo("hello");
    JsonNode info = json.get("gopm");
    assertThat(info.get("managed").asBoolean()).isTrue();
    assertThat(info.get("daemon_up").asBoolean()).isTrue();
    assertThat(info.get("name").asText()).isEqualTo("inspected");
    assertThat(info.get("id").asInt()).isEqualTo(app.process().id());
  }

  @Test
  void sectionFlagsShowOnlyTheirSections() {
    Inspected app = startInspected();
    String pid = Integer.toString(app.process().pid());

    String tree = gopm.ok("pid", pid, "--tree");
    String fds = gopm.ok("pid", pid, "--fds");
    String net = gopm.ok("pid", pid, "--net");
    String env = gopm.ok("pid", pid, "--env");

    for (String out : List.of(tree, fds, net, env)) {
      assertThat(out).startsWith("  PID " + pid + "  java  ").doesNotContain("Identity").doesNotContain("GoPM Info");
      assertThat(out).doesNotContain("Process Inspection").doesNotContain("Resources");
    }
    assertThat(tree).contains("Process Tree").doesNotContain("File Descriptors").doesNotContain("Network Sockets");
    String held = app.heldFile().toString();
    // targets are cut to 50 columns in the text (the JSON has them whole)
    assertThat(fds).contains("File Descriptors").contains(held.length() > 50 ? held.substring(0, 47) + "..." : held)
        .doesNotContain("Process Tree");
    assertThat(net).contains("Network Sockets").contains(":" + app.port() + " ").doesNotContain("File Descriptors");
    assertThat(env).contains("| CUSTOM_VAR        hello\n").doesNotContain("Network Sockets");
  }

  @Test
  void aMissingPidFails() {
    CliResult result = gopm.run("pid", "999999999");
    CliResult raw = gopm.run("pid", "999999999", "--raw");
    CliResult json = gopm.run("pid", "999999999", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("PID 999999999 — no such process").doesNotContain("PID 999999999 — PID");
    assertThat(raw.exitCode()).isEqualTo(1);
    assertThat(raw.stderr()).contains("PID 999999999 — no such process");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.stdout().strip()).isEqualTo("{\"error\":\"PID 999999999 — no such process\"}");
  }

  @Test
  void aPidThatIsNotANumberIsRefused() {
    CliResult result = gopm.run("pid", "abc");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stderr()).contains("invalid PID: abc");
  }

  @Test
  void aProcessTheDaemonDoesNotManageIsSaidSo() {
    gopm.ok("ping");

    String text = gopm.ok("pid", Long.toString(ProcessHandle.current().pid()));

    assertThat(text).contains("| Managed           no (PID not found in gopm process table)\n");
  }

  @Test
  void withoutADaemonTheManagementIsUnknownAndNoDaemonIsStarted() {
    String pid = Long.toString(ProcessHandle.current().pid());

    String text = gopm.ok("pid", pid);
    JsonNode json = gopm.tree(gopm.ok("pid", pid, "--json"));

    assertThat(text).contains("| Managed           unknown (gopm daemon not running)\n");
    assertThat(json.get("gopm").toString()).isEqualTo("{\"managed\":false,\"daemon_up\":false}");
    assertThat(Files.exists(gopm.home.resolve("gopm.sock"))).isFalse();
    assertThat(Files.exists(gopm.home.resolve("daemon.pid"))).isFalse();
  }

  @Test
  void rawModeDumpsTheProcFiles() {
    Inspected app = startInspected();

    String raw = gopm.ok("pid", Integer.toString(app.process().pid()), "--raw");

    assertThat(raw)
        .startsWith("=== /proc/" + app.process().pid() + "/status ===\nName:\tjava\n")
        .contains("=== /proc/" + app.process().pid() + "/cmdline ===")
        .contains("=== /proc/" + app.process().pid() + "/oom_score_adj ===");
  }

  private static List<String> lines(String text, String containing) {
    List<String> matching = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains(containing)) {
        matching.add(line);
      }
    }
    return matching;
  }
}
