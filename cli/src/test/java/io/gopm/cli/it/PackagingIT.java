package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build packs besides {@code dist/gopm}: the tar.gz with its own Java runtime (run here on
 * a machine view with no JDK: {@code PATH=/usr/bin:/bin}, a JAVA_HOME that does not exist), the
 * manual page and the bash completion script.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PackagingIT {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path workDir;
  private Path packageDir;
  private Path home;

  @BeforeEach
  void extractThePackage() throws Exception {
    Path dist = Path.of(System.getProperty("gopm.executable")).getParent();
    Path tarball;
    try (Stream<Path> files = Files.list(dist)) {
      tarball = files.filter(f -> f.getFileName().toString().matches("gopm-.+-linux-x64\\.tar\\.gz")).findFirst().orElseThrow(
          () -> new AssertionError("no gopm-VERSION-linux-x64.tar.gz in " + dist + ": the build makes it"));
    }
    Result untar = run(List.of("tar", "-xzf", tarball.toString(), "-C", workDir.toString()), List.of());
    assertThat(untar.exitCode()).as(untar.output()).isZero();
    try (Stream<Path> entries = Files.list(workDir)) {
      packageDir = entries.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    home = Files.createDirectories(workDir.resolve("home"));
  }

  @AfterEach
  void stopTheDaemon() throws Exception {
    if (Files.exists(home.resolve(".gopm/gopm.sock"))) {
      run(gopm("kill"), List.of());
    }
  }

  @Test
  void theTarballRunsWithItsOwnRuntimeOnAMachineWithoutJava() throws Exception {
    assertThat(packageDir.getFileName().toString()).matches("gopm-\\d+\\.\\d+\\.\\d+.*");
    assertThat(packageDir.resolve("runtime/bin/java")).isExecutable();
    assertThat(packageDir.resolve("bin/gopm")).isExecutable();

    Result version = run(gopm("--version"), List.of());
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output()).contains(packageDir.getFileName().toString().substring("gopm-".length()));

    Result start = run(gopm("start", "sleep", "--name", "nap", "--", "600"), List.of());
    assertThat(start.exitCode()).as(start.output()).isZero();
    Result list = run(gopm("list", "--json"), List.of());
    assertThat(list.output()).contains("\"name\":\"nap\"").contains("\"status\":\"online\"");

    long daemonPid = Long.parseLong(Files.readString(home.resolve(".gopm/daemon.pid")).trim());
    Path daemonJava = Files.readSymbolicLink(Path.of("/proc/" + daemonPid + "/exe"));
    assertThat(daemonJava).as("the daemon runs on the packaged runtime").startsWith(packageDir.resolve("runtime").toRealPath());

    Result kill = run(gopm("kill"), List.of());
    assertThat(kill.exitCode()).as(kill.output()).isZero();
  }

  @Test
  void theManualPageDescribesEveryCommand() throws Exception {
    Path page = packageDir.resolve("share/man/man1/gopm.1");
    String troff = Files.readString(page);
    assertThat(troff).startsWith(".TH GOPM 1 ").contains(".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS");
    for (String command : List.of("start", "stop", "restart", "delete", "list", "logs", "describe", "resurrect",
        "install", "pm2", "mcp", "completion", "isrunning", "kill")) {
      assertThat(troff).as("section for " + command).contains(".SS gopm " + command + " ");
    }
    assertThat(troff).as("troff lines starting with a dot are requests or escaped")
        .doesNotContainPattern("(?m)^\\.(?!TH|SH|SS|TP|B |BR |I |br|\\\\&)");
  }

  @Test
  void theBashCompletionCompletesCommandsAndOptions() throws Exception {
    Path script = packageDir.resolve("share/bash-completion/completions/gopm");
    String commands = complete(script, "gopm st");
    assertThat(commands.split(" ")).contains("start", "stop", "status", "stats");
    String options = complete(script, "gopm logs --l");
    assertThat(options.split(" ")).contains("--lines");
  }

  @Test
  void completionCommandPrintsTheScriptsAndRejectsOtherShells() throws Exception {
    Result bash = run(gopm("completion", "bash"), List.of());
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.output()).contains("complete -F _complete_gopm");
    Result zsh = run(gopm("completion", "zsh"), List.of());
    assertThat(zsh.output()).contains("bashcompinit").contains("_complete_gopm");
    Result fish = run(gopm("completion", "fish"), List.of());
    assertThat(fish.exitCode()).isEqualTo(1);
    assertThat(fish.output()).contains("fish").contains("bash or zsh").doesNotContain("Exception");
  }

  private String complete(Path script, String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    String bash = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
        + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_gopm 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Result result = run(List.of("bash", "-c", bash), List.of());
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().strip();
  }

  private List<String> gopm(String... args) {
    List<String> command = new ArrayList<>(List.of(packageDir.resolve("bin/gopm").toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs with nothing of the build machine's Java in sight. */
  private Result run(List<String> command, List<String> extraEnv) throws Exception {
    List<String> full = new ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + (home == null ? workDir : home),
        "JAVA_HOME=/nonexistent", "NO_COLOR=1"));
    full.addAll(extraEnv);
    full.addAll(command);
    Path output = Files.createTempFile(workDir, "out", ".txt");
    Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {}
}
