package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listening ports are attributed to their process, including a script's children. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LISTENING = Pattern.compile("LISTENING \\S+:(\\d+)");

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private int listeningPort(String name) {
    gopm.awaitFileContains(gopm.logFile(name, "out"), "LISTENING", WAIT);
    Matcher matcher = LISTENING.matcher(GopmEnvironment.read(gopm.logFile(name, "out")));
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Test
  void listWithPortsShowsALoopbackListenerPlainAndAPublicOneInRed() {
    gopm.startApp("local", List.of(), "--run-forever", "--listen", "127.0.0.1:0");
    gopm.startApp("public", List.of(), "--run-forever", "--listen", "0.0.0.0:0");
    gopm.startApp("quiet", List.of(), "--run-forever");
    int localPort = listeningPort("local");
    int publicPort = listeningPort("public");

    String table = gopm.ok("list", "-p");

    assertThat(table).contains("Ports").contains("tcp@127.0.0.1:" + localPort);
    assertThat(table).containsPattern("tcp6?@(0\\.0\\.0\\.0|\\[::\\]):" + publicPort);
    assertThat(table).containsPattern("│ quiet  .*│ -\\s+│\\n");
    assertThat(table).as("no colours when stdout is not a terminal").doesNotContain("\u001b[");
  }

  @Test
  void inATerminalAPublicListenerIsRedUnlessNoColorIsSet() {
    gopm.startApp("local", List.of(), "--run-forever", "--listen", "127.0.0.1:0");
    gopm.startApp("public", List.of(), "--run-forever", "--listen", "0.0.0.0:0");
    int localPort = listeningPort("local");
    int publicPort = listeningPort("public");

    CliResult coloured = gopm.runInTerminal(java.util.Map.of(), "list", "-p");
    assertThat(coloured.exitCode()).as(coloured.output()).isZero();
    assertThat(coloured.stdout()).containsPattern("\u001b\\[31mtcp6?@(0\\.0\\.0\\.0|\\[::\\]):" + publicPort)
        .contains("tcp@127.0.0.1:" + localPort).doesNotContain("\u001b[31mtcp@127.0.0.1")
        .contains("\u001b[32monline");

    CliResult plain = gopm.runInTerminal(java.util.Map.of("NO_COLOR", "1"), "list", "-p");
    assertThat(plain.stdout()).contains("tcp@127.0.0.1:" + localPort).doesNotContain("\u001b[");
  }

  @Test
  void portsAppearInJsonAndDescribeAndGoWhenTheProcessStops() {
    gopm.startApp("web", List.of(), "--run-forever", "--listen", "127.0.0.1:0");
    int port = listeningPort("web");

    gopm.ok("list", "-p");
    ProcessInfo web = gopm.process("web");
    assertThat(web.listeners()).containsExactly("tcp@127.0.0.1:" + port);
    assertThat(gopm.tree(gopm.ok("describe", "web", "--json")).get("listeners").get(0).asText())
        .isEqualTo("tcp@127.0.0.1:" + port);

    gopm.ok("stop", "web");
    assertThat(gopm.process("web").listeners()).isEmpty();
  }

  @Test
  void socketsOfAScriptsChildrenCountForTheScript() throws Exception {
    Path script = gopm.workDir.resolve("wrapper.sh");
    Files.writeString(script, gopm.testapp + " --run-forever --listen 127.0.0.1:0\n");
    gopm.startAppScript("wrapped", script);
    int port = listeningPort("wrapped");

    String table = gopm.ok("list", "--ports");

    assertThat(table).contains("tcp@127.0.0.1:" + port);
  }
}
