package io.gopm.cli.system.pm2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Finding and running {@code pm2}, with fake {@code pm2} scripts. */
@Timeout(20)
class Pm2ExecutableTest {

  @TempDir Path temp;

  private Path fakePm2(String dir, String body) throws IOException {
    Path file = Files.createDirectories(temp.resolve(dir)).resolve("pm2");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private Map<String, String> envWithPath(String... dirs) {
    return Map.of("PATH", String.join(":", dirs), "MARKER", "from-session");
  }

  @Test
  void findsPm2InTheSessionsPath() throws IOException {
    Files.createDirectories(temp.resolve("empty"));
    Path pm2 = fakePm2("bin", "echo '[]'");

    assertThat(Pm2Executable.locate(envWithPath(temp.resolve("empty").toString(), "", temp.resolve("bin").toString())).path())
        .isEqualTo(pm2);
  }

  @Test
  void saysSoWhenPm2IsNotInPath() throws IOException {
    Path plain = Files.createDirectories(temp.resolve("plain")).resolve("pm2");
    Files.writeString(plain, "not executable");

    assertThatThrownBy(() -> Pm2Executable.locate(envWithPath(temp.resolve("plain").toString())))
        .isInstanceOf(Pm2Exception.class).hasMessage("pm2 not found in PATH");
    assertThatThrownBy(() -> Pm2Executable.locate(Map.of())).hasMessage("pm2 not found in PATH");
  }

  @Test
  void runsJlistWithTheSessionsEnvironment() throws IOException {
    fakePm2("bin", "[ \"$1\" = jlist ] || exit 3\necho \"[{\\\"name\\\":\\\"$MARKER\\\"}]\"\necho noise >&2");

    String out = Pm2Executable.locate(envWithPath(temp.resolve("bin").toString())).jlist();

    assertThat(out).isEqualTo("[{\"name\":\"from-session\"}]\n");
  }

  @Test
  void reportsAFailingJlistWithWhatPm2Said() throws IOException {
    fakePm2("bin", "printf '\\033[31m[PM2][ERROR]\\033[39m daemon not answering\\nretry later\\n' >&2\nexit 1");

    assertThatThrownBy(() -> Pm2Executable.locate(envWithPath(temp.resolve("bin").toString())).jlist())
        .isInstanceOf(Pm2Exception.class)
        .hasMessage("pm2 jlist failed: exit status 1: [PM2][ERROR] daemon not answering retry later");
  }

  @Test
  void reportsAFailureWithoutOutputByItsStatus() throws IOException {
    fakePm2("bin", "exit 2");

    assertThatThrownBy(() -> Pm2Executable.locate(envWithPath(temp.resolve("bin").toString())).jlist())
        .hasMessage("pm2 jlist failed: exit status 2");
  }

  @Test
  void givesUpOnAPm2ThatDoesNotAnswer() throws IOException {
    Path pm2 = fakePm2("bin", "exec sleep 30");

    Pm2Executable slow = new Pm2Executable(pm2, envWithPath("/usr/bin:/bin"), Duration.ofMillis(300));

    assertThatThrownBy(slow::jlist).hasMessage("pm2 jlist failed: timed out after 300ms");
  }

  @Test
  void deletesByNameAndKeepsTheOutputOfAFailure() throws IOException {
    Path log = temp.resolve("calls");
    Path pm2 = fakePm2("bin", "echo \"$@\" >> " + log + "\n[ \"$2\" = api ] && exit 0\necho \"Process or Namespace $2 not found\" >&2\nexit 1");
    Pm2Executable executable = new Pm2Executable(pm2, envWithPath("/usr/bin:/bin"), Duration.ofSeconds(10));

    assertThat(executable.delete("api").ok()).isTrue();
    Pm2Executable.Result missing = executable.delete("ghost");
    assertThat(missing.ok()).isFalse();
    assertThat(missing.failure()).isEqualTo("exit status 1: Process or Namespace ghost not found");
    assertThat(missing.output()).isEqualTo("Process or Namespace ghost not found");
    assertThat(Files.readAllLines(log)).containsExactly("delete api", "delete ghost");
  }
}
