package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * install, uninstall, suspend, unsuspend and reboot. The machine running the tests has no systemd
 * as PID 1, so they run against a temporary root ({@code GOPM_SYSTEM_ROOT}) with a fake {@code
 * systemctl} that records its calls; every unit written is checked by the real {@code
 * systemd-analyze verify}. {@code reboot --force} runs for real.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SystemdIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Path root;
  private Path calls;

  @BeforeEach
  void aFakeSystemdMachine() throws IOException {
    root = gopm.workDir.resolve("root");
    for (String dir : List.of("etc/systemd/system", "usr/local/bin", "run/systemd/system")) {
      Files.createDirectories(root.resolve(dir));
    }
    calls = gopm.workDir.resolve("systemctl-calls");
    Path systemctl = gopm.workDir.resolve("fake-systemctl");
    Files.writeString(systemctl, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n[ \"$1\" = \"--version\" ] && echo 'systemd 252'\nexit 0\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    gopm.env("GOPM_SYSTEM_ROOT", root.toString());
    gopm.env("GOPM_SYSTEMCTL", systemctl.toString());
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void requireRoot() {
    if (System.getenv("CI") != null) {
      assertThat(isRoot()).as("CI runs the install tests as root").isTrue();
    }
    assumeTrue(isRoot(), "install/uninstall need root: run the suite as root to include them");
  }

  private List<String> recordedCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls).stream().filter(c -> !c.equals("--version")).toList() : List.of();
  }

  private List<String> tree() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private void verifyUnit(Path unit) throws Exception {
    Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
    String output = new String(verify.getInputStream().readAllBytes());
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("Unknown key").doesNotContain("Failed").doesNotContain("ignoring");
  }

  private boolean systemdAnalyzeAvailable() {
    try {
      return new ProcessBuilder("systemd-analyze", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void installWritesAUnitThatSystemdAcceptsAndUninstallLeavesTheRootAsItWas() throws Exception {
    requireRoot();
    List<String> before = tree();

    CliResult install = gopm.run("install", "--user", "root");

    assertThat(install.exitCode()).as(install.output()).isZero();
    assertThat(install.stdout()).contains("[1/5] Linking binary to " + root.resolve("usr/local/bin/gopm") + "...")
        .contains("[2/5] Writing systemd unit file...").contains("[3/5] Reloading systemd daemon...")
        .contains("[4/5] Enabling gopm service...").contains("[5/5] Starting gopm service...")
        .contains("gopm installed and running as systemd service (user: root)");
    Path unit = root.resolve("etc/systemd/system/gopm.service");
    String text = Files.readString(unit);
    assertThat(text).contains("Type=simple").contains("User=root").contains("Environment=HOME=/root")
        .contains("ExecStart=" + root.resolve("usr/local/bin/gopm") + " --daemon").contains("Restart=always")
        .contains("RestartSec=5").contains("LimitNOFILE=65536").contains("WantedBy=multi-user.target");
    assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/gopm"))).isEqualTo(gopm.gopm.toRealPath());
    assertThat(recordedCalls()).containsExactly("daemon-reload", "enable gopm", "start gopm");
    if (System.getenv("CI") != null) {
      assertThat(systemdAnalyzeAvailable()).as("CI installs systemd-analyze").isTrue();
    }
    assumeTrue(systemdAnalyzeAvailable(), "systemd-analyze is not installed: the unit was not verified");
    verifyUnit(unit);

    assertThat(gopm.run("install", "--user", "root").exitCode()).as("install again").isZero();

    CliResult uninstall = gopm.run("uninstall");
    assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
    assertThat(uninstall.stdout()).contains("[1/5] Stopping gopm service...").contains("gopm systemd service removed");
    assertThat(tree()).isEqualTo(before);
    assertThat(recordedCalls()).endsWith("stop gopm", "disable gopm", "daemon-reload");
  }

  @Test
  void theUserComesFromTheFlagThenSudoUser() throws Exception {
    requireRoot();
    gopm.env("SUDO_USER", "nobody");

    assertThat(gopm.run("install").exitCode()).isZero();
    assertThat(Files.readString(root.resolve("etc/systemd/system/gopm.service"))).contains("User=nobody")
        .contains("Environment=HOME=/nonexistent");

    assertThat(gopm.run("install", "--user", "root").exitCode()).isZero();
    assertThat(Files.readString(root.resolve("etc/systemd/system/gopm.service"))).contains("User=root");
  }

  @Test
  void anUnknownUserOrNoSystemdChangesNothing() throws Exception {
    requireRoot();
    List<String> before = tree();

    CliResult unknown = gopm.run("install", "--user", "no-such-user-here");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).contains("cannot look up user \"no-such-user-here\": no such user");
    assertThat(tree()).isEqualTo(before);

    Files.delete(root.resolve("run/systemd/system"));
    List<String> withoutSystemd = tree();
    CliResult noSystemd = gopm.run("install", "--user", "root");
    assertThat(noSystemd.exitCode()).isEqualTo(1);
    assertThat(noSystemd.stderr()).contains("systemd not found");
    assertThat(tree()).isEqualTo(withoutSystemd);
    assertThat(recordedCalls()).isEmpty();
  }

  @Test
  void aUserOtherThanRootIsToldToUseSudo() throws Exception {
    requireRoot();
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
        "runuser (util-linux) is needed to run as another user");
    List<String> before = tree();
    // the checkout may sit in a directory other users cannot enter (mktemp -d is 0700)
    Path shared = Files.createTempDirectory("gopm-nobody-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path executable = Files.copy(gopm.gopm, shared.resolve("gopm"));
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      List<String> command = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "env",
          "GOPM_SYSTEM_ROOT=" + root, "GOPM_HOME=" + shared.resolve("home"), executable.toString(), "install"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isEqualTo(1);
      assertThat(output).contains("this command must be run as root (use sudo)");
      assertThat(tree()).isEqualTo(before);
    } finally {
      Files.deleteIfExists(executable);
      Files.deleteIfExists(shared);
    }
  }

  @Test
  void uninstallLeavesARealBinaryInPlace() throws Exception {
    requireRoot();
    Path binary = root.resolve("usr/local/bin/gopm");
    Files.writeString(binary, "not a link");

    CliResult uninstall = gopm.run("uninstall");

    assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
    assertThat(uninstall.stdout()).contains("is not a link gopm created: left in place");
    assertThat(binary).hasContent("not a link");
  }

  @Test
  void suspendAndUnsuspendDriveTheService() throws Exception {
    CliResult notInstalled = gopm.run("suspend");
    assertThat(notInstalled.exitCode()).isEqualTo(1);
    assertThat(notInstalled.stderr()).contains("gopm is not installed as a systemd service (run: sudo gopm install)");

    Files.writeString(root.resolve("etc/systemd/system/gopm.service"), "[Unit]\n");
    assertThat(gopm.ok("suspend")).contains("[1/2] Stopping gopm service...").contains("[2/2] Disabling gopm service...")
        .contains("gopm suspended — use gopm unsuspend to resume");
    assertThat(gopm.ok("unsuspend")).contains("[1/2] Enabling gopm service...").contains("[2/2] Starting gopm service...")
        .contains("gopm resumed — processes are being restored");
    assertThat(recordedCalls()).containsExactly("stop gopm", "disable gopm", "enable gopm", "start gopm");
  }

  @Test
  void rebootWithoutTheUnitNeedsForce() {
    gopm.startApp("api", List.of(), "--run-forever");

    CliResult refused = gopm.run("reboot");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).contains("systemd service not installed").contains("Use --force to reboot anyway");
    assertThat(gopm.process("api").online()).isTrue();
  }

  @Test
  void rebootForceBringsTheSameProcessesBackOnceWithNewPids() {
    ProcessInfo api = gopm.startApp("api", List.of(), "--run-forever");
    ProcessInfo worker = gopm.startApp("worker", List.of(), "--run-forever");
    gopm.startApp("idle", List.of(), "--run-forever");
    gopm.ok("stop", "idle");
    long oldDaemon = gopm.daemonPid();

    CliResult reboot = gopm.run("reboot", "--force");

    assertThat(reboot.exitCode()).as(reboot.output()).isZero();
    assertThat(reboot.stdout()).contains("[1/2] Saving and stopping processes...")
        .contains("[2/2] Starting daemon and restoring processes...").contains("rebooted").doesNotContain("PID: 0");
    assertThat(GopmEnvironment.alive(oldDaemon)).isFalse();
    assertThat(gopm.daemonPid()).isNotEqualTo(oldDaemon);
    assertThat(GopmEnvironment.alive(api.pid())).isFalse();
    ProcessInfo newApi = gopm.awaitProcess("api", java.time.Duration.ofSeconds(20), ProcessInfo::online);
    ProcessInfo newWorker = gopm.awaitProcess("worker", java.time.Duration.ofSeconds(20), ProcessInfo::online);
    assertThat(newApi.pid()).isNotEqualTo(api.pid());
    assertThat(newWorker.pid()).isNotEqualTo(worker.pid());
    assertThat(gopm.list()).extracting(ProcessInfo::name).containsExactly("api", "worker", "idle");
    assertThat(gopm.process("idle").online()).isFalse();
    long children = ProcessHandle.of(gopm.daemonPid()).orElseThrow().children().count();
    assertThat(children).as("exactly one instance of each online app").isEqualTo(2);
  }

  @Test
  void rebootWithTheUnitLeavesTheRestartToSystemd() throws Exception {
    gopm.startApp("api", List.of(), "--run-forever");
    Files.writeString(root.resolve("etc/systemd/system/gopm.service"), "[Unit]\n");
    long oldDaemon = gopm.daemonPid();

    CliResult reboot = gopm.run("reboot", "--json");

    assertThat(reboot.exitCode()).as(reboot.output()).isZero();
    assertThat(reboot.stdout()).contains("[2/2] Daemon exited — systemd will restart it in ~5s")
        .contains("{\"restart\":\"systemd\",\"status\":\"rebooting\"}");
    assertThat(GopmEnvironment.alive(oldDaemon)).isFalse();
    assertThat(gopm.tree(GopmEnvironment.read(gopm.home.resolve("dump.json"))).get(0).get("status").asText())
        .isEqualTo("online");
  }
}
