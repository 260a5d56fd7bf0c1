package io.gopm.daemon.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.daemon.supervision.OutputSink;
import io.gopm.protocol.model.LogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcessLogsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-05T01:31:20.847Z"), ZoneOffset.UTC);
  private static final String PREFIX = "2026-02-05T01:31:20.847Z ";

  @TempDir Path dir;
  private final LogBroadcaster broadcaster = new LogBroadcaster();
  private final AtomicInteger writeErrors = new AtomicInteger();

  private ProcessLogs open(Path out, Path err) throws IOException {
    return ProcessLogs.open("api", out, err, 1024 * 1024, 3, broadcaster, CLOCK, ZoneOffset.UTC, writeErrors::incrementAndGet);
  }

  private static void feed(OutputSink sink, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    sink.accept(bytes, 0, bytes.length);
  }

  @Test
  void actionWritesATimestampedGopmLineToTheErrLogOnly() throws IOException {
    Path out = dir.resolve("api-out.log");
    Path err = dir.resolve("api-err.log");
    try (ProcessLogs logs = open(out, err)) {
      logs.action("process started (PID 24463)");
      logs.action("max restarts reached (exit code 3) — giving up after 2 restarts");
    }

    assertThat(Files.readString(err, UTF_8))
        .isEqualTo(
            PREFIX + "[gopm] process started (PID 24463)\n"
                + PREFIX + "[gopm] max restarts reached (exit code 3) — giving up after 2 restarts\n");
    assertThat(out).isEmptyFile();
    assertThat(writeErrors).hasValue(0);
  }

  @Test
  void actionLinesAreSentToFollowersOfTheErrStream() throws Exception {
    LogBroadcaster.Subscription err = broadcaster.subscribe("api"::equals, ProcessLogs.ERR, 10);
    LogBroadcaster.Subscription out = broadcaster.subscribe("api"::equals, ProcessLogs.OUT, 10);
    try (ProcessLogs logs = open(dir.resolve("o.log"), dir.resolve("e.log"))) {
      logs.action("process exited with code 3");
    }

    assertThat(err.poll(0, TimeUnit.MILLISECONDS))
        .isEqualTo(new LogLine("api", "err", PREFIX + "[gopm] process exited with code 3", 0));
    assertThat(out.poll(0, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void theSinksWriteEachStreamToItsOwnFileInterleavedWithActionLines() throws IOException {
    Path out = dir.resolve("api-out.log");
    Path err = dir.resolve("api-err.log");
    try (ProcessLogs logs = open(out, err)) {
      logs.action("process started (PID 1)");
      OutputSink stdout = logs.stdoutSink();
      OutputSink stderr = logs.stderrSink();
      feed(stdout, "listening on 8080\n");
      feed(stderr, "crashing with exit code 3\n");
      logs.action("process exited with code 3");
    }

    assertThat(Files.readString(out, UTF_8)).isEqualTo(PREFIX + "listening on 8080\n");
    assertThat(Files.readString(err, UTF_8))
        .isEqualTo(
            PREFIX + "[gopm] process started (PID 1)\n"
                + PREFIX + "crashing with exit code 3\n"
                + PREFIX + "[gopm] process exited with code 3\n");
  }

  @Test
  void bothStreamsMayShareOneFile() throws IOException {
    Path both = dir.resolve("api.log");
    try (ProcessLogs logs = open(both, both)) {
      feed(logs.stdoutSink(), "to stdout\n");
      feed(logs.stderrSink(), "to stderr\n");
      logs.action("process stopped (exit code -1)");
    }

    assertThat(Files.readString(both, UTF_8))
        .isEqualTo(PREFIX + "to stdout\n" + PREFIX + "to stderr\n" + PREFIX + "[gopm] process stopped (exit code -1)\n");
  }

  @Test
  void truncateEmptiesBothCurrentFiles() throws IOException {
    Path out = dir.resolve("api-out.log");
    Path err = dir.resolve("api-err.log");
    try (ProcessLogs logs = open(out, err)) {
      feed(logs.stdoutSink(), "old\n");
      logs.action("old action");

      logs.truncate();
      logs.action("new action");
    }

    assertThat(out).isEmptyFile();
    assertThat(Files.readString(err, UTF_8)).isEqualTo(PREFIX + "[gopm] new action\n");
  }

  @Test
  void openCreatesMissingDirectoriesAndBothFiles() throws IOException {
    Path out = dir.resolve("logs/deep/api-out.log");
    Path err = dir.resolve("other/api-err.log");
    try (ProcessLogs logs = open(out, err)) {
      assertThat(out).exists();
      assertThat(err).exists();
    }
  }
}
