package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gopm gui} in a real terminal: the real {@code dist/gopm gui} runs in a detached tmux
 * session against a real daemon with testapp children; the test types with {@code tmux
 * send-keys} and reads the screen with {@code tmux capture-pane}. Every key of the README's table
 * is driven here, with its effect checked on the daemon ({@code gopm list --json}), plus colours
 * and {@code NO_COLOR}, an 80×24 terminal and resizes, a daemon reboot, and that quitting (q,
 * Ctrl+C, SIGTERM) gives the terminal back: the normal screen, the cursor, echo and line editing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GuiIT {

  private static final Duration SCREEN_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Tmux tmux;

  @BeforeEach
  void needsTmux() {
    String missing = Tmux.whyUnavailable();
    if (missing != null) {
      String message = "tmux is needed to drive gopm gui in a real terminal (" + missing + "); .ci/run installs it";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
  }

  @AfterEach
  void killTmux() {
    if (tmux != null) {
      tmux.kill();
    }
  }

  // ---- the screen and quitting ----

  @Test
  void showsTheProcessesLiveAndQGivesTheTerminalBack() {
    gopm.startApp("api", List.of(), "--stdout-every", "200ms", "--stdout-msg", "api-says-hello");
    gopm.startApp("worker", List.of(), "--run-forever");

    tmux = gui(120, 40, Map.of());
    long daemon = gopm.daemonPid();
    int apiPid = gopm.process("api").pid();
    tmux.awaitScreenShowing("the process table", screen -> {
      assertThat(screen).contains("GoPM v").contains("daemon PID: " + daemon).contains("uptime: ").contains("worker");
      assertThat(row(screen, "▸ 0  api")).contains("online").contains("PID " + apiPid).contains("CPU").contains("MEM").contains("↻ 0");
      assertThat(screen).contains("Logs (api, stdout)").contains("api-says-hello")
          .contains("[s]tart  s[t]op  [r]estart  [d]elete  [f]lush  [l]ogs  [e]rr/out");
    });
    assertThat(tmux.display("#{alternate_on} #{cursor_flag}")).as("alternate screen on, cursor hidden").isEqualTo("1 0");
    GopmEnvironment.await(SCREEN_TIMEOUT).alias("online in green").untilAsserted(() ->
        assertThat(tmux.screenWithEscapes()).containsPattern("\u001b\\[32m(\u001b\\[[0-9;]*m)*online"));

    gopm.startApp("late", List.of(), "--run-forever");
    tmux.awaitScreen("a process started elsewhere to appear", s -> row(s, "late") != null);

    tmux.keys("q");
    assertTerminalRestored(tmux);
  }

  @Test
  void ctrlCQuitsAndGivesTheTerminalBack() {
    gopm.startApp("api", List.of(), "--run-forever");
    tmux = gui(100, 30, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "api") != null);

    tmux.keys("C-c");

    assertTerminalRestored(tmux);
  }

  @Test
  void sigtermQuitsAndGivesTheTerminalBack() {
    gopm.startApp("api", List.of(), "--run-forever");
    tmux = gui(100, 30, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "api") != null);

    guiProcess().destroy(); // SIGTERM

    assertTerminalRestored(tmux);
  }

  private void assertTerminalRestored(Tmux tmux) {
    tmux.awaitScreenShowing("the shell's screen, with the status and the tty settings after gopm gui", screen ->
        assertThat(screen).contains("restored-0").doesNotContain("Processes").doesNotContain("[s]tart")
            .contains("intr = ^C").containsPattern("(?<!-)icanon").containsPattern("(?<![-a-z])echo "));
    assertThat(tmux.display("#{alternate_on} #{cursor_flag}")).as("normal screen, cursor shown").isEqualTo("0 1");
  }

  // ---- keys that act on the selected process ----

  @Test
  void tStopsAndRRestartsTheSelectedProcess() {
    gopm.startApp("api", List.of(), "--run-forever");
    ProcessInfo worker = gopm.startApp("worker", List.of(), "--run-forever");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "worker") != null);

    tmux.keys("Down");
    tmux.awaitScreen("worker selected", s -> row(s, "▸ 1  worker") != null);
    tmux.keys("t");

    tmux.awaitScreen("worker stopped", s -> row(s, "worker").contains("stopped") && s.contains("stop worker: OK"));
    assertThat(listed("worker").status()).isEqualTo(ProcessStatus.STOPPED);
    assertThat(listed("api").status()).as("only the selected process").isEqualTo(ProcessStatus.ONLINE);

    tmux.keys("r");
    tmux.awaitScreen("worker restarted", s -> row(s, "worker").contains("online") && s.contains("restart worker: OK"));
    ProcessInfo restarted = listed("worker");
    assertThat(restarted.status()).isEqualTo(ProcessStatus.ONLINE);
    assertThat(restarted.pid()).isNotEqualTo(worker.pid());
  }

  @Test
  void dAsksBeforeDeletingAndOnlyYDeletes() {
    gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("worker", List.of(), "--run-forever");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "worker") != null);

    tmux.keys("d");
    tmux.awaitScreen("the question", s -> s.contains("Delete api? [y/N]"));
    tmux.keys("n");
    tmux.awaitScreen("the answer", s -> s.contains("delete cancelled"));
    assertThat(names()).containsExactly("api", "worker");

    tmux.keys("d");
    tmux.awaitScreen("the question again", s -> s.contains("Delete api? [y/N]"));
    tmux.keys("y");
    tmux.awaitScreen("api gone and its neighbour selected",
        s -> row(s, " api ") == null && s.contains("delete api: OK") && s.contains("▸ 1  worker"));
    assertThat(names()).containsExactly("worker");
  }

  @Test
  void fFlushesTheSelectedProcessesLogs() throws IOException {
    gopm.startApp("api", List.of(), "--stdout-every", "100ms", "--stdout-msg", "tick");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("some log lines", s -> s.split("tick", -1).length > 5);
    long before = Files.size(gopm.logFile("api", "out"));

    tmux.keys("f");

    tmux.awaitScreen("the flush", s -> s.contains("flush api: OK"));
    assertThat(Files.size(gopm.logFile("api", "out"))).isLessThan(before);
    assertThat(Files.readString(gopm.logFile("api", "out"))).doesNotContain("testapp ready");
  }

  @Test
  void sStartsWhatIsTypedAtThePrompt() {
    gopm.startApp("api", List.of(), "--run-forever");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "api") != null);

    tmux.keys("s");
    tmux.awaitScreen("the prompt", s -> s.contains("Start: "));
    tmux.type(gopm.testapp + " --min-uptime 5");
    tmux.keys("Enter");
    tmux.awaitScreen("the refusal", s -> s.contains("✗ invalid --min-uptime \"5\""));
    tmux.keys("C-u");
    tmux.type(gopm.testapp + " --name 'typed-app' --env GREETING=hi -- --print-env GREETING --run-forever");
    tmux.keys("Enter");

    tmux.awaitScreen("the new process, selected", s -> row(s, "▸ 1  typed-app").contains("online")
        && s.contains("Logs (typed-app, stdout)"));
    ProcessInfo typed = listed("typed-app");
    assertThat(typed.command()).isEqualTo(gopm.testapp.toString());
    assertThat(typed.args()).containsExactly("--print-env", "GREETING", "--run-forever");
    assertThat(typed.env()).containsEntry("GREETING", "hi");
    gopm.awaitFileContains(gopm.logFile("typed-app", "out"), "GREETING=hi", Duration.ofSeconds(20));
  }

  // ---- filter, detail, panes, streams ----

  @Test
  void slashFiltersTheListByName() {
    gopm.startApp("api", List.of(), "--run-forever");
    gopm.startApp("worker", List.of(), "--run-forever");
    gopm.startApp("web", List.of(), "--run-forever");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "web") != null);

    tmux.keys("/");
    tmux.type("w");
    tmux.awaitScreen("the filtered list", s -> s.contains("Processes (2 of 3, filter: w)")
        && row(s, "worker") != null && row(s, "web") != null && row(s, " api ") == null);
    tmux.type("e");
    tmux.awaitScreen("one left", s -> s.contains("(1 of 3, filter: we)") && s.contains("▸ 2  web"));
    tmux.keys("Enter");
    tmux.awaitScreen("the kept filter", s -> s.contains("filter: we   (/ edits, esc clears)"));

    tmux.keys("Escape");
    tmux.awaitScreen("everything again", s -> row(s, " api ") != null && row(s, "worker") != null);
  }

  @Test
  void enterDescribesTheSelectedProcess() {
    gopm.startApp("api", List.of(), "--run-forever");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "api") != null);

    tmux.keys("Enter");
    tmux.awaitScreenShowing("the detail box", detail -> assertThat(detail).contains("api (describe)")
        .contains("Command:        " + gopm.testapp).contains("Args:           --run-forever")
        .contains("Stdout Log:     " + gopm.logFile("api", "out")).contains("[esc] or [enter] close"));

    tmux.keys("Escape");
    tmux.awaitScreen("the box closed", s -> !s.contains("(describe)"));
  }

  @Test
  void tabMovesTheFocusToTheLogsWhichScrollAndLHidesThem() {
    gopm.startApp("api", List.of(), "--stdout-every", "50ms");
    tmux = gui(120, 30, Map.of());
    tmux.awaitScreen("a full log pane", s -> s.split("stdout heartbeat", -1).length > 10);

    // more lines than the pane shows, or there is nothing to scroll back to
    GopmEnvironment.await(SCREEN_TIMEOUT).until(() -> GopmEnvironment.read(gopm.logFile("api", "out")).split("stdout heartbeat", -1).length > 60);

    tmux.keys("Tab");
    tmux.awaitScreen("the focus on the logs", s -> s.contains("╔═ Logs (api, stdout)") && s.contains("[End] follow"));
    tmux.keys("PPage");
    tmux.awaitScreen("scrolled back", s -> s.contains("lines back, End follows"));
    tmux.keys("End");
    tmux.awaitScreen("following again", s -> !s.contains("lines back"));
    tmux.keys("Tab");
    tmux.awaitScreen("the focus on the processes", s -> s.contains("╔═ Processes"));

    tmux.keys("l");
    tmux.awaitScreen("the log pane hidden", s -> !s.contains("Logs (") && !s.contains("heartbeat"));
    tmux.keys("l");
    tmux.awaitScreen("the log pane back", s -> s.contains("Logs (api, stdout)") && s.contains("heartbeat"));
  }

  @Test
  void eSwitchesTheLogPaneBetweenStdoutAndStderr() {
    gopm.startApp("api", List.of(), "--stdout-every", "100ms", "--stdout-msg", "to-stdout",
        "--stderr-every", "100ms", "--stderr-msg", "to-stderr");
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("stdout lines", s -> s.contains("Logs (api, stdout)") && s.contains("to-stdout"));

    tmux.keys("e");
    tmux.awaitScreenShowing("stderr lines", err -> assertThat(err).contains("Logs (api, stderr)").contains("to-stderr")
        .contains("[gopm] process started").doesNotContain("to-stdout"));

    tmux.keys("e");
    tmux.awaitScreen("stdout again", s -> s.contains("Logs (api, stdout)") && s.contains("to-stdout") && !s.contains("to-stderr"));
  }

  // ---- terminals ----

  @Test
  void noColorMeansPlainText() {
    gopm.startApp("api", List.of(), "--run-forever");
    tmux = gui(100, 30, Map.of("NO_COLOR", "1"));
    tmux.awaitScreen("the table", s -> row(s, "api") != null && row(s, "api").contains("online"));

    assertThat(tmux.screenWithEscapes()).as("no escape codes at all").doesNotContain("\u001b");
  }

  @Test
  void fitsEightyByTwentyFourAndFollowsResizes() {
    for (String name : List.of("api", "worker", "cron", "proxy")) {
      gopm.startApp(name, List.of(), "--run-forever");
    }
    tmux = gui(80, 24, Map.of());
    tmux.awaitScreenShowing("every process on 80×24", screen -> {
      List<String> rows = screen.lines().toList();
      assertThat(rows).hasSize(24);
      assertThat(rows.get(0)).startsWith("┌─ GoPM v").endsWith("┐").hasSize(80);
      assertThat(rows.get(21)).contains("[s]tart  s[t]op  [r]estart  [d]elete  [f]lush  [l]ogs  [e]rr/out");
      assertThat(rows.get(22)).contains("[↑↓] navigate   [enter] describe   [tab] switch pane   [q] quit");
      assertThat(rows.get(23)).startsWith("└").endsWith("┘");
      for (String name : List.of("api", "worker", "cron", "proxy")) {
        assertThat(row(screen, name)).contains("online").contains("PID ").contains("MEM");
      }
    });

    tmux.resize(60, 20);
    tmux.awaitScreen("a 60-column layout", s -> s.lines().findFirst().orElse("").length() == 60 && s.lines().count() == 20
        && s.lines().toList().get(19).startsWith("└"));
    tmux.resize(30, 8);
    tmux.awaitScreen("the too-small notice", s -> s.contains("Terminal too small (30×8)"));
    tmux.resize(100, 30);
    tmux.awaitScreen("the full UI again", s -> row(s, "proxy") != null && s.lines().findFirst().orElse("").length() == 100);
  }

  @Test
  void aDaemonRebootShowsTheReconnectAndThenTheProcessesAgain() throws Exception {
    gopm.startApp("api", List.of(), "--stdout-every", "200ms", "--stdout-msg", "before-or-after");
    long oldDaemon = gopm.daemonPid();
    tmux = gui(120, 40, Map.of());
    tmux.awaitScreen("the table", s -> row(s, "api") != null && s.contains("daemon PID: " + oldDaemon));

    Process reboot = gopm.startCli(gopm.workDir, "reboot", "--force");
    tmux.awaitScreen("the lost connection", s -> s.contains("disconnected, retrying"));
    assertThat(reboot.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(reboot.exitValue()).isZero();
    long newDaemon = gopm.daemonPid();
    assertThat(newDaemon).isNotEqualTo(oldDaemon);

    ProcessInfo api = gopm.awaitProcess("api", Duration.ofSeconds(30), ProcessInfo::online);
    tmux.awaitScreen("the new daemon", s -> s.contains("daemon PID: " + newDaemon)
        && !s.contains("disconnected") && row(s, "api").contains("PID " + api.pid()) && row(s, "api").contains("online"));
    // the log pane follows the new daemon's lines too
    long lines = Files.readString(gopm.logFile("api", "out")).lines().count();
    tmux.awaitScreen("new lines after the reboot", s -> Files.readString(gopm.logFile("api", "out")).lines().count() > lines + 3
        && s.split("before-or-after", -1).length > 3);
  }

  @Test
  void badRefreshValuesAndNoTerminalAreRefused() {
    CliResult fast = gopm.run("gui", "--refresh", "50ms");
    assertThat(fast.exitCode()).isEqualTo(1);
    assertThat(fast.stderr()).contains("invalid --refresh \"50ms\": must be at least 100ms");

    CliResult noTerminal = gopm.run("gui");
    assertThat(noTerminal.exitCode()).isEqualTo(1);
    assertThat(noTerminal.stderr()).contains("gopm gui needs a terminal");
  }

  @Test
  void noOtherCommandLoadsTheTerminalUi() throws IOException {
    gopm.env("GOPM_JAVA_OPTS", "-Xlog:class+load=info:file=" + gopm.workDir + "/classes-%p.log");
    gopm.ok("--version");
    gopm.ok("--help");
    gopm.ok("list");
    gopm.ok("gui", "--help");

    List<java.nio.file.Path> logs;
    try (var files = Files.list(gopm.workDir)) {
      logs = files.filter(f -> f.getFileName().toString().startsWith("classes-")).toList();
    }
    assertThat(logs).as("one class log per JVM (the daemon's too)").hasSizeGreaterThanOrEqualTo(5);
    for (java.nio.file.Path log : logs) {
      String loaded = Files.readString(log);
      assertThat(loaded).as(log.toString()).contains("io.gopm.cli.").doesNotContain("io.gopm.cli.tui.").doesNotContain("com.googlecode.lanterna");
    }
  }

  // ---- helpers ----

  /** Starts {@code gopm gui} in a new tmux session; afterwards the shell prints its status and the tty settings. */
  private Tmux gui(int width, int height, Map<String, String> env) {
    List<String> command = new ArrayList<>(List.of("env", "-u", "NO_COLOR", "-u", "TMUX",
        "GOPM_HOME=" + gopm.home, "TERM=xterm-256color"));
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(List.of(gopm.gopm.toString(), "gui"));
    String shell = String.join(" ", command.stream().map(GuiIT::quote).toList())
        + "; echo restored-$?; stty -a; sleep 600";
    Tmux session = new Tmux();
    session.start(width, height, gopm.workDir.toString(), shell);
    return session;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The screen row showing {@code text}, or null. */
  private static String row(String screen, String text) {
    return screen.lines().filter(line -> line.contains(text)).findFirst().orElse(null);
  }

  /** The process as {@code gopm list --json} shows it. */
  private ProcessInfo listed(String name) {
    return Arrays.stream(gopm.parse(gopm.ok("list", "--json").strip(), ProcessInfo[].class))
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("gopm list --json has no " + name));
  }

  private List<String> names() {
    return Arrays.stream(gopm.parse(gopm.ok("list", "--json").strip(), ProcessInfo[].class)).map(ProcessInfo::name).toList();
  }

  /** The JVM of {@code gopm gui}: the java process under the tmux pane's shell. */
  private ProcessHandle guiProcess() {
    long shell = Long.parseLong(tmux.display("#{pane_pid}"));
    ProcessHandle[] found = new ProcessHandle[1];
    GopmEnvironment.await(SCREEN_TIMEOUT).alias("the java process of gopm gui").until(() -> {
      Optional<ProcessHandle> java = ProcessHandle.of(shell).orElseThrow().descendants()
          .filter(p -> p.info().commandLine().map(c -> c.contains("java") && c.endsWith(" gui")).orElse(false))
          .findFirst();
      java.ifPresent(p -> found[0] = p);
      return java.isPresent();
    });
    return found[0];
  }

  /** One tmux server of our own (its own socket), with one session named {@code gui}. */
  static final class Tmux {

    private final String socket = "gopm-gui-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private String socketPath;

    /** Null when tmux runs here, else why not. */
    static String whyUnavailable() {
      try {
        Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
        if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
          return "tmux -V failed";
        }
        return null;
      } catch (IOException e) {
        return "not installed: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }

    void start(int width, int height, String dir, String shellCommand) {
      run("-f", "/dev/null", "new-session", "-d", "-x", Integer.toString(width), "-y", Integer.toString(height),
          "-c", dir, "-s", "gui", shellCommand);
      socketPath = display("#{socket_path}");
    }

    String screen() {
      return run("capture-pane", "-p", "-t", "gui");
    }

    /** The screen with its colours and attributes as escape codes. */
    String screenWithEscapes() {
      return run("capture-pane", "-p", "-e", "-t", "gui");
    }

    /** Keys by tmux name ({@code Down}, {@code Enter}, {@code C-c}) or single characters. */
    void keys(String... keys) {
      List<String> args = new ArrayList<>(List.of("send-keys", "-t", "gui"));
      args.addAll(List.of(keys));
      run(args.toArray(String[]::new));
    }

    /** Text typed as is. */
    void type(String text) {
      run("send-keys", "-t", "gui", "-l", text);
    }

    String display(String format) {
      return run("display-message", "-p", "-t", "gui", format).strip();
    }

    void resize(int width, int height) {
      run("resize-window", "-t", "gui", "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /**
     * Polls the screen until {@code assertions} pass on one capture (a capture can catch a frame
     * half drawn, so every check of a screen is retried together).
     */
    void awaitScreenShowing(String what, ScreenAssertions assertions) {
      GopmEnvironment.await(SCREEN_TIMEOUT).alias(what).untilAsserted(() -> assertions.check(screen()));
    }

    /** Polls the screen until {@code condition} holds; that screen. */
    String awaitScreen(String what, ScreenCondition condition) {
      String[] last = {""};
      try {
        GopmEnvironment.await(SCREEN_TIMEOUT).alias(what).until(() -> condition.test(last[0] = screen()));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + last[0], e);
      }
      return last[0];
    }

    /** Ends the server and everything in it, and removes its socket file. */
    void kill() {
      try {
        run("kill-server");
      } catch (AssertionError ignored) {
        // already gone
      }
      if (socketPath != null) {
        try {
          Files.deleteIfExists(java.nio.file.Path.of(socketPath));
        } catch (IOException ignored) {
          // a stale socket file harms nothing
        }
      }
    }

    private String run(String... args) {
      List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().remove("TMUX");
      try {
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new AssertionError(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new AssertionError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Assertions on one capture of the screen. */
  @FunctionalInterface
  interface ScreenAssertions {
    void check(String screen) throws Exception;
  }

  /** A test of the screen that may read files (and so throw). */
  @FunctionalInterface
  interface ScreenCondition {
    boolean test(String screen) throws Exception;
  }
}
