package io.gopm.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.console.connect.ConnectionState;
import io.gopm.console.logs.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a real daemon with real testapp children, driven through its window with
 * the keyboard shortcuts and checked through {@code gopm list --json}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path settingsDir;
  private GopmDaemon gopm;
  private ConsoleWindow window;

  @BeforeAll
  static void toolkit() {
    ConsoleWindow.requireToolkit();
  }

  @BeforeEach
  void daemonWithChildren() throws Exception {
    gopm = new GopmDaemon().start();
    Path workerDir = Files.createDirectories(gopm.home.resolve("worker"));
    Path ecosystem = gopm.home.resolve("apps.json");
    Files.writeString(ecosystem, """
        {"apps": [
          {"name": "web", "command": "%1$s", "cwd": "%2$s", "env": {"API_KEY": "s3cret", "APP_ENV": "production"},
           "args": ["--listen", "127.0.0.1:0", "--stdout-every", "200ms", "--stdout-msg", "GET /health 200"]},
          {"name": "worker", "command": "%1$s", "cwd": "%3$s",
           "args": ["--stderr-every", "300ms", "--stderr-msg", "job done", "--alloc-mb", "8"]}
        ]}
        """.formatted(gopm.testapp, gopm.home, workerDir));
    gopm.ok("start", ecosystem.toString());
    window = ConsoleWindow.open(settingsDir.resolve("settings.json"), "--socket", gopm.socket().toString());
    GopmDaemon.await(WAIT).until(() -> window.tableNames().containsAll(List.of("web", "worker")));
  }

  @AfterEach
  void close() throws Exception {
    if (window != null) {
      window.close();
    }
    if (gopm != null) {
      gopm.close();
    }
  }

  @Test
  void theTableShowsTheDaemonsProcessesLive() {
    assertThat(window.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(window.text("#status-connection")).endsWith(": connected");
    assertThat(window.text("#status-daemon")).startsWith("daemon PID " + gopm.daemonPid() + " · v0.1.0 · up ");
    assertThat(window.text("#process-summary")).isEqualTo("2 processes (2 online)");

    gopm.startApp("late", List.of());
    GopmDaemon.await(WAIT).until(() -> window.tableNames().contains("late"));

    window.robot.clickOn("#process-filter").write("work");
    GopmDaemon.await(WAIT).until(() -> window.tableNames().equals(List.of("worker")));
    window.robot.type(KeyCode.ESCAPE);
  }

  @Test
  void stopRestartAndDeleteActOnTheDaemon() {
    window.select("worker");
    long pid = gopm.process("worker").orElseThrow().path("pid").asLong();

    window.robot.type(KeyCode.T);
    GopmDaemon.await(WAIT).until(() -> gopm.process("worker").orElseThrow().path("status").asText().equals("stopped"));
    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.text("#status-message")).isEqualTo("Stopped worker"));

    window.robot.type(KeyCode.R);
    GopmDaemon.await(WAIT).until(() -> {
      JsonNode worker = gopm.process("worker").orElseThrow();
      return worker.path("status").asText().equals("online") && worker.path("pid").asLong() != pid;
    });

    window.robot.type(KeyCode.D);
    DialogPane confirmation = window.fx(() -> (DialogPane) window.robot.lookup("#delete-confirmation").query());
    assertThat(window.fx(() -> confirmation.getHeaderText())).isEqualTo("Delete worker?");
    Button ok = window.fx(() -> (Button) confirmation.lookupButton(ButtonType.OK));
    window.robot.clickOn(ok);
    GopmDaemon.await(WAIT).until(() -> gopm.process("worker").isEmpty());
    GopmDaemon.await(WAIT).until(() -> !window.tableNames().contains("worker"));
    assertThat(gopm.process("web")).isPresent();
  }

  @Test
  void theLogPaneShowsNewLinesOfTheSelectedProcess() {
    window.select("web");
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "GET /health 200") >= 3);
    int seen = count(logLines(), "GET /health 200");

    GopmDaemon.await(WAIT).until(() -> count(logLines(), "GET /health 200") > seen + 3);
    assertThat(window.text("#log-title")).isEqualTo("web: stdout");

    window.robot.type(KeyCode.E);
    GopmDaemon.await(WAIT).until(() -> window.text("#log-title").equals("web: stderr"));
    window.robot.clickOn("#log-search").write("health");
    window.robot.type(KeyCode.ESCAPE);
    window.robot.type(KeyCode.E);
    GopmDaemon.await(WAIT).until(() -> window.text("#log-title").equals("web: stdout + stderr") && count(logLines(), "health") > 0);
    assertThat(window.text("#log-matches")).matches("[1-9]\\d* matches");
  }

  @Test
  void theStartDialogRejectsABadDurationOnItsFieldThenStarts() {
    window.robot.clickOn("#process-table");
    window.robot.type(KeyCode.S);
    GopmDaemon.await(WAIT).until(() -> window.console.view().startDialog().isPresent());
    window.fill("#start-command", gopm.testapp.toString());
    window.robot.clickOn("#start-name").write("fresh");
    window.robot.clickOn("#start-min-uptime").write("5");
    window.robot.clickOn("#start-submit");

    GopmDaemon.await(WAIT).until(() -> window.fx(() -> window.robot.lookup("#start-min-uptime-error").query().isVisible()));
    assertThat(window.text("#start-min-uptime-error")).isEqualTo("time: missing unit in duration \"5\"");
    assertThat(window.console.view().startDialog()).isPresent();
    assertThat(gopm.process("fresh")).isEmpty();

    window.robot.clickOn("#start-min-uptime").write("s");
    window.fill("#start-args", "--stdout-every 1s");
    window.robot.clickOn("#start-submit");
    GopmDaemon.await(WAIT).until(() -> window.console.view().startDialog().isEmpty());
    JsonNode fresh = gopm.process("fresh").orElseThrow();
    assertThat(fresh.path("restart_policy").path("min_uptime").asText()).isEqualTo("5s");
    assertThat(fresh.path("args").toString()).isEqualTo("[\"--stdout-every\",\"1s\"]");
    GopmDaemon.await(WAIT).until(() -> window.tableNames().contains("fresh"));
  }

  @Test
  void aDaemonRebootIsSurvived() {
    window.select("web");
    long before = gopm.daemonPid();

    gopm.ok("reboot", "--force");

    assertThat(gopm.daemonPid()).isNotEqualTo(before);
    GopmDaemon.await(WAIT).until(() -> window.states.contains(ConnectionState.RECONNECTING));
    GopmDaemon.await(WAIT).until(() -> window.live() && window.text("#status-daemon").startsWith("daemon PID " + gopm.daemonPid() + " "));
    GopmDaemon.await(WAIT).until(() -> window.tableNames().containsAll(List.of("web", "worker")));
    int seen = count(logLines(), "GET /health 200");
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "GET /health 200") > seen);
  }

  @Test
  void severalTargetsAreOpenAtOnceEachWithItsStateAndAreRemembered() throws Exception {
    try (GopmDaemon other = new GopmDaemon().start()) {
      other.startApp("elsewhere", List.of());
      Path missing = settingsDir.resolve("nothing-here.sock");

      window.fill("#host-add-field", other.socket().toString());
      window.robot.type(KeyCode.ENTER);
      GopmDaemon.await(WAIT).until(() -> window.tableNames().equals(List.of("elsewhere")));
      window.fill("#host-add-field", "tcp://10.0.0.1:7000");
      window.robot.type(KeyCode.ENTER);
      GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.text("#host-add-error")).contains("use ssh://10.0.0.1"));
      window.fill("#host-add-field", missing.toString());
      window.robot.type(KeyCode.ENTER);

      GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(hostStates()).containsExactly(
          gopm.socket() + " connected", other.socket() + " connected",
          missing + " failed: no daemon at " + missing + " (no socket; start one with gopm ping)"));
      assertThat(window.tableNames()).isEmpty();
      assertThat(window.text("#stale-badge")).isEqualTo("stale: not connected");

      window.fx(() -> {
        window.console.viewModel().hosts().selectedProperty().set(window.console.viewModel().hosts().hosts().get(0));
        return null;
      });
      GopmDaemon.await(WAIT).until(() -> window.tableNames().containsAll(List.of("web", "worker")));
      assertThat(Files.readString(settingsDir.resolve("settings.json")))
          .contains(gopm.socket().toString(), other.socket().toString(), missing.toString());
    }
    window.close();
    window = ConsoleWindow.open(settingsDir.resolve("settings.json"));
    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(hostStates()).hasSize(3).first().asString().endsWith(" connected"));
  }

  private List<String> hostStates() {
    return window.fx(() -> window.console.viewModel().hosts().hosts().stream()
        .map(h -> h.target().label() + " " + h.statusProperty().get().describe()).toList());
  }

  @Test
  void exportThenImportRestoresTheProcesses() throws Exception {
    Path file = settingsDir.resolve("ecosystem.json");
    window.fx(() -> {
      window.console.viewModel().actions().exportTo(file, false);
      return null;
    });
    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.text("#status-message")).startsWith("Exported 2 processes"));
    assertThat(Files.readString(file)).contains("\"name\": \"web\"").contains("\"API_KEY\": \"s3cret\"");

    gopm.ok("delete", "worker");
    window.fx(() -> {
      window.console.viewModel().actions().importFrom(file);
      return null;
    });

    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.text("#status-message")).isEqualTo("Imported 1/2 processes (1 skipped)"));
    assertThat(gopm.process("worker")).isPresent();
  }

  @Test
  void screenshotsForTheDocumentation() throws Exception {
    gopm.startApp("api", List.of("--env", "DATABASE_URL=postgres://app:pw@db/app"), "--listen", "127.0.0.1:0",
        "--cpu-burn", "1", "--alloc-mb", "24", "--stdout-every", "300ms", "--stdout-msg", "GET /orders 200 12ms",
        "--stderr-every", "1s", "--stderr-msg", "slow query: SELECT * FROM orders (1.2s)");
    gopm.startApp("cron", List.of("--max-restarts", "1", "--restart-delay", "100ms", "--min-uptime", "10s"), "--crash-after", "50ms");
    gopm.ok("stop", "worker");
    window.select("api");
    window.robot.type(KeyCode.E, KeyCode.E);
    window.robot.clickOn("#log-search").write("slow");
    window.robot.type(KeyCode.ESCAPE);
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "slow query") >= 3 && window.fx(() ->
        window.console.viewModel().processes().find("api").map(r -> !r.ports().isEmpty()).orElse(false)
            && window.console.viewModel().processes().find("cron").map(r -> r.statusText().equals("errored")).orElse(false)));
    window.screenshot(window.stage.getScene(), "console-processes.png");

    window.fill("#log-search", "slow");
    window.robot.type(KeyCode.ESCAPE);
    window.screenshot(window.stage.getScene(), "console-logs.png");

    window.robot.type(KeyCode.ENTER);
    GopmDaemon.await(WAIT).until(() -> window.text("#describe-title").startsWith("api (id"));
    window.screenshot(window.stage.getScene(), "console-describe.png");

    window.robot.clickOn("#tab-charts");
    GopmDaemon.await(WAIT).until(() -> window.fx(() -> window.console.viewModel().charts().points().size()) >= 8);
    window.screenshot(window.stage.getScene(), "console-charts.png");

    window.robot.type(KeyCode.S);
    GopmDaemon.await(WAIT).until(() -> window.console.view().startDialog().isPresent());
    window.fill("#start-command", "/opt/api/server");
    window.fill("#start-name", "api-v2");
    window.fill("#start-args", "--port 8081");
    window.robot.clickOn("#start-min-uptime").write("5");
    window.robot.clickOn("#start-submit");
    GopmDaemon.await(WAIT).until(() -> window.fx(() -> window.robot.lookup("#start-min-uptime-error").query().isVisible()));
    Stage dialog = window.console.view().startDialog().orElseThrow();
    window.screenshot(dialog.getScene(), "console-start-dialog.png");
    window.robot.clickOn("#start-cancel");
  }

  private List<LogEntry> logLines() {
    return window.fx(() -> List.copyOf(window.console.viewModel().logs().lines()));
  }

  private static int count(List<LogEntry> lines, String text) {
    return (int) lines.stream().filter(l -> l.text().contains(text)).count();
  }

}
