package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gopm watch}: frames per tick, a JSON stream, the timeout, and its bad input. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void jsonStreamsOneArrayPerTickUntilTheTimeout() throws Exception {
    gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("worker", List.of(), "--run-forever");

    CliResult result = gopm.run("watch", "--json", "-t", "3");

    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.stdout().strip().split("\n");
    assertThat(lines.length).isBetween(2, 5);
    for (String line : lines) {
      JsonNode tick = gopm.tree(line);
      assertThat(tick.isArray()).isTrue();
      assertThat(tick).hasSize(2);
    }
    assertThat(result.stdout()).doesNotContain("\u001b");
  }

  @Test
  void aTargetFiltersByNameOrId() {
    gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("worker", List.of(), "--run-forever");

    JsonNode byName = gopm.tree(gopm.ok("watch", "worker", "--json", "-t", "1").strip().split("\n")[0]);
    JsonNode byId = gopm.tree(gopm.ok("watch", "0", "--json", "-t", "1").strip().split("\n")[0]);

    assertThat(byName).hasSize(1);
    assertThat(byName.get(0).get("name").asText()).isEqualTo("worker");
    assertThat(byId.get(0).get("name").asText()).isEqualTo("api");
  }

  @Test
  void humanFramesShowTheHeaderTableAndFooter() {
    gopm.startApp("api", List.of(), "--run-forever");

    String out = gopm.ok("watch", "-t", "2", "-p");

    assertThat(out).contains("gopm watch api — every 1s — ").contains("│ api").contains("Ports")
        .contains("Press Ctrl+C to exit");
    assertThat(out).as("no cursor control when stdout is not a terminal").doesNotContain("\u001b[?25l");
  }

  @Test
  void inATerminalItRedrawsInPlaceAndRestoresTheCursorAtTheTimeout() {
    gopm.startApp("api", List.of(), "--run-forever");

    CliResult result = gopm.runInTerminal(java.util.Map.of(), "watch", "-t", "2");

    assertThat(result.exitCode()).as(result.output()).isZero();
    String out = result.stdout();
    assertThat(out).startsWith("\u001b[?25l").contains("\u001b[H").contains("\u001b[J").contains("\u001b[32monline");
    assertThat(out.lastIndexOf("\u001b[?25h")).isGreaterThan(out.lastIndexOf("\u001b[H"));
  }

  @Test
  void ctrlCEndsTheWatchAndRestoresTheCursor() throws Exception {
    gopm.startApp("api", List.of(), "--run-forever");
    Process watch = gopm.startCli(gopm.workDir, "watch");
    LineWatcher lines = new LineWatcher(watch.getInputStream());
    lines.await(line -> line.contains("Press Ctrl+C to exit"), Duration.ofSeconds(20));

    ProcessHandle.of(watch.pid()).orElseThrow().destroy();

    assertThat(watch.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.exitValue()).isZero();
  }

  @Test
  void badIntervalsAndUnknownTargetsAreRefused() {
    gopm.startApp("api", List.of(), "--run-forever");

    CliResult zero = gopm.run("watch", "-i", "0");
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.stderr()).contains("invalid --interval 0: must be at least 1 (second)");

    CliResult ghost = gopm.run("watch", "ghost", "-t", "1");
    assertThat(ghost.exitCode()).isEqualTo(1);
    assertThat(ghost.stderr()).contains("process \"ghost\" not found");
  }
}
