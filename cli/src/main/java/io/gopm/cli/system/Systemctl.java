package io.gopm.cli.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code systemctl} and reports failures with its output. */
public final class Systemctl {

  private static final long TIMEOUT_SECONDS = 120;

  private final String command;

  public Systemctl(String command) {
    this.command = command;
  }

  /** The outcome of one call. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code systemctl args...}; a command that cannot run at all has exit code 127. */
  public Result run(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(124, "timed out after " + TIMEOUT_SECONDS + "s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return new Result(127, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "interrupted");
    }
  }

  /** True when the command can be run at all. */
  public boolean available() {
    return run("--version").exitCode() != 127;
  }
}
