package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid input gets a message that names the field, exit status 1, no stack trace, and
 * changes nothing. {@link #catalogue()} holds invalid arguments for every command of the CLI (one
 * row at least per command of {@code CommandCatalog}, checked by {@link
 * #theCatalogueCoversEveryCommand()}), each with its message; state is compared before and after
 * (the bytes of {@code dump.json} and the process list: id, name, status, PID).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BadInputIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @BeforeEach
  void oneProcessIsManaged() {
    gopm.startApp("api", List.of(), "--run-forever");
  }

  static Stream<Arguments> invalidStarts() {
    return Stream.of(
        Arguments.of(List.of("--min-uptime", "5"), "invalid --min-uptime \"5\": time: missing unit in duration \"5\""),
        Arguments.of(List.of("--restart-delay", "1d"), "invalid --restart-delay \"1d\": time: unknown unit \"d\" in duration \"1d\""),
        Arguments.of(List.of("--max-delay", "abc"), "invalid --max-delay \"abc\": time: invalid duration \"abc\""),
        Arguments.of(List.of("--kill-timeout", "-5s"), "invalid --kill-timeout \"-5s\": must not be negative"),
        Arguments.of(List.of("--max-log-size", "1.5M"), "invalid --max-log-size \"1.5M\": invalid size \"1.5M\""),
        Arguments.of(List.of("--max-log-size", "0"), "invalid --max-log-size \"0\": invalid size \"0\": must be greater than 0"),
        Arguments.of(List.of("--autorestart", "sometimes"), "invalid --autorestart \"sometimes\": expected always, on-failure or never"),
        Arguments.of(List.of("--max-restarts", "-1"), "invalid --max-restarts \"-1\": must be 0 (unlimited) or more"),
        Arguments.of(List.of("--max-restarts", "many"), "Invalid value for option '--max-restarts': 'many' is not an int"),
        Arguments.of(List.of("--env", "NOVALUE"), "invalid --env value \"NOVALUE\": expected KEY=VAL"),
        Arguments.of(List.of("--name", "all"), "invalid name \"all\": \"all\" is reserved for every process"),
        Arguments.of(List.of("--name", "42"), "invalid name \"42\": a name made only of digits would shadow process IDs"),
        Arguments.of(List.of("--name", "../evil"), "invalid name \"../evil\": use only letters, digits"),
        Arguments.of(List.of("--name", "x".repeat(65)), "use at most 64 characters"),
        Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"));
  }

  /** Invalid arguments of every command, and what the user must read; all exit with status 1. */
  static Stream<Arguments> catalogue() {
    return Stream.of(
        row("Error: invalid shell \"fish\": expected bash or zsh", "completion", "fish"),
        row("Error: Missing required parameter: '<name|id|all>'", "delete"),
        row("Error: process \"ghost\" not found", "del", "ghost"),
        row("Error: Missing required parameter: '<name|id>'", "describe"),
        row("Error: Unmatched argument at index 2: '2'", "describe", "api", "2"),
        row("Error: Unknown option: '--bogus'", "export", "--bogus"),
        row("Error: process \"ghost\" not found", "export", "ghost"),
        row("Error: Missing required parameter: '<name|id|all>'", "flush"),
        row("Error: Unknown option: '--bogus'", "gui", "--bogus"),
        row("Error: Missing required parameter: 'file'", "import"),
        // the per-file warning goes to stdout (as in GoPM), the error to stderr
        row("cannot read ecosystem file: /no/such.json: no such file or directory", "import", "/no/such.json"),
        row("Error: Unknown option: '--bogus'", "install", "--bogus"),
        row("Error: Missing required parameter: '<name|id>'", "isrunning"),
        row("Error: Unknown option: '--bogus'", "kill", "--bogus"),
        row("Error: Unknown option: '--bogus'", "list", "--bogus"),
        row("Error: Unmatched argument at index 1: 'extra'", "ls", "extra"),
        row("Error: Invalid value for option '--lines': 'abc' is not an int", "logs", "api", "--lines", "abc"),
        row("Error: process \"ghost\" not found", "logs", "ghost"),
        row("Error: Unknown option: '--bogus'", "mcp", "--bogus"),
        row("Error: Missing required parameter: '<pid>'", "pid"),
        row("Error: invalid PID: abc", "pid", "abc"),
        row("Error: PID 999999999 — no such process", "pid", "999999999"),
        row("Error: Unknown option: '--bogus'", "ping", "--bogus"),
        row("Error: Unknown option: '--bogus'", "pm2", "--bogus"),
        row("Error: Unknown option: '--bogus'", "reboot", "--bogus"),
        row("Error: Missing required parameter: '<name|id|all>'", "restart"),
        row("Error: process \"ghost\" not found", "restart", "ghost"),
        row("Error: Unknown option: '--bogus'", "resurrect", "--bogus"),
        row("Error: Missing required parameter: '<binary|script|config.json>'", "start"),
        row("Error: invalid --hours 99: must be between 1 and 18", "stats", "--hours", "99"),
        row("Error: Invalid value for option '--hours': 'abc' is not an int", "stats", "--hours", "abc"),
        row("Error: Unknown option: '--bogus'", "status", "--bogus"),
        row("Error: Missing required parameter: '<name|id|all>'", "stop"),
        row("Error: process \"ghost\" not found", "stop", "ghost"),
        row("Error: Unknown option: '--bogus'", "suspend", "--bogus"),
        row("Error: Unknown option: '--bogus'", "uninstall", "--bogus"),
        row("Error: Unknown option: '--bogus'", "unsuspend", "--bogus"),
        row("Error: Invalid value for option '--interval': 'abc' is not an int", "watch", "--interval", "abc"));
  }

  private static Arguments row(String message, String... args) {
    return Arguments.of(List.of(args), message);
  }

  /** One daemon for the whole catalogue (a daemon per row would cost minutes of CI). */
  @org.junit.jupiter.api.TestFactory
  Stream<org.junit.jupiter.api.DynamicTest> everyCommandRefusesInvalidArgumentsClearlyAndChangesNothing() {
    gopm.awaitProcess("api", java.time.Duration.ofSeconds(30), p -> p.online());
    return catalogue().map(row -> {
      @SuppressWarnings("unchecked")
      List<String> args = (List<String>) row.get()[0];
      String message = (String) row.get()[1];
      return org.junit.jupiter.api.DynamicTest.dynamicTest("gopm " + String.join(" ", args), () -> {
        String dumpBefore = dump();
        List<String> processesBefore = processes();

        CliResult result = gopm.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dump()).as("dump.json unchanged by gopm %s", args).isEqualTo(dumpBefore);
        assertThat(processes()).as("processes unchanged by gopm %s", args).isEqualTo(processesBefore);
      });
    });
  }

  /**
   * {@code gopm console} hands every argument to {@code gopm-console}, so its only mistake of its
   * own is a console that is not there: checked with a copy of {@code gopm} that has none beside
   * it and none on {@code PATH} (the catalogue's {@code dist/gopm} may have one).
   */
  @Test
  void consoleWithoutTheConsoleInstalledSaysHowToGetItAndChangesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path bin)
      throws Exception {
    java.nio.file.Path copy = java.nio.file.Files.copy(gopm.gopm, bin.resolve("gopm"));
    String dumpBefore = dump();
    List<String> processesBefore = processes();
    ProcessBuilder builder = new ProcessBuilder(copy.toString(), "console", "ssh://deploy@web1");
    builder.environment().put("GOPM_HOME", gopm.home.toString());
    builder.environment().put("GOPM_NO_CDS", "1"); // no class-data archive recorded beside the copy
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output).isEqualTo("Error: the desktop console is not installed: build it with ./mvnw package"
        + " (dist/gopm-console) or put gopm-console next to gopm or on PATH\n");
    assertThat(dump()).isEqualTo(dumpBefore);
    assertThat(processes()).isEqualTo(processesBefore);
  }

  @Test
  void theCatalogueCoversEveryCommand() throws Exception {
    java.lang.reflect.Method all = Class.forName("io.gopm.cli.CommandCatalog").getDeclaredMethod("all");
    all.setAccessible(true);
    java.util.Set<String> covered = new java.util.HashSet<>();
    catalogue().forEach(row -> covered.add(((List<?>) row.get()[0]).get(0).toString()));
    covered.add("console"); // consoleWithoutTheConsoleInstalledSaysHowToGetItAndChangesNothing
    for (Object entry : (List<?>) all.invoke(null)) {
      java.lang.reflect.Method names = entry.getClass().getDeclaredMethod("names");
      names.setAccessible(true);
      List<?> aliases = (List<?>) names.invoke(entry);
      assertThat(aliases).as("a catalogue row for gopm %s", aliases).anyMatch(covered::contains);
    }
  }

  private String dump() throws Exception {
    java.nio.file.Path dump = gopm.home.resolve("dump.json");
    return java.nio.file.Files.exists(dump) ? java.nio.file.Files.readString(dump) : "";
  }

  private List<String> processes() {
    return gopm.list().stream().map(p -> p.id() + " " + p.name() + " " + p.status() + " " + p.pid()).toList();
  }

  @ParameterizedTest
  @MethodSource("invalidStarts")
  void invalidStartFlagsAreRefusedAndChangeNothing(List<String> flags, String message) {
    List<String> args = new java.util.ArrayList<>(List.of("start", gopm.testapp.toString()));
    if (!flags.contains("--name")) {
      args.addAll(List.of("--name", "new"));
    }
    args.addAll(flags);
    args.addAll(List.of("--", "--run-forever"));

    CliResult result = gopm.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.stderr()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(gopm.list()).extracting(p -> p.name()).containsExactly("api");
  }

  @Test
  void invalidInputIsAJsonErrorWithJson() {
    CliResult result = gopm.run("start", gopm.testapp.toString(), "--min-uptime", "5", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(gopm.tree(result.stdout()).get("error").asText())
        .isEqualTo("invalid --min-uptime \"5\": time: missing unit in duration \"5\"");
  }

  @Test
  void anInvalidDefaultNameAsksForOne() throws Exception {
    java.nio.file.Path odd = gopm.workDir.resolve("my app");
    java.nio.file.Files.copy(gopm.testapp, odd);

    CliResult result = gopm.run("start", odd.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("invalid name \"my app\"").contains("--name");
  }

  @Test
  void anUnknownCommandIsNamed() {
    CliResult result = gopm.run("strat", "api");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("unknown command \"strat\" for \"gopm\"").contains("gopm --help");
  }

  @Test
  void missingArgumentsShowUsage() {
    CliResult result = gopm.run("stop");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("Missing required parameter").contains("Usage:");
  }

  @Test
  void targetsOfEveryKindAreCheckedByTheDaemon() {
    for (String command : List.of("stop", "restart", "delete", "describe", "flush", "logs")) {
      CliResult result = gopm.run(command, "ghost");
      assertThat(result.exitCode()).as(command).isEqualTo(1);
      assertThat(result.stderr()).as(command).isEqualTo("Error: process \"ghost\" not found\n");
    }
    assertThat(gopm.process("api").online()).isTrue();
  }

  @Test
  void aMissingWorkingDirectoryIsRefused() {
    CliResult result = gopm.run("start", gopm.testapp.toString(), "--name", "lost", "--cwd", "/no/such/dir");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("start process: chdir /no/such/dir: no such file or directory");
    assertThat(gopm.find("lost")).isEmpty();
  }

  @Test
  void aFileThatIsNotExecutableIsRefusedWithAHint() throws Exception {
    java.nio.file.Path script = gopm.workDir.resolve("plain.sh");
    java.nio.file.Files.writeString(script, "echo hi\n");

    CliResult result = gopm.run("start", script.toString(), "--name", "plain");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("permission denied").contains("--interpreter");
  }

  @Test
  void anEcosystemFileThatDoesNotExistIsNamed() {
    CliResult result = gopm.run("start", "nowhere.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("failed to load ecosystem config: cannot read ecosystem file: " + gopm.workDir.resolve("nowhere.json")
            + ": no such file or directory");
  }
}
