package io.gopm.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GopmHomeTest {

  @TempDir Path tempDir;

  @Test
  void usesGopmHomeWhenSet() {
    GopmHome home = GopmHome.fromEnvironment(Map.of("GOPM_HOME", "/opt/gopm", "HOME", "/home/u"));

    assertThat(home.dir()).isEqualTo(Path.of("/opt/gopm"));
  }

  @Test
  void fallsBackToDotGopmInHomeWhenGopmHomeIsUnsetOrEmpty() {
    assertThat(GopmHome.fromEnvironment(Map.of("HOME", "/home/u")).dir()).isEqualTo(Path.of("/home/u/.gopm"));
    assertThat(GopmHome.fromEnvironment(Map.of("GOPM_HOME", "", "HOME", "/home/u")).dir())
        .isEqualTo(Path.of("/home/u/.gopm"));
  }

  @Test
  void fallsBackToTheJvmsUserHomeWithoutHome() {
    assertThat(GopmHome.userHome(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
  }

  @Test
  void namesItsFilesInsideTheDirectory() {
    GopmHome home = new GopmHome(Path.of("/srv/gopm/./state/.."));

    assertThat(home.dir()).isEqualTo(Path.of("/srv/gopm"));
    assertThat(home.socket()).isEqualTo(Path.of("/srv/gopm/gopm.sock"));
    assertThat(home.pidFile()).isEqualTo(Path.of("/srv/gopm/daemon.pid"));
    assertThat(home.daemonLog()).isEqualTo(Path.of("/srv/gopm/daemon.log"));
    assertThat(home.dumpFile()).isEqualTo(Path.of("/srv/gopm/dump.json"));
    assertThat(home.logsDir()).isEqualTo(Path.of("/srv/gopm/logs"));
    assertThat(home.configFile()).isEqualTo(Path.of("/srv/gopm/gopm.config.json"));
  }

  @Test
  void aRelativeDirectoryIsMadeAbsolute() {
    assertThat(new GopmHome(Path.of("relative")).dir().isAbsolute()).isTrue();
  }

  @Test
  void ensureExistsCreatesAPrivateDirectory() throws IOException {
    GopmHome home = new GopmHome(tempDir.resolve("a/b/home"));

    home.ensureExists();

    assertThat(home.dir()).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dir()))).isEqualTo("rwx------");
  }

  @Test
  void ensureExistsTightensAWiderDirectory() throws IOException {
    Path dir = Files.createDirectory(tempDir.resolve("home"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    new GopmHome(dir).ensureExists();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
  }
}
