package io.gopm.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.console.connect.ConnectionState;
import io.gopm.console.connect.SshTunnelLink;
import io.gopm.console.connect.Target;
import io.gopm.console.logs.LogEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console through a real SSH tunnel: the test runs its own {@code sshd} on a loopback port,
 * with a throwaway host key, a throwaway authorised client key and a configuration of its own (the
 * system's sshd is left alone), and sets {@code GOPM_HOME} for the sessions it serves. The console
 * opens {@code ssh://} itself; killing its ssh is followed by reconnection. A hand-made forward to a
 * loopback port ({@code tcp://}) is checked too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SshTunnelIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private static Path sshDir;
  private static Process sshd;
  private static int sshPort;
  private static GopmDaemon gopm;

  @TempDir Path settingsDir;
  private ConsoleWindow window;
  private Process handForward;

  @BeforeAll
  static void sshdAndDaemon() throws Exception {
    if (!Files.isExecutable(SSHD)) {
      Requirement.missing("no " + SSHD + " (Debian package openssh-server)");
    }
    for (String tool : List.of("ssh", "ssh-keygen")) {
      if (!onPath(tool)) {
        Requirement.missing("no " + tool + " on PATH (Debian package openssh-client)");
      }
    }
    ConsoleWindow.requireToolkit();
    gopm = new GopmDaemon().start();
    gopm.startApp("remote-beat", List.of(), "--stdout-every", "200ms", "--stdout-msg", "beat from the server");
    sshDir = Files.createTempDirectory(Path.of("/tmp"), "gopm-ssh-");
    keygen(sshDir.resolve("host_key"));
    keygen(sshDir.resolve("client_key"));
    Files.copy(sshDir.resolve("client_key.pub"), sshDir.resolve("authorized_keys"));
    sshPort = freePort();
    Path config = sshDir.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "Port " + sshPort,
        "ListenAddress 127.0.0.1",
        "HostKey " + sshDir.resolve("host_key"),
        "PidFile " + sshDir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + sshDir.resolve("authorized_keys"),
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "UsePAM no",
        "StrictModes no",
        "AllowStreamLocalForwarding yes",
        "AllowTcpForwarding yes",
        "SetEnv GOPM_HOME=" + gopm.home,
        "LogLevel VERBOSE",
        ""));
    if (isRoot() && !Files.isDirectory(Path.of("/run/sshd"))) {
      // sshd's privilege separation directory, which the package's service would create
      Files.createDirectories(Path.of("/run/sshd"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
    sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(sshDir.resolve("sshd.log").toFile())
        .start();
    try {
      GopmDaemon.await(Duration.ofSeconds(15)).until(() -> accepts(sshPort) || !sshd.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // reported below
    }
    if (!accepts(sshPort)) {
      Requirement.missing("sshd did not start on 127.0.0.1:" + sshPort + ": " + read(sshDir.resolve("sshd.log")));
    }
    Files.writeString(sshDir.resolve("ssh_config"), String.join("\n",
        "Host *",
        "  IdentityFile " + sshDir.resolve("client_key"),
        "  IdentitiesOnly yes",
        "  StrictHostKeyChecking no",
        "  UserKnownHostsFile " + sshDir.resolve("known_hosts"),
        "  LogLevel ERROR",
        ""));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (sshd != null) {
      sshd.destroy();
      sshd.waitFor(5, TimeUnit.SECONDS);
    }
    if (gopm != null) {
      gopm.close();
    }
    if (sshDir != null) {
      try (Stream<Path> walk = Files.walk(sshDir)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @BeforeEach
  void noForward() {
    handForward = null;
  }

  @AfterEach
  void closeWindow() throws Exception {
    if (window != null) {
      window.close();
    }
    if (handForward != null) {
      handForward.destroy();
      handForward.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theConsoleOpensItsOwnTunnelListsTailsAndReconnectsWhenSshIsKilled() throws Exception {
    String spec = "ssh://" + user() + "@127.0.0.1:" + sshPort;
    window = ConsoleWindow.open(settingsDir.resolve("settings.json"), "--ssh-config", sshDir.resolve("ssh_config").toString(), spec);

    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.tableNames()).as(window.text("#status-connection")).contains("remote-beat"));
    assertThat(window.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(window.text("#status-link")).isEqualTo("ssh tunnel to " + user() + "@127.0.0.1:" + sshPort + ":" + gopm.socket());
    window.select("remote-beat");
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "beat from the server") >= 3);

    long pid = gopm.process("remote-beat").orElseThrow().path("pid").asLong();
    window.robot.type(KeyCode.R);
    GopmDaemon.await(WAIT).until(() -> {
      JsonNode beat = gopm.process("remote-beat").orElseThrow();
      return beat.path("status").asText().equals("online") && beat.path("pid").asLong() != pid;
    });

    SshTunnelLink link = (SshTunnelLink) window.fx(() -> window.console.viewModel().session(Target.parse(spec)).orElseThrow().link());
    ProcessHandle ssh = link.tunnelProcess().orElseThrow();
    assertThat(ssh.info().command().orElse("")).endsWith("ssh");
    ssh.destroyForcibly();

    GopmDaemon.await(WAIT).until(() -> window.states.contains(ConnectionState.RECONNECTING));
    GopmDaemon.await(WAIT).until(() -> window.live() && link.tunnelProcess().map(p -> p.pid() != ssh.pid()).orElse(false));
    gopm.startApp("after-reconnect", List.of());
    GopmDaemon.await(WAIT).until(() -> window.tableNames().contains("after-reconnect"));
    int seen = count(logLines(), "beat from the server");
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "beat from the server") > seen);
    gopm.ok("delete", "after-reconnect");
  }

  @Test
  void aSocketForwardedByHandIsReachedOverTcp() throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("ssh", "-F", sshDir.resolve("ssh_config").toString(), "-o", "BatchMode=yes",
        "-o", "ExitOnForwardFailure=yes", "-N", "-L", "127.0.0.1:" + port + ":" + gopm.socket(), "-p", Integer.toString(sshPort),
        user() + "@127.0.0.1"));
    handForward = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(sshDir.resolve("forward.log").toFile()).start();
    GopmDaemon.await(WAIT).untilAsserted(() -> {
      assertThat(handForward.isAlive()).as(() -> read(sshDir.resolve("forward.log"))).isTrue();
      assertThat(accepts(port)).isTrue();
    });

    window = ConsoleWindow.open(settingsDir.resolve("settings.json"), "tcp://127.0.0.1:" + port);

    GopmDaemon.await(WAIT).untilAsserted(() -> assertThat(window.tableNames()).as(window.text("#status-connection")).contains("remote-beat"));
    window.select("remote-beat");
    GopmDaemon.await(WAIT).until(() -> count(logLines(), "beat from the server") >= 2);
    assertThat(window.text("#status-link")).isEqualTo("forwarded port 127.0.0.1:" + port);
  }

  private List<LogEntry> logLines() {
    return window.fx(() -> List.copyOf(window.console.viewModel().logs().lines()));
  }

  private static int count(List<LogEntry> lines, String text) {
    return (int) lines.stream().filter(l -> l.text().contains(text)).count();
  }

  private static void keygen(Path key) throws Exception {
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "gopm-console-test", "-f", key.toString())
        .redirectErrorStream(true).start();
    String out = new String(keygen.getInputStream().readAllBytes());
    assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keygen.exitValue()).as(out).isZero();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String user() {
    return System.getProperty("user.name");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
