package io.gopm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the CLI in-process with captured streams. Only paths that never reach a daemon are used:
 * help, version, argument errors and {@code logs -d}.
 */
@Timeout(30)
class GopmCliTest {

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** One finished invocation. */
  private record Result(int status, String out, String err) {}

  private Result run(String... args) {
    Map<String, String> env = Map.of("GOPM_HOME", home.toString(), "HOME", home.toString(), "PATH", "/usr/bin:/bin");
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    Session session = new Session(env, outWriter, errWriter, new Ansi(false), new Ansi(false), home);
    int status = new GopmCli(session).run(args);
    outWriter.flush();
    errWriter.flush();
    return new Result(status, out.toString(), err.toString());
  }

  // ---- firstCommandName ----

  @Test
  void findsNoCommandInAnEmptyCommandLine() {
    assertThat(GopmCli.firstCommandName(new String[] {})).isNull();
  }

  @Test
  void findsALoneCommand() {
    assertThat(GopmCli.firstCommandName(new String[] {"list"})).isEqualTo("list");
  }

  @Test
  void findsTheCommandAfterGlobalFlags() {
    assertThat(GopmCli.firstCommandName(new String[] {"--json", "list"})).isEqualTo("list");
    assertThat(GopmCli.firstCommandName(new String[] {"--debug", "--json", "start", "app"})).isEqualTo("start");
  }

  @Test
  void skipsTheValueOfConfig() {
    assertThat(GopmCli.firstCommandName(new String[] {"--config", "x.json", "ls"})).isEqualTo("ls");
    assertThat(GopmCli.firstCommandName(new String[] {"--config=x.json", "ls"})).isEqualTo("ls");
  }

  @Test
  void findsNoCommandWhenConfigHasNoValue() {
    assertThat(GopmCli.firstCommandName(new String[] {"--config"})).isNull();
    assertThat(GopmCli.firstCommandName(new String[] {"--config", "list"})).isNull();
  }

  @Test
  void findsNoCommandAfterADoubleDash() {
    assertThat(GopmCli.firstCommandName(new String[] {"--debug", "--", "x"})).isNull();
  }

  @Test
  void findsNoCommandInFlagsAlone() {
    assertThat(GopmCli.firstCommandName(new String[] {"-v"})).isNull();
    assertThat(GopmCli.firstCommandName(new String[] {"--help", "--json"})).isNull();
  }

  @Test
  void takesTheFirstWordEvenWhenFlagsFollow() {
    assertThat(GopmCli.firstCommandName(new String[] {"logs", "-d", "api"})).isEqualTo("logs");
  }

  // ---- version and help ----

  @Test
  void printsTheVersion() {
    Result result = run("--version");

    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo("gopm version 0.1.0" + System.lineSeparator());
    assertThat(result.err()).isEmpty();
  }

  @Test
  void printsTheVersionForTheShortFlag() {
    Result result = run("-v");

    assertThat(result.status()).isZero();
    assertThat(result.out()).startsWith("gopm version 0.1.0");
  }

  @Test
  void helpListsEveryCommandOfTheCatalog() {
    Result result = run("--help");

    assertThat(result.status()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("GoPM — Lightweight Process Manager");
    for (CommandCatalog.Entry entry : CommandCatalog.all()) {
      assertThat(result.out()).contains(entry.names().get(0));
    }
    assertThat(result.out()).contains("Use \"gopm [command] --help\" for more information about a command.");
  }

  @Test
  void helpShowsEachCommandsDescription() {
    String help = run("--help").out();

    assertThat(help)
        .contains("Stop and remove a process from the list")
        .contains("List all processes")
        .contains("Display process log output")
        .contains("Start a process or load an ecosystem config");
  }

  @Test
  void helpCommandListsEveryCommandOfTheCatalog() {
    Result result = run("help");

    assertThat(result.status()).isZero();
    assertThat(result.err()).isEmpty();
    for (CommandCatalog.Entry entry : CommandCatalog.all()) {
      assertThat(result.out()).contains(entry.names().get(0));
    }
  }

  @Test
  void helpOfOneCommandShowsItsUsage() {
    Result result = run("start", "--help");

    assertThat(result.status()).isZero();
    assertThat(result.out())
        .contains("gopm start <binary|script|config.json> [flags] [-- process-args...]")
        .contains("--max-restarts")
        .contains("gopm start ecosystem.json");
  }

  @Test
  void catalogFindsCommandsByNameAndAlias() {
    assertThat(CommandCatalog.find("list")).isSameAs(CommandCatalog.find("ls"));
    assertThat(CommandCatalog.find("delete")).isSameAs(CommandCatalog.find("del"));
    assertThat(CommandCatalog.find("nope")).isNull();
    assertThat(CommandCatalog.all()).allSatisfy(entry -> assertThat(CommandCatalog.find(entry.names().get(0))).isSameAs(entry));
  }

  // ---- errors before any command runs ----

  @Test
  void rejectsAnUnknownCommand() {
    Result result = run("x");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error: unknown command \"x\" for \"gopm\""
                + System.lineSeparator()
                + "Run 'gopm --help' for usage."
                + System.lineSeparator());
  }

