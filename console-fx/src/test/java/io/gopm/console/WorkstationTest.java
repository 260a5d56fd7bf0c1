package io.gopm.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationTest {

  private static final Path HOME = Path.of("/home/op");

  @Test
  void theOperatingSystemIsToldFromItsName() {
    assertThat(Workstation.Os.of("Linux")).isEqualTo(Workstation.Os.LINUX);
    assertThat(Workstation.Os.of("Mac OS X")).isEqualTo(Workstation.Os.MAC);
    assertThat(Workstation.Os.of("Windows 11")).isEqualTo(Workstation.Os.WINDOWS);
    assertThat(Workstation.Os.of("FreeBSD")).isEqualTo(Workstation.Os.OTHER);
  }

  @Test
  void settingsLiveInEachSystemsPlace() {
    assertThat(new Workstation(Workstation.Os.LINUX, Map.of(), HOME).settingsFile())
        .isEqualTo(Path.of("/home/op/.config/gopm-console/settings.json"));
    assertThat(new Workstation(Workstation.Os.LINUX, Map.of("XDG_CONFIG_HOME", "/cfg"), HOME).settingsDir())
        .isEqualTo(Path.of("/cfg/gopm-console"));
    assertThat(new Workstation(Workstation.Os.MAC, Map.of(), HOME).settingsDir())
        .isEqualTo(Path.of("/home/op/Library/Application Support/GoPM Console"));
    assertThat(new Workstation(Workstation.Os.WINDOWS, Map.of("APPDATA", "/appdata"), HOME).settingsDir())
        .isEqualTo(Path.of("/appdata/GoPM Console"));
  }

  @Test
  void theLocalDaemonIsFoundLikeTheCliFindsIt() {
    assertThat(new Workstation(Workstation.Os.LINUX, Map.of("HOME", "/home/op"), HOME).localDaemonSocket())
        .isEqualTo(Path.of("/home/op/.gopm/gopm.sock"));
    assertThat(new Workstation(Workstation.Os.LINUX, Map.of("GOPM_HOME", "/srv/gopm"), HOME).localDaemonSocket())
        .isEqualTo(Path.of("/srv/gopm/gopm.sock"));
  }

  @Test
  void sshIsFoundOnThePathUnlessChosenAndWindowsForwardsToTcp() {
    assertThat(new Workstation(Workstation.Os.LINUX, Map.of(), HOME).sshExecutable()).isEqualTo("ssh");
    assertThat(new Workstation(Workstation.Os.WINDOWS, Map.of(), HOME).sshExecutable()).isEqualTo("ssh.exe");
    assertThat(new Workstation(Workstation.Os.MAC, Map.of(Workstation.SSH_VARIABLE, "/opt/ssh"), HOME).sshExecutable()).isEqualTo("/opt/ssh");
    assertThat(new Workstation(Workstation.Os.MAC, Map.of(), HOME).forwardsToUnixSockets()).isTrue();
    assertThat(new Workstation(Workstation.Os.WINDOWS, Map.of(), HOME).forwardsToUnixSockets()).isFalse();
  }

  @Test
  void tunnelDirectoriesArePrivateAndShort(@TempDir Path runtime) throws Exception {
    Workstation linux = new Workstation(Workstation.Os.LINUX, Map.of("XDG_RUNTIME_DIR", runtime.toString()), HOME);

    Path dir = linux.newTunnelDir();

    assertThat(dir.getParent()).isEqualTo(runtime);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    Files.delete(dir);
  }
}
