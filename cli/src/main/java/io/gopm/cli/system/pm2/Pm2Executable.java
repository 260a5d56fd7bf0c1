package io.gopm.cli.system.pm2;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.format.GoDuration;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The user's {@code pm2} command, run with the CLI's environment (so the same {@code PM2_HOME},
 * the same PM2 daemon). Output goes to temporary files rather than pipes: the first {@code pm2}
 * call spawns PM2's daemon, which may keep inherited pipes open long after {@code pm2} has exited.
 */
public final class Pm2Executable {

  /** How long one {@code pm2} call may take (the first one also starts PM2's daemon). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Path path;
  private final Map<String, String> env;
  private final Duration timeout;

  public Pm2Executable(Path path, Map<String, String> env, Duration timeout) {
    this.path = path;
    this.env = env;
    this.timeout = timeout;
  }

  /**
   * The {@code pm2} found in {@code env}'s {@code PATH}, to be run with {@code env}.
   *
   * @throws Pm2Exception {@code pm2 not found in PATH}
   */
  public static Pm2Executable locate(Map<String, String> env) {
    return SearchPath.find("pm2", env.get("PATH"))
        .map(found -> new Pm2Executable(found, env, DEFAULT_TIMEOUT))
        .orElseThrow(() -> new Pm2Exception("pm2 not found in PATH"));
  }

  public Path path() {
    return path;
  }

  /**
   * The output of {@code pm2 jlist}: the processes PM2 knows (starting PM2's daemon if needed).
   *
   * @throws Pm2Exception {@code pm2 jlist failed: ...} or {@code cannot parse pm2 jlist output: ...}
   */
  public String jlist() {
    Result result = run("jlist");
    if (!result.ok()) {
      throw new Pm2Exception("pm2 jlist failed: " + result.failure());
    }
    return result.stdout();
  }

  /** Runs {@code pm2 delete <name>}, which removes every PM2 process of that name. */
  public Result delete(String name) {
    return run("delete", name);
  }

  /** What one {@code pm2} call did; {@code exitCode} is 124 on a timeout, 127 when it could not run. */
  public record Result(int exitCode, String stdout, String stderr) {

    public boolean ok() {
      return exitCode == 0;
    }

    /** Why it failed, in one line: the exit status and what {@code pm2} said (without colours). */
    public String failure() {
      String said = Ansi.strip(stderr.isBlank() ? stdout : stderr).strip();
      String status = exitCode == 124 || exitCode == 127 ? "" : "exit status " + exitCode;
      if (said.isEmpty()) {
        return status;
      }
      String oneLine = String.join(" ", said.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
      return status.isEmpty() ? oneLine : status + ": " + oneLine;
    }

    /** Everything {@code pm2} printed, without colours. */
    public String output() {
      return Ansi.strip((stdout + "\n" + stderr).strip());
    }
  }

  Result run(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(path.toString());
    argv.addAll(List.of(args));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("gopm-pm2-", ".out");
      err = Files.createTempFile("gopm-pm2-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(argv)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(124, "", "timed out after " + GoDuration.format(timeout));
      }
      return new Result(process.exitValue(), text(out), text(err));
    } catch (IOException e) {
      return new Result(127, "", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "", "interrupted");
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
  }
}
