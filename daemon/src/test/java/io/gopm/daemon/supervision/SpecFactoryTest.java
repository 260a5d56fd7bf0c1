package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.format.Sizes;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpecFactoryTest {

  private static final Path DAEMON_CWD = Path.of("/srv/deploy");
  private static final Path LOGS = Path.of("/home/deploy/.gopm/logs");
  private static final long MAX_LOG = 4096;

  private final SpecFactory factory = new SpecFactory(DAEMON_CWD, LOGS, MAX_LOG);

  private static StartRequest request(
      String command, String name, String cwd, String logOut, String logErr, String maxLogSize) {
    return new StartRequest(
        command, name, List.of(), cwd, null, null, null, null, null, null, null, null, null, logOut,
        logErr, maxLogSize);
  }

  @Test
  void fillsEveryDefaultForABareRequest() {
    ProcessSpec spec = factory.fromRequest(StartRequest.of("/usr/bin/python3", null, List.of("app.py", "-v")));

    assertThat(spec.name()).isEqualTo("python3");
    assertThat(spec.command()).isEqualTo("/usr/bin/python3");
    assertThat(spec.args()).containsExactly("app.py", "-v");
    assertThat(spec.cwd()).isEqualTo(DAEMON_CWD);
    assertThat(spec.env()).isEmpty();
    assertThat(spec.interpreter()).isEmpty();
    assertThat(spec.policy()).isEqualTo(RestartPolicy.DEFAULTS);
    assertThat(spec.logOut()).isEqualTo(LOGS.resolve("python3-out.log"));
    assertThat(spec.logErr()).isEqualTo(LOGS.resolve("python3-err.log"));
    assertThat(spec.maxLogSize()).isEqualTo(MAX_LOG);
  }

  @ParameterizedTest
  @CsvSource({
    "/usr/bin/node, node",
    "node, node",
    "./bin/server, server",
    "/opt/app/, app",
    "/opt/app///, app",
    "bin/my-app.v2, my-app.v2",
  })
  void theDefaultNameIsTheLastElementOfTheCommand(String command, String expected) {
    assertThat(factory.fromRequest(StartRequest.of(command, null, List.of())).name()).isEqualTo(expected);
    assertThat(SpecFactory.defaultName(command)).isEqualTo(expected);
  }

  @Test
  void aGivenNameWinsOverTheCommandAndNamesTheLogFiles() {
    ProcessSpec spec = factory.fromRequest(StartRequest.of("/usr/bin/node", "api", List.of()));

    assertThat(spec.name()).isEqualTo("api");
    assertThat(spec.logOut()).isEqualTo(LOGS.resolve("api-out.log"));
    assertThat(spec.logErr()).isEqualTo(LOGS.resolve("api-err.log"));
  }

  @Test
  void aBlankNameMeansTheDefaultName() {
    assertThat(factory.fromRequest(StartRequest.of("/usr/bin/node", "  ", List.of())).name())
        .isEqualTo("node");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/opt/my app", "/opt/über", "/opt/.hidden", "/opt/all", "/opt/1234"})
  void anInvalidDefaultNameAsksForAnExplicitName(String command) {
    assertThatThrownBy(() -> factory.fromRequest(StartRequest.of(command, null, List.of())))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> {
              assertThat(e.field()).isEqualTo("name");
              assertThat(e.value()).isEqualTo(command.substring("/opt/".length()));
              assertThat(e.getMessage()).contains("--name").contains("default name comes from the command");
            });
  }

  @Test
  void anInvalidDefaultNameIsFineWhenANameIsGiven() {
    ProcessSpec spec = factory.fromRequest(StartRequest.of("/opt/my app", "myapp", List.of()));

    assertThat(spec.name()).isEqualTo("myapp");
    assertThat(spec.command()).isEqualTo("/opt/my app");
  }

  @Test
  void anInvalidGivenNameIsRefused() {
    assertThatThrownBy(() -> factory.fromRequest(StartRequest.of("/usr/bin/node", "a b", List.of())))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  void aMissingCommandIsRefused() {
    assertThatThrownBy(() -> factory.fromRequest(StartRequest.of(" ", "api", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command is required");
  }

  @ParameterizedTest
  @CsvSource({
    "sub/dir, /srv/deploy/sub/dir",
    "./sub, /srv/deploy/sub",
    "../other, /srv/other",
    "/var/app, /var/app",
    "/var/app/../lib, /var/lib",
  })
  void aGivenCwdIsResolvedAgainstTheDaemonCwd(String cwd, String expected) {
    ProcessSpec spec = factory.fromRequest(request("/usr/bin/node", "api", cwd, null, null, null));

    assertThat(spec.cwd()).isEqualTo(Path.of(expected));
  }

  @Test
  void relativeLogPathsAreResolvedAgainstTheProcessCwd() {
    ProcessSpec spec =
        factory.fromRequest(request("/usr/bin/node", "api", "app", "logs/out.txt", "../err.txt", null));

    assertThat(spec.logOut()).isEqualTo(Path.of("/srv/deploy/app/logs/out.txt"));
    assertThat(spec.logErr()).isEqualTo(Path.of("/srv/deploy/err.txt"));
  }

  @Test
  void absoluteLogPathsAreKept() {
    ProcessSpec spec =
        factory.fromRequest(request("/usr/bin/node", "api", "app", "/var/log/api.out", "/var/log/api.err", null));

    assertThat(spec.logOut()).isEqualTo(Path.of("/var/log/api.out"));
    assertThat(spec.logErr()).isEqualTo(Path.of("/var/log/api.err"));
  }

  @Test
  void defaultLogPathsIgnoreTheProcessCwd() {
    ProcessSpec spec = factory.fromRequest(request("/usr/bin/node", "api", "app", "", " ", null));

    assertThat(spec.logOut()).isEqualTo(LOGS.resolve("api-out.log"));
    assertThat(spec.logErr()).isEqualTo(LOGS.resolve("api-err.log"));
  }

  @ParameterizedTest
  @CsvSource({"10M, 10485760", "500K, 512000", "2048, 2048", "1g, 1073741824"})
  void aGivenMaxLogSizeIsParsed(String size, long expected) {
    ProcessSpec spec = factory.fromRequest(request("/usr/bin/node", "api", null, null, null, size));

    assertThat(spec.maxLogSize()).isEqualTo(expected);
  }

  @Test
  void anInvalidMaxLogSizeIsRefusedNamingTheField() {
    assertThatThrownBy(() -> factory.fromRequest(request("/usr/bin/node", "api", null, null, null, "lots")))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("max_log_size"));
  }

  @Test
  void theRequestPolicyIsApplied() {
    StartRequest request =
        new StartRequest(
            "/usr/bin/node", "api", List.of(), null, Map.of("B", "2", "A", "1"), "/usr/bin/env",
            "on-failure", 3, "1s", "300ms", true, "10s", "7s", null, null, null);

    ProcessSpec spec = factory.fromRequest(request);

    assertThat(spec.policy())
        .isEqualTo(
            new RestartPolicy(
                AutoRestart.ON_FAILURE, 3, Duration.ofSeconds(1), Duration.ofMillis(300), true,
                Duration.ofSeconds(10), 15, Duration.ofSeconds(7)));
    assertThat(spec.interpreter()).isEqualTo("/usr/bin/env");
    assertThat(spec.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
  }

  // ---- fromSaved

  private static ProcessInfo saved(String cwd, String logOut, String logErr, long maxLogSize) {
    RestartPolicy policy =
        new RestartPolicy(
            AutoRestart.NEVER, 4, Duration.ZERO, Duration.ofMillis(250), true, Duration.ofMinutes(2), 15,
            Duration.ofSeconds(9));
    return new ProcessInfo(
        17, "worker", "/usr/bin/python3", List.of("worker.py", "--fast"), cwd,
        Map.of("QUEUE", "jobs", "DEBUG", "1"), "/usr/bin/env", ProcessStatus.ERRORED, "boom", 0,
        policy, 4, Instant.parse("2026-02-05T01:00:00Z"), Instant.parse("2026-02-04T01:00:00Z"), 3,
        0, 0, List.of(), logOut, logErr, maxLogSize);
  }

  @Test
  void fromSavedKeepsPolicyEnvArgsAndInterpreter() {
    ProcessInfo info = saved("/srv/worker", "/var/log/w.out", "/var/log/w.err", 777);

    ProcessSpec spec = factory.fromSaved(info);

    assertThat(spec.name()).isEqualTo("worker");
    assertThat(spec.command()).isEqualTo("/usr/bin/python3");
    assertThat(spec.args()).containsExactly("worker.py", "--fast");
    assertThat(spec.env()).containsExactly(Map.entry("DEBUG", "1"), Map.entry("QUEUE", "jobs"));
    assertThat(spec.interpreter()).isEqualTo("/usr/bin/env");
    assertThat(spec.policy()).isEqualTo(info.restartPolicy());
    assertThat(spec.policy().minUptime()).as("a saved zero stays zero").isZero();
    assertThat(spec.cwd()).isEqualTo(Path.of("/srv/worker"));
    assertThat(spec.logOut()).isEqualTo(Path.of("/var/log/w.out"));
    assertThat(spec.logErr()).isEqualTo(Path.of("/var/log/w.err"));
    assertThat(spec.maxLogSize()).isEqualTo(777);
  }

  @Test
  void fromSavedFillsMissingCwdLogsAndSizeWithDefaults() {
    ProcessSpec spec = factory.fromSaved(saved("", "", "", 0));

    assertThat(spec.cwd()).isEqualTo(DAEMON_CWD);
    assertThat(spec.logOut()).isEqualTo(LOGS.resolve("worker-out.log"));
    assertThat(spec.logErr()).isEqualTo(LOGS.resolve("worker-err.log"));
    assertThat(spec.maxLogSize()).isEqualTo(MAX_LOG);
  }

  @Test
  void fromSavedResolvesRelativeLogPathsAgainstTheSavedCwd() {
    ProcessSpec spec = factory.fromSaved(saved("/srv/worker", "out.log", "logs/err.log", 0));

    assertThat(spec.logOut()).isEqualTo(Path.of("/srv/worker/out.log"));
    assertThat(spec.logErr()).isEqualTo(Path.of("/srv/worker/logs/err.log"));
  }

  @Test
  void fromSavedRefusesAnInvalidName() {
    ProcessInfo info = saved("/srv", "", "", 0);
    ProcessInfo bad =
        new ProcessInfo(
            info.id(), "../escape", info.command(), info.args(), info.cwd(), info.env(),
            info.interpreter(), info.status(), info.statusReason(), info.pid(), info.restartPolicy(),
            info.restarts(), info.uptime(), info.createdAt(), info.exitCode(), info.memory(),
            info.cpu(), info.listeners(), info.logOut(), info.logErr(), info.maxLogSize());

    assertThatThrownBy(() -> factory.fromSaved(bad)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void theDefaultMaxLogSizeOfTheDaemonIsUsedWhenNoneIsGiven() {
    SpecFactory standard = new SpecFactory(DAEMON_CWD, LOGS, Sizes.DEFAULT_MAX_LOG_SIZE);

    assertThat(standard.fromRequest(StartRequest.of("/usr/bin/node", null, List.of())).maxLogSize())
        .isEqualTo(1024 * 1024);
  }
}
