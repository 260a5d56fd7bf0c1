package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.SocketDaemonClient;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private GoPM world for one test: its own {@code GOPM_HOME} (short, under /tmp, because Unix
 * socket paths are limited to ~108 bytes), the real {@code dist/gopm} and the real {@code testapp}.
 * Afterwards the daemon is killed and every process it started is gone.
 */
final class GopmEnvironment implements BeforeEachCallback, AfterEachCallback {

  /** The longest a single CLI call may take before the test fails. */
  static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

  final Path gopm = Path.of(requiredProperty("gopm.executable"));
  final Path testapp = Path.of(requiredProperty("testapp.executable"));
  final JsonCodec codec = new JsonCodec();
  private final Map<String, String> extraEnv = new HashMap<>();
  Path home;
  Path workDir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    assertThat(gopm).as("dist/gopm is built by `./mvnw package`").isExecutable();
    assertThat(testapp).as("testapp is built by `./mvnw package`").isExecutable();
    home = Files.createTempDirectory(Path.of("/tmp"), "gopm-it-");
    workDir = Files.createDirectories(home.resolveSibling(home.getFileName() + "-work"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Set<Long> pids = new HashSet<>(descendantPidsOfDaemon());
    if (Files.exists(home.resolve("gopm.sock"))) {
      run("kill");
    }
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (!context.getExecutionException().isPresent()) {
      deleteTree(home);
      deleteTree(workDir);
    } else {
      System.err.println("[it] kept " + home + " for inspection; daemon.log:\n" + daemonLog());
    }
  }

  /** Sets an environment variable for every later CLI call (and so for a daemon it starts). */
  void env(String name, String value) {
    extraEnv.put(name, value);
  }

  GopmHome gopmHome() {
    return new GopmHome(home);
  }

  /** Runs {@code gopm args...} in {@link #workDir} and waits for it. */
  CliResult run(String... args) {
    return runIn(workDir, args);
  }

  CliResult runIn(Path dir, String... args) {
    Process process = startCli(dir, args);
    try {
      process.getOutputStream().close();
      StreamCollector out = new StreamCollector(process.getInputStream());
      StreamCollector err = new StreamCollector(process.getErrorStream());
      if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("gopm " + String.join(" ", args) + " did not finish in " + CLI_TIMEOUT);
      }
      return new CliResult(process.exitValue(), out.text(), err.text());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Runs {@code gopm args...} with a pseudo-terminal as its stdout (through util-linux {@code
   * script}), as a person at a terminal would; the output as the terminal received it.
   */
  CliResult runInTerminal(Map<String, String> env, String... args) {
    StringBuilder command = new StringBuilder();
    for (String part : java.util.stream.Stream.concat(java.util.stream.Stream.of(gopm.toString()), java.util.Arrays.stream(args)).toList()) {
      command.append('\'').append(part.replace("'", "'\\''")).append("' ");
    }
    List<String> scriptCommand = List.of("script", "-q", "-e", "-c", command.toString().trim(), "/dev/null");
    ProcessBuilder builder = new ProcessBuilder(scriptCommand).directory(workDir.toFile());
    builder.environment().put("GOPM_HOME", home.toString());
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(extraEnv);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      StreamCollector out = new StreamCollector(process.getInputStream());
      StreamCollector err = new StreamCollector(process.getErrorStream());
      if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("gopm " + String.join(" ", args) + " (in a terminal) did not finish");
      }
      return new CliResult(process.exitValue(), out.text().replace("\r\n", "\n"), err.text());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code gopm args...} and asserts it succeeded; its stdout. */
  String ok(String... args) {
    CliResult result = run(args);
    assertThat(result.exitCode()).as("gopm %s\n%s", String.join(" ", args), result.output()).isZero();
    return result.stdout();
  }

  /** Starts {@code gopm args...} without waiting (for {@code logs -f}). */
  Process startCli(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(gopm.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("GOPM_HOME", home.toString());
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(extraEnv);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Starts a testapp child under GoPM: {@code gopm start <testapp> --name NAME flags -- appArgs}. */
  ProcessInfo startApp(String name, List<String> flags, String... appArgs) {
    List<String> args = new ArrayList<>(List.of("start", testapp.toString(), "--name", name, "--json"));
    args.addAll(flags);
    args.add("--");
    args.addAll(List.of(appArgs));
    String out = ok(args.toArray(String[]::new));
    return parse(out.strip(), ProcessInfo.class);
  }

  /** Starts a bash script under GoPM ({@code --interpreter bash}), with extra flags. */
  ProcessInfo startAppScript(String name, Path script, String... flags) {
    List<String> args = new ArrayList<>(List.of("start", script.toString(), "--interpreter", "bash", "--name", name, "--json"));
    args.addAll(List.of(flags));
    return parse(ok(args.toArray(String[]::new)).strip(), ProcessInfo.class);
  }

  /** The daemon's process list, asked over the socket (fast enough to poll). */
  List<ProcessInfo> list() {
    try (DaemonClient client = client()) {
      return client.call(RpcMethods.LIST, ListRequest.PLAIN);
    }
  }

  Optional<ProcessInfo> find(String name) {
    return list().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  ProcessInfo process(String name) {
    return find(name).orElseThrow(() -> new AssertionError("no process " + name + " in " + list()));
  }

  /** Polls the named process until {@code condition} holds; the matching state. */
  ProcessInfo awaitProcess(String name, Duration timeout, Predicate<ProcessInfo> condition) {
    ProcessInfo[] last = new ProcessInfo[1];
    await(timeout)
        .alias(name + " to reach the expected state (last seen: " + java.util.Arrays.toString(last) + ")")
        .until(
            () -> {
              last[0] = find(name).orElse(null);
              return last[0] != null && condition.test(last[0]);
            });
    return last[0];
  }

  /** Polls a file until it contains {@code text}. */
  void awaitFileContains(Path file, String text, Duration timeout) {
    await(timeout).alias(file + " to contain " + text).until(() -> read(file).contains(text));
  }

  static ConditionFactory await(Duration timeout) {
    return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO).ignoreExceptions();
  }

  /** A direct protocol connection to the running daemon. */
  DaemonClient client() {
    try {
      return SocketDaemonClient.connect(home.resolve("gopm.sock"), new RpcMessages(codec), "it", line -> {});
    } catch (IOException e) {
      throw new AssertionError("no daemon listening in " + home, e);
    }
  }

  <T> T parse(String json, Class<T> type) {
    try {
      return codec.read(json, type);
    } catch (IOException e) {
      throw new AssertionError("not " + type.getSimpleName() + " JSON: " + json, e);
    }
  }

  JsonNode tree(String json) {
    try {
      return codec.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  Path logFile(String name, String stream) {
    return home.resolve("logs").resolve(name + "-" + stream + ".log");
  }

  String daemonLog() {
    return read(home.resolve("daemon.log"));
  }

  long daemonPid() {
    return Long.parseLong(read(home.resolve("daemon.pid")).trim());
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  static boolean alive(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return false;
    }
    // a zombie is not alive; its state is the third field of /proc/PID/stat
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    int close = stat.lastIndexOf(')');
    return close < 0 || stat.length() <= close + 2 || stat.charAt(close + 2) != 'Z';
  }

  /** Every live process whose process group is {@code pgid}. */
  static List<Long> processGroupMembers(long pgid) {
    List<Long> members = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat = read(entry.resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (close < 0) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        if (fields.length > 2 && fields[2].equals(Long.toString(pgid)) && !fields[0].equals("Z")) {
          members.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return members;
  }

  private List<Long> descendantPidsOfDaemon() {
    try {
      long pid = daemonPid();
      return ProcessHandle.of(pid).map(h -> h.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the integration tests through Maven (./mvnw verify)");
    }
    return value;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Reads a stream to its end on a thread of its own. */
  static final class StreamCollector {
    private final Thread thread;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    StreamCollector(InputStream in) {
      thread =
          new Thread(
              () -> {
                try (in) {
                  in.transferTo(bytes);
                } catch (IOException ignored) {
                  // the process ended
                }
              },
              "it-stream");
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(CLI_TIMEOUT.toMillis());
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
