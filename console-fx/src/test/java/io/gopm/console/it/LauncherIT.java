package io.gopm.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dist/gopm-console}, the self-running file: its options are read before any window opens. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherIT {

  private final Path console = Path.of(System.getProperty("gopm.console.executable", "../dist/gopm-console"));

  private final Path gopm = Path.of(System.getProperty("gopm.executable", "../dist/gopm"));

  private String[] run(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(console.toString()));
    command.addAll(List.of(args));
    return exec(command);
  }

  private static String[] exec(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String[] {Integer.toString(process.exitValue()), out};
  }

  @Test
  void printsItsVersionAndHelpWithoutADisplay() throws Exception {
    assertThat(console).as("built by the console-fx module's package phase").isExecutable();

    assertThat(run("--version")).containsExactly("0", "gopm-console 0.1.0\n");
    String[] help = run("--help");
    assertThat(help[0]).isEqualTo("0");
    assertThat(help[1]).startsWith("Usage: gopm-console [options] [target...]").contains("ssh://[user@]host[:port]");
  }

  @Test
  void refusesAMistakeWithStatusTwo() throws Exception {
    String[] result = run("--interval", "5");

    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).isEqualTo("Error: invalid --interval \"5\": time: missing unit in duration \"5\"\n");
  }

  @Test
  void gopmConsoleStartsTheConsoleBesideItWithTheSameArguments() throws Exception {
    assertThat(gopm.resolveSibling("gopm-console")).as("dist/gopm and dist/gopm-console side by side").isExecutable();

    assertThat(exec(List.of(gopm.toString(), "console", "--version"))).containsExactly("0", "gopm-console 0.1.0\n");
    assertThat(exec(List.of(gopm.toString(), "console", "--interval", "5")))
        .containsExactly("2", "Error: invalid --interval \"5\": time: missing unit in duration \"5\"\n");
  }
}
