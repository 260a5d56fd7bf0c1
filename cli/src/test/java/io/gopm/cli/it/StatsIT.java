package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gopm stats}: the daemon's metrics history, as charts, a table or JSON. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private void snapshotsEvery200ms() {
    gopm.env("GOPM_STATS_INTERVAL", "200ms");
  }

  private JsonNode awaitPoints(String target, int count) {
    JsonNode[] last = new JsonNode[1];
    GopmEnvironment.await(WAIT).until(() -> {
      last[0] = gopm.tree(gopm.ok("stats", target, "--json"));
      return last[0].has("api") && last[0].get("api").size() >= count;
    });
    return last[0];
  }

  @Test
  void jsonHasOneSeriesPerProcessWithEveryField() {
    snapshotsEvery200ms();
    gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("worker", List.of(), "--run-forever");

    awaitPoints("all", 3);
    // memory is known from the first metrics sample on, which may come after the first snapshots
    JsonNode[] latest = new JsonNode[1];
    GopmEnvironment.await(WAIT).until(() -> {
      latest[0] = gopm.tree(gopm.ok("stats", "all", "--json"));
      JsonNode api = latest[0].get("api");
      return api.get(api.size() - 1).get("mem").asLong() > 0;
    });
    JsonNode stats = latest[0];

    assertThat(stats.has("worker")).isTrue();
    JsonNode point = stats.get("api").get(stats.get("api").size() - 1);
    assertThat(point.get("ts").asLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
    assertThat(point.has("cpu")).isTrue();
    assertThat(point.get("mem").asLong()).isPositive();
    assertThat(point.get("status").asText()).isEqualTo("online");
    assertThat(gopm.tree(gopm.ok("stats", "worker", "--json")).has("api")).isFalse();
  }

  @Test
  void withoutColoursItPrintsAPlainTableAndInATerminalBrailleCharts() {
    snapshotsEvery200ms();
    gopm.startApp("api", List.of(), "--run-forever");
    awaitPoints("api", 3);

    String plain = gopm.ok("stats", "api");
    assertThat(plain).contains("api").doesNotContain("\u001b[").doesNotContainPattern("[\u2801-\u28ff]");

    CliResult charts = gopm.runInTerminal(Map.of("COLUMNS", "100"), "stats", "api");
    assertThat(charts.exitCode()).as(charts.output()).isZero();
    assertThat(charts.stdout()).contains("CPU Usage").contains("Memory (RSS)").contains("Uptime").contains("Restarts")
        .containsPattern("[\u2801-\u28ff]").contains("└");
    CliResult memoryOnly = gopm.runInTerminal(Map.of(), "stats", "api", "--mem");
    assertThat(memoryOnly.stdout()).contains("Memory (RSS)").doesNotContain("CPU Usage");
  }

  @Test
  void beforeTheFirstSnapshotItSaysSo() {
    gopm.env("GOPM_STATS_INTERVAL", "1h");
    gopm.startApp("api", List.of(), "--run-forever");

    String out = gopm.ok("stats");

    assertThat(out).contains("No metrics data available yet");
    assertThat(gopm.ok("stats", "--json").strip()).isEqualTo("{}");
  }

  @Test
  void badHoursAndUnknownTargetsAreRefused() {
    gopm.startApp("api", List.of(), "--run-forever");

    CliResult hours = gopm.run("stats", "--hours", "99");
    assertThat(hours.exitCode()).isEqualTo(1);
    assertThat(hours.stderr()).contains("invalid --hours 99: must be between 1 and 18");

    CliResult ghost = gopm.run("stats", "ghost");
    assertThat(ghost.exitCode()).isEqualTo(1);
    assertThat(ghost.stderr()).contains("process \"ghost\" not found");
  }

  @Test
  void withoutProcessesThereIsNothingToShow() {
    CliResult result = gopm.run("stats");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("no processes managed");
  }
}
