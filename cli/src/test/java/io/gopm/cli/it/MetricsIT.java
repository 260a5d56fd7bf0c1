package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 7: CPU and memory of online children, sampled from /proc every two seconds. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetricsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long MIB = 1024 * 1024;

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void memoryOfAnAllocatingChildIsReported() {
    gopm.startApp("hog", List.of(), "--run-forever", "--alloc-mb", "64");
    gopm.awaitFileContains(gopm.logFile("hog", "out"), "testapp ready", WAIT);

    ProcessInfo hog = gopm.awaitProcess("hog", WAIT, p -> p.memory() > 64 * MIB);

    // the JVM of testapp adds its own few tens of MiB to the 64 MiB it touched
    assertThat(hog.memory()).isBetween(64 * MIB, 400 * MIB);
  }

  @Test
  void cpuOfABusyChildIsReported() {
    gopm.startApp("burner", List.of(), "--run-forever", "--cpu-burn", "1");

    ProcessInfo burner = gopm.awaitProcess("burner", WAIT, p -> p.cpu() > 20);

    assertThat(burner.cpu()).isLessThan(250);
    assertThat(gopm.ok("list")).containsPattern("│ \\d+\\.\\d% ");
  }

  @Test
  void aStoppedProcessShowsNoMetrics() {
    gopm.startApp("idle", List.of(), "--run-forever");
    gopm.awaitProcess("idle", WAIT, p -> p.memory() > 0);

    gopm.ok("stop", "idle");

    ProcessInfo idle = gopm.process("idle");
    assertThat(idle.memory()).isZero();
    assertThat(idle.cpu()).isZero();
    assertThat(gopm.ok("list")).contains("│ 0  │ idle │ stopped │ -   │ -   │ -      │ 0       │ -      │");
  }
}
