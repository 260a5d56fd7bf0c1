package io.gopm.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A real GoPM daemon for one test: its own {@code GOPM_HOME} (short, under /tmp: socket paths are
 * limited), driven through the real {@code dist/gopm}, with real {@code testapp} children. Closing
 * kills the daemon and everything it started.
 */
final class GopmDaemon implements AutoCloseable {

  static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

  final Path gopm = Path.of(required("gopm.executable"));
  final Path testapp = Path.of(required("testapp.executable"));
  final Path home;
  final JsonCodec codec = new JsonCodec();

  GopmDaemon() throws IOException {
    assertThat(gopm).as("dist/gopm is built by the cli module (./mvnw package)").isExecutable();
    assertThat(testapp).as("testapp/target/testapp is built by ./mvnw package").isExecutable();
    home = Files.createTempDirectory(Path.of("/tmp"), "gopm-cfx-");
  }

  /** Starts the daemon (a stats snapshot every second, so charts have history at once). */
  GopmDaemon start() {
    ok("ping");
    return this;
  }

  Path socket() {
    return home.resolve("gopm.sock");
  }

  long daemonPid() {
    try {
      return Long.parseLong(Files.readString(home.resolve("daemon.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** {@code gopm start <testapp> --name NAME flags -- appArgs}. */
  void startApp(String name, List<String> flags, String... appArgs) {
    List<String> args = new ArrayList<>(List.of("start", testapp.toString(), "--name", name));
    args.addAll(flags);
    args.add("--");
    args.addAll(List.of(appArgs));
    ok(args.toArray(String[]::new));
  }

  /** {@code gopm list --json}, as the user would check it. */
  List<JsonNode> list() {
    try {
      JsonNode array = codec.readTree(ok("list", "--json"));
      List<JsonNode> out = new ArrayList<>();
      array.forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Optional<JsonNode> process(String name) {
    return list().stream().filter(p -> p.path("name").asText().equals(name)).findFirst();
  }

  String ok(String... args) {
    Result result = run(args);
    assertThat(result.exit).as("gopm %s\n%s%s", String.join(" ", args), result.out, result.err).isZero();
    return result.out;
  }

  Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(gopm.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().put("GOPM_HOME", home.toString());
    builder.environment().put("GOPM_STATS_INTERVAL", "1s");
    builder.environment().put("NO_COLOR", "1");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      Collector out = new Collector(process.getInputStream());
      Collector err = new Collector(process.getErrorStream());
      if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("gopm " + String.join(" ", args) + " did not finish in " + CLI_TIMEOUT);
      }
      return new Result(process.exitValue(), out.text(), err.text());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static ConditionFactory await(Duration timeout) {
    return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).pollDelay(Duration.ZERO).ignoreExceptions();
  }

  String daemonLog() {
    try {
      return Files.readString(home.resolve("daemon.log"));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    Set<Long> pids = new HashSet<>();
    long daemon = daemonPid();
    ProcessHandle.of(daemon).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
    if (Files.exists(socket())) {
      run("kill");
    }
    ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the integration tests through Maven (./mvnw verify)");
    }
    return value;
  }

  record Result(int exit, String out, String err) {}

  private static final class Collector {
    private final Thread thread;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Collector(InputStream in) {
      thread = new Thread(() -> {
        try (in) {
          in.transferTo(bytes);
        } catch (IOException ignored) {
          // the process ended
        }
      }, "it-stream");
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