  @Test
  void rejectsAnUnknownCommandAfterGlobalFlags() {
    Result result = run("--json", "--config", "x.json", "frobnicate");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).startsWith("Error: unknown command \"frobnicate\" for \"gopm\"");
  }

  @Test
  void reportsAMissingParameterWithUsage() {
    Result result = run("start");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("Error: Missing required parameter")
        .contains("gopm start <binary|script|config.json>");
  }

  @Test
  void reportsAnUnknownOptionWithUsage() {
    Result result = run("start", "--bogus", "x");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("Error: Unknown option")
        .contains("--bogus")
        .contains("gopm start <binary|script|config.json>");
  }

  @Test
  void reportsAnInvalidOptionValue() {
    Result result = run("logs", "-d", "-n", "many");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).startsWith("Error: ").contains("many");
  }

  @Test
  void reportsAMissingParameterAsJsonWithTheJsonFlag() throws IOException {
    Result result = run("--json", "start");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines()).hasSize(1);
    assertThat(new JsonCodec().readTree(result.out()).get("error").asText())
        .startsWith("Missing required parameter");
  }

  // ---- logs -d ----

  @Test
  void logsOfTheDaemonFailWhenThereIsNoDaemonLog() {
    Result result = run("logs", "-d");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("Error: daemon.log not found — daemon has not started yet" + System.lineSeparator());
  }

  @Test
  void logsOfTheDaemonFailAsJsonWithTheJsonFlag() {
    Result result = run("--json", "logs", "-d");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEmpty();
    assertThat(result.out().trim())
        .isEqualTo("{\"error\":\"daemon.log not found — daemon has not started yet\"}");
  }

  private void writeDaemonLog() throws IOException {
    Files.writeString(
        home.resolve("daemon.log"),
        "time=2026-02-05T15:39:14.100Z level=INFO msg=first\n"
            + "time=2026-02-05T15:39:14.200Z level=INFO msg=second\n"
            + "time=2026-02-05T15:39:14.300Z level=INFO msg=third\n");
  }

  @Test
  void logsOfTheDaemonPrintsTheWholeShortLog() throws IOException {
    writeDaemonLog();

    Result result = run("logs", "-d");

    assertThat(result.status()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines())
        .containsExactly(
            "time=2026-02-05T15:39:14.100Z level=INFO msg=first",
            "time=2026-02-05T15:39:14.200Z level=INFO msg=second",
            "time=2026-02-05T15:39:14.300Z level=INFO msg=third");
  }

  @Test
  void logsOfTheDaemonPrintsTheLastLinesAsked() throws IOException {
    writeDaemonLog();

    Result result = run("logs", "-d", "-n", "2");

    assertThat(result.status()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "time=2026-02-05T15:39:14.200Z level=INFO msg=second",
            "time=2026-02-05T15:39:14.300Z level=INFO msg=third");
  }

  @Test
  void logsOfTheDaemonPrintsEveryLineForZeroLines() throws IOException {
    writeDaemonLog();

    Result result = run("logs", "--daemon", "--lines", "0");

    assertThat(result.status()).isZero();
    assertThat(result.out().lines()).hasSize(3);
  }

  @Test
  void logsOfTheDaemonIgnoresTheJsonFlag() throws IOException {
    writeDaemonLog();

    Result result = run("logs", "-d", "-n", "1", "--json");

    assertThat(result.status()).isZero();
    assertThat(result.out().lines()).containsExactly("time=2026-02-05T15:39:14.300Z level=INFO msg=third");
  }
}
