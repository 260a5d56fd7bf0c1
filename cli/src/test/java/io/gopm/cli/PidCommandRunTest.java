package io.gopm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.cli.command.PidCommand;
import io.gopm.cli.render.Ansi;
import io.gopm.protocol.json.JsonCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code gopm pid} in-process on this JVM's own PID, with a GoPM home where no daemon runs.
 * The command is registered here by hand, as {@link CommandCatalog} would register it.
 */
@Timeout(30)
@EnabledOnOs(OS.LINUX)
class PidCommandRunTest {

  @TempDir Path home;

  private final long self = ProcessHandle.current().pid();
  private final StringWriter out = new StringWriter();

  /** One finished invocation: the exit status, stdout and the error the command failed with. */
  private record Result(int status, String out, Exception error) {}

  private Result run(String... args) {
    Map<String, String> env = Map.of("GOPM_HOME", home.toString(), "HOME", home.toString());
    PrintWriter writer = new PrintWriter(out, true);
    Session session = new Session(env, writer, new PrintWriter(new StringWriter()), new Ansi(false), new Ansi(false), home);
    Exception[] failure = new Exception[1];
    CommandLine line = new CommandLine(new GopmCommand(session)).addSubcommand("pid", new PidCommand());
    line.setExecutionExceptionHandler(
        (error, failed, parsed) -> {
          failure[0] = error;
          return ExitCodes.FAILURE;
        });
    int status = line.execute(args);
    writer.flush();
    return new Result(status, out.toString(), failure[0]);
  }

  @Test
  void inspectsAProcessWithoutStartingADaemon() {
    Result result = run("pid", Long.toString(self));

    assertThat(result.status()).as("%s", result.error()).isZero();
    assertThat(result.out())
        .contains("Process Inspection — PID " + self)
        .contains("+- Identity ")
        .contains("| Name              java\n")
        .contains("+- Resources ")
        .contains("+- Process Tree (child -> ancestor) ")
        .contains("+- File Descriptors ")
        .contains("+- Network Sockets ")
        .contains("+- Environment ")
        .contains("| Managed           unknown (gopm daemon not running)\n");
    assertThat(Files.exists(home.resolve("gopm.sock"))).isFalse();
  }

  @Test
  void jsonIsPrettyPrintedWithTheGopmFlags() throws Exception {
    Result result = run("pid", Long.toString(self), "--json");

    assertThat(result.status()).isZero();
    assertThat(result.out()).startsWith("{\n  \"pid\": " + self + ",\n");
    JsonNode json = new JsonCodec().readTree(result.out());
    assertThat(json.get("identity").get("name").asText()).isEqualTo("java");
    assertThat(json.get("gopm").toString()).isEqualTo("{\"managed\":false,\"daemon_up\":false}");
    assertThat(json.get("tree").isArray()).isTrue();
  }

  @Test
  void aSectionFlagShowsOnlyThatSection() {
    Result result = run("pid", Long.toString(self), "--tree");

    assertThat(result.out()).startsWith("  PID " + self + "  java  ").contains("+- Process Tree ");
    assertThat(result.out()).doesNotContain("Identity").doesNotContain("File Descriptors").doesNotContain("GoPM Info");
  }

  @Test
  void rawModeDumpsTheProcFiles() {
    Result result = run("pid", Long.toString(self), "--raw", "--tree");

    assertThat(result.status()).isZero();
    assertThat(result.out()).startsWith("=== /proc/" + self + "/status ===\nName:\tjava\n").contains("=== /proc/" + self + "/oom_score_adj ===");
  }

  @Test
  void aMissingPidFailsEvenInRawMode() {
    for (String[] args : new String[][] {{"pid", "999999999"}, {"pid", "999999999", "--raw"}}) {
      Result result = run(args);

      assertThat(result.status()).isEqualTo(1);
      assertThat(result.error()).isInstanceOf(CliException.class).hasMessage("PID 999999999 — no such process");
    }
  }

  @Test
  void aPidThatIsNotANumberIsRefused() {
    Result result = run("pid", "abc");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.error()).hasMessage("invalid PID: abc");
  }
}
