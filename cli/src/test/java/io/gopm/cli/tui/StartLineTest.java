package io.gopm.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.model.StartRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StartLineTest {

  private static final Path HERE = Path.of("/home/u/project");

  /** Resolves like gopm start would, recording what it was asked. */
  private final StartLine line =
      new StartLine(HERE, "/usr/bin:/bin", (command, cliDir, workDir, path) ->
          command.startsWith("/") ? command : cliDir.resolve(command).normalize() + "@" + workDir + "@" + path);

  @Test
  void wordsSplitLikeAShellDoes() {
    assertThat(StartLine.split("  ./app   --name api  ")).containsExactly("./app", "--name", "api");
    assertThat(StartLine.split("echo 'hello world' \"two words\"")).containsExactly("echo", "hello world", "two words");
    assertThat(StartLine.split("a\\ b c")).containsExactly("a b", "c");
    assertThat(StartLine.split("'it''s' x")).containsExactly("its", "x");
    assertThat(StartLine.split("\"say \\\"hi\\\" \\\\ \\n\"")).containsExactly("say \"hi\" \\ \\n");
    assertThat(StartLine.split("'$HOME' \"\"")).containsExactly("$HOME", "");
    assertThat(StartLine.split("pre'quoted'post")).containsExactly("prequotedpost");
    assertThat(StartLine.split("")).isEmpty();
    assertThat(StartLine.split("   ")).isEmpty();
  }

  @Test
  void unterminatedQuotesAreRefused() {
    assertThatThrownBy(() -> StartLine.split("echo 'oops")).hasMessage("unterminated ' quote");
    assertThatThrownBy(() -> StartLine.split("echo \"oops")).hasMessage("unterminated \" quote");
    assertThatThrownBy(() -> StartLine.split("echo \\")).hasMessageContaining("backslash");
  }

  @Test
  void theCommandLineBecomesAStartRequestLikeGopmStart() {
    StartRequest request = line.parse("/opt/api/server --name api --env APP_ENV=prod --env 'GREETING=hello world' "
        + "--autorestart on-failure --max-restarts 5 --min-uptime 10s --restart-delay 1s --exp-backoff "
        + "--max-delay 1m --kill-timeout 3s --max-log-size 2M -- --port 8080 --verbose");

    assertThat(request.command()).isEqualTo("/opt/api/server");
    assertThat(request.name()).isEqualTo("api");
    assertThat(request.args()).containsExactly("--port", "8080", "--verbose");
    assertThat(request.cwd()).isEqualTo("/home/u/project");
    assertThat(request.env()).isEqualTo(Map.of("APP_ENV", "prod", "GREETING", "hello world"));
    assertThat(request.autorestart()).isEqualTo("on-failure");
    assertThat(request.maxRestarts()).isEqualTo(5);
    assertThat(request.minUptime()).isEqualTo("10s");
    assertThat(request.restartDelay()).isEqualTo("1s");
    assertThat(request.expBackoff()).isTrue();
    assertThat(request.maxDelay()).isEqualTo("1m");
    assertThat(request.killTimeout()).isEqualTo("3s");
    assertThat(request.maxLogSize()).isEqualTo("2M");
  }

  @Test
  void argumentsWithoutDashesNeedNoSeparator() {
    StartRequest request = line.parse("/bin/sleep 600");
    assertThat(request.command()).isEqualTo("/bin/sleep");
    assertThat(request.args()).containsExactly("600");
    assertThat(request.name()).isNull();
  }

  @Test
  void relativePathsStartFromTheDirectoryOfTheUi() {
    StartRequest request = line.parse("./worker.py --interpreter python3 --cwd sub --log-out out.log --log-err /var/log/e.log");
    assertThat(request.command()).isEqualTo("/home/u/project/worker.py@/home/u/project/sub@/usr/bin:/bin");
    assertThat(request.interpreter()).isEqualTo("python3");
    assertThat(request.cwd()).isEqualTo("/home/u/project/sub");
    assertThat(request.logOut()).isEqualTo("/home/u/project/out.log");
    assertThat(request.logErr()).isEqualTo("/var/log/e.log");
  }

  @Test
  void invalidLinesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> line.parse("")).hasMessageContaining("type a command");
    assertThatThrownBy(() -> line.parse("/bin/x --bogus")).hasMessageContaining("Unknown option: '--bogus'");
    assertThatThrownBy(() -> line.parse("/bin/x --name")).hasMessageContaining("--name");
    assertThatThrownBy(() -> line.parse("/bin/x --max-restarts many")).hasMessageContaining("--max-restarts");
    assertThatThrownBy(() -> line.parse("/bin/x --min-uptime 5")).hasMessage("invalid --min-uptime \"5\": time: missing unit in duration \"5\"");
    assertThatThrownBy(() -> line.parse("/bin/x --name all")).hasMessageContaining("invalid name \"all\"");
    assertThatThrownBy(() -> line.parse("/bin/x --env NOVALUE")).hasMessage("invalid --env value \"NOVALUE\": expected KEY=VAL");
    assertThatThrownBy(() -> line.parse("apps.json")).hasMessage("ecosystem files are started with: gopm start apps.json");
    assertThatThrownBy(() -> line.parse("/bin/x 'open")).hasMessage("unterminated ' quote");
  }
}
