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
 * changes nothing.
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
