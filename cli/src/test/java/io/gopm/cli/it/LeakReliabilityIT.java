package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, leaks: thousands of crash/restart cycles of a child that exits at once (restart delay
 * 0; 10,000 cycles in the long form) leave the daemon's open files, threads and heap (after a full
 * GC, through {@code jcmd}) where they were after a warm-up.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LeakReliabilityIT {

  /** Open files the daemon may have beyond its starting count (a log being rotated, a client). */
  private static final int FD_MARGIN = 2;
  /** Threads beyond the starting count (the JDK's process reapers idle out after a minute). */
  private static final int THREAD_MARGIN = 2;
  /** Heap after GC beyond the starting level: well under what 2,000 leaked runs of ~1 KB would hold. */
  private static final long HEAP_MARGIN_BYTES = 1024 * 1024;
  private static final int WARM_UP_CYCLES = 200;
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*\\S.*total \\d+K, used (\\d+)K");

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  /** The daemon's resources at one moment. */
  record Level(int openFiles, int threads, long heapBytes) {}

  @Test
  void crashRestartCyclesLeaveDescriptorsThreadsAndHeapWhereTheyWere() throws Exception {
    int cycles = ReliabilityBudget.current().pick(2000, 10_000);
    assertThat(jcmd).as("jcmd of the JDK running the tests").isExecutable();
    gopm.ok("start", "/bin/false", "--name", "crasher", "--restart-delay", "0");
    awaitRestarts(WARM_UP_CYCLES);
    gopm.ok("stop", "crasher");
    long daemon = gopm.daemonPid();
    Level before = settledLevel(daemon, null);

    long started = System.nanoTime();
    gopm.ok("restart", "crasher"); // resets the counter
    ProcessInfo last = awaitRestarts(cycles);
    double seconds = (System.nanoTime() - started) / 1e9;
    gopm.ok("stop", "crasher");
    Level after = settledLevel(daemon, before);

    System.out.printf("[leak] %d crash/restart cycles in %.1f s (%.0f/s); before %s, after %s%n",
        last.restarts(), seconds, last.restarts() / seconds, before, after);
    assertThat(gopm.daemonPid()).as("the same daemon throughout").isEqualTo(daemon);
    assertThat(after.openFiles()).as("open files").isLessThanOrEqualTo(before.openFiles() + FD_MARGIN);
    assertThat(after.threads()).as("threads").isLessThanOrEqualTo(before.threads() + THREAD_MARGIN);
    assertThat(after.heapBytes()).as("heap after GC").isLessThanOrEqualTo(before.heapBytes() + HEAP_MARGIN_BYTES);
  }

  private ProcessInfo awaitRestarts(int count) {
    Duration limit = Duration.ofSeconds(60 + count / 10);
    return gopm.awaitProcess("crasher", limit, p -> p.restarts() >= count);
  }

  /**
   * The level once it settles: with {@code target}, the first reading within the margins of it
   * (threads and descriptors of the last runs need a moment to go), or the last one at the deadline.
   */
  private Level settledLevel(long daemon, Level target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Level level = measure(daemon);
    while (System.nanoTime() < deadline && target != null && !within(level, target)) {
      Thread.sleep(500);
      level = measure(daemon);
    }
    return level;
  }

  private static boolean within(Level level, Level target) {
    return level.openFiles() <= target.openFiles() + FD_MARGIN
        && level.threads() <= target.threads() + THREAD_MARGIN
        && level.heapBytes() <= target.heapBytes() + HEAP_MARGIN_BYTES;
  }

  private Level measure(long daemon) throws IOException, InterruptedException {
    jcmd(daemon, "GC.run");
    String heap = jcmd(daemon, "GC.heap_info");
    Matcher used = HEAP_USED.matcher(heap);
    long kib = 0;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
    }
    assertThat(kib).as("heap in %s", heap).isPositive();
    return new Level(ProcessCensus.openFiles(daemon), ProcessCensus.threads(daemon), kib * 1024);
  }

  private String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jcmd %s", command).isTrue();
    assertThat(process.exitValue()).as("jcmd %d %s: %s", pid, command, out).isZero();
    return out;
  }
}
