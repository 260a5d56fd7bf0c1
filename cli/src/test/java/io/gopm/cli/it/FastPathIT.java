package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast path of {@code list --json}, {@code isrunning} and {@code ping} (docs/adr/0021) against
 * the full picocli CLI ({@code -Dgopm.fastpath=false}), on a real daemon: the same stdout, stderr
 * and exit status, byte for byte but for the figures that tick between two runs ({@link #TICKS}),
 * and the fast path really skips picocli and Jackson databind.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FastPathIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FULL_CLI = "-Dgopm.fastpath=false";

  /**
   * Memory and CPU are re-sampled and human uptimes advance between two runs (also for an errored
   * process: the time since its last start); every other byte must be the same.
   */
  private static final UnaryOperator<String> TICKS =
      text -> text.replaceAll("\"memory\":\\d+", "\"memory\":M")
          .replaceAll("\"cpu\":[0-9.E-]+", "\"cpu\":C")
          .replaceAll("uptime(_ms|_seconds)?(\":|:| )\"?[0-9a-z ]+", "uptime$1$2U");

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @BeforeEach
  void daemonRuns() {
    gopm.ok("ping"); // started before any GOPM_JAVA_OPTS is set, so the daemon runs without them
  }

  @Test
  void bothPathsPrintTheSameForStoppedErroredAndUnknownProcessesAndBadArguments() {
    gopm.startApp("down", List.of(), "--run-forever");
    gopm.ok("stop", "down");
    gopm.startApp("bad", List.of("--autorestart", "on-failure", "--max-restarts", "1", "--restart-delay", "100ms"),
        "--crash-after", "100ms", "--exit-code", "3");
    gopm.awaitProcess("bad", WAIT, p -> p.status() == ProcessStatus.ERRORED);

    for (String[] args :
        List.of(
            new String[] {"list", "--json"},
            new String[] {"--json", "ls"},
            new String[] {"isrunning", "down"},
            new String[] {"isrunning", "bad"},
            new String[] {"isrunning", "1", "--json"},
            new String[] {"isrunning", "naïve \"q\""},
            new String[] {"--json", "isrunning", "naïve \"q\""},
            new String[] {"isrunning"},
            new String[] {"ping", "extra"})) {
      assertBothPathsAgree(args);
    }
  }

  @Test
  void bothPathsPrintTheSameForOnlineProcessesAndThePing() {
    gopm.startApp("up", List.of(), "--run-forever");
    gopm.awaitProcess("up", WAIT, p -> p.status() == ProcessStatus.ONLINE);

    assertBothPathsAgree("list", "--json");
    assertBothPathsAgree("isrunning", "up");
    assertBothPathsAgree("isrunning", "up", "--json");
    assertBothPathsAgree("ping");
    assertBothPathsAgree("ping", "--json");
  }

  @Test
  void theFastPathLoadsNeitherPicocliNorJacksonDatabind() {
    gopm.startApp("up", List.of(), "--run-forever");
    for (String[] args : List.of(new String[] {"list", "--json"}, new String[] {"isrunning", "up"}, new String[] {"ping"})) {
      String classes = classesLoadedBy("", args);
      assertThat(classes).as("classes loaded by gopm %s", String.join(" ", args))
          .contains("io.gopm.cli.fast.FastPath ")
          .doesNotContain("picocli.CommandLine ")
          .doesNotContain("com.fasterxml.jackson.databind.");
    }
    assertThat(classesLoadedBy(FULL_CLI, "isrunning", "up")).as("the full CLI, for contrast").contains("picocli.CommandLine ");
  }

  /** Runs {@code gopm args} on the fast path, then on the full CLI, and compares the two. */
  private void assertBothPathsAgree(String... args) {
    CliResult fast = runWith("", args);
    CliResult full = runWith(FULL_CLI, args);
    String command = "gopm " + String.join(" ", args);
    assertThat(fast.exitCode()).as("exit status of %s\nfast: %s\nfull: %s", command, fast.output(), full.output())
        .isEqualTo(full.exitCode());
    assertThat(TICKS.apply(fast.stdout())).as("stdout of %s", command).isEqualTo(TICKS.apply(full.stdout()));
    assertThat(fast.stderr()).as("stderr of %s", command).isEqualTo(full.stderr());
  }

  private CliResult runWith(String javaOptions, String... args) {
    gopm.env("GOPM_JAVA_OPTS", javaOptions);
    try {
      return gopm.run(args);
    } finally {
      gopm.env("GOPM_JAVA_OPTS", "");
    }
  }

  /** The JVM's class-loading log of one run. */
  private String classesLoadedBy(String javaOptions, String... args) {
    Path log = gopm.home.resolve("classes-" + System.nanoTime() + ".log");
    CliResult result = runWith(javaOptions + " -Xlog:class+load=info:file=" + log, args);
    assertThat(result.stderr()).as(result.output()).isEmpty();
    return GopmEnvironment.read(log);
  }
}
