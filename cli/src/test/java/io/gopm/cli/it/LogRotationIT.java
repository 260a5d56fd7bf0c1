package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 9: logs rotate at their size limit, keep the configured number of files, lose no line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogRotationIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private List<Path> logFiles(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  @Test
  void aFloodingChildRotatesAtTheLimitAndKeepsThreeFiles() throws Exception {
    gopm.startApp("flooder", List.of("--max-log-size", "100K"), "--run-forever", "--stdout-flood", "--stdout-size", "4096");

    GopmEnvironment.await(WAIT).until(() -> Files.exists(gopm.home.resolve("logs/flooder-out.log.3")));
    gopm.ok("stop", "flooder");

    List<Path> files = logFiles(gopm.home.resolve("logs"), "flooder-out.log");
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("flooder-out.log", "flooder-out.log.1", "flooder-out.log.2", "flooder-out.log.3");
    for (Path file : files) {
      assertThat(Files.size(file)).isLessThanOrEqualTo(100 * 1024);
      String content = Files.readString(file);
      assertThat(content).endsWith("\n");
      for (String line : content.split("\n")) {
        assertThat(line).matches("\\S+ (X{1,4095}|testapp ready \\(PID \\d+\\))");
      }
    }
  }

  @Test
  void customLogPathsRotateThereToo() throws Exception {
    Path custom = Files.createDirectories(gopm.workDir.resolve("custom"));
    gopm.ok("start", gopm.testapp.toString(), "--name", "own", "--log-out", custom.resolve("out.log").toString(),
        "--log-err", custom.resolve("err.log").toString(), "--max-log-size", "50K",
        "--", "--run-forever", "--stdout-flood", "--stdout-size", "1000");

    GopmEnvironment.await(WAIT).until(() -> Files.exists(custom.resolve("out.log.1")));
    gopm.ok("stop", "own");

    assertThat(custom.resolve("err.log")).content().contains("[gopm] process started");
    assertThat(gopm.home.resolve("logs/own-out.log")).doesNotExist();
    assertThat(gopm.tree(gopm.ok("describe", "own", "--json")).get("log_out").asText())
        .isEqualTo(custom.resolve("out.log").toString());
  }

  @Test
  void theLogsSectionOfTheConfigFileIsApplied() throws Exception {
    Path dir = gopm.workDir.resolve("configured-logs");
    Files.writeString(gopm.home.resolve("gopm.config.json"),
        "{\"logs\":{\"directory\":\"" + dir + "\",\"max_size\":\"20K\",\"max_files\":1}}");
    gopm.startApp("conf", List.of(), "--run-forever", "--stdout-flood", "--stdout-size", "512");

    GopmEnvironment.await(WAIT).until(() -> Files.exists(dir.resolve("conf-out.log.1")));
    gopm.ok("stop", "conf");

    assertThat(logFiles(dir, "conf-out.log")).extracting(p -> p.getFileName().toString())
        .containsExactly("conf-out.log", "conf-out.log.1");
    assertThat(Files.size(dir.resolve("conf-out.log.1"))).isLessThanOrEqualTo(20 * 1024);
    assertThat(gopm.process("conf").maxLogSize()).isEqualTo(20 * 1024);
  }

  @Test
  void logsTailContinuesIntoTheRotatedFile() throws Exception {
    gopm.startApp("tail", List.of("--max-log-size", "10K"), "--run-forever", "--stdout-flood", "--stdout-size", "100");
    GopmEnvironment.await(WAIT).until(() -> Files.exists(gopm.home.resolve("logs/tail-out.log.2")));
    gopm.ok("stop", "tail");
    long current = Files.readAllLines(gopm.home.resolve("logs/tail-out.log")).size();

    String out = gopm.ok("logs", "tail", "-n", Long.toString(current + 10));

    assertThat(out.split("\n")).hasSize((int) current + 10);
  }
}
