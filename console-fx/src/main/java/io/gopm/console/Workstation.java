package io.gopm.console;

import io.gopm.protocol.GopmHome;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that differs between the operating systems an operator may run the console on
 * (Linux, macOS, Windows), in one place: where the local daemon's socket is, which {@code ssh}
 * to run and how it can forward, where settings live and where tunnel sockets are made. The rest
 * of the console uses only the protocol, JavaFX and these answers.
 */
public final class Workstation {

  /** The operating systems told apart. */
  public enum Os {
    LINUX,
    MAC,
    WINDOWS,
    OTHER;

    /** The OS named by a {@code os.name} system property. */
    public static Os of(String osName) {
      String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
      if (name.startsWith("linux")) {
        return LINUX;
      }
      if (name.startsWith("mac") || name.startsWith("darwin")) {
        return MAC;
      }
      if (name.startsWith("windows")) {
        return WINDOWS;
      }
      return OTHER;
    }
  }

  /** Overrides the {@code ssh} program (a path or a name on {@code PATH}). */
  public static final String SSH_VARIABLE = "GOPM_CONSOLE_SSH";

  private final Os os;
  private final Map<String, String> env;
  private final Path userHome;

  public Workstation(Os os, Map<String, String> env, Path userHome) {
    this.os = os;
    this.env = Map.copyOf(env);
    this.userHome = userHome;
  }

  /** This machine. */
  public static Workstation current() {
    return new Workstation(
        Os.of(System.getProperty("os.name")), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public Os os() {
    return os;
  }

  /** The socket of the daemon on this machine: {@code $GOPM_HOME/gopm.sock} or {@code ~/.gopm/gopm.sock}. */
  public Path localDaemonSocket() {
    return GopmHome.fromEnvironment(env).socket();
  }

  /** The {@code ssh} client: {@code $GOPM_CONSOLE_SSH}, else {@code ssh} ({@code ssh.exe} on Windows) from {@code PATH}. */
  public String sshExecutable() {
    String chosen = env.get(SSH_VARIABLE);
    if (chosen != null && !chosen.isBlank()) {
      return chosen;
    }
    return os == Os.WINDOWS ? "ssh.exe" : "ssh";
  }

  /**
   * True when the console can have {@code ssh -L} forward the remote socket to a local Unix
   * socket, which only the user can open. On Windows the forward goes to a loopback TCP port.
   */
  public boolean forwardsToUnixSockets() {
    return os != Os.WINDOWS;
  }

  /** The folder of the settings file, created on first save. */
  public Path settingsDir() {
    switch (os) {
      case MAC:
        return userHome.resolve("Library").resolve("Application Support").resolve("GoPM Console");
      case WINDOWS:
        String appData = env.get("APPDATA");
        return (appData == null || appData.isBlank() ? userHome.resolve("AppData").resolve("Roaming") : Path.of(appData))
            .resolve("GoPM Console");
      default:
        String config = env.get("XDG_CONFIG_HOME");
        return (config == null || config.isBlank() ? userHome.resolve(".config") : Path.of(config))
            .resolve("gopm-console");
    }
  }

  /** The settings file: targets, poll interval, ssh options. */
  public Path settingsFile() {
    return settingsDir().resolve("settings.json");
  }

  /**
   * A new private directory (mode 0700 where permissions exist) for the sockets of SSH tunnels.
   * Short on purpose: a Unix socket path is limited to about 104 bytes.
   */
  public Path newTunnelDir() throws IOException {
    Path parent;
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (os == Os.LINUX && runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
      parent = Path.of(runtime);
    } else if (os == Os.WINDOWS) {
      parent = Path.of(System.getProperty("java.io.tmpdir"));
    } else {
      parent = Path.of("/tmp");
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          parent, "gopm-console-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(parent, "gopm-console-");
  }

  /**
   * The command run on a remote host (by its user's shell) to print the daemon socket's path, the
   * same rule as {@code GopmHome}: {@code $GOPM_HOME/gopm.sock}, else {@code $HOME/.gopm/gopm.sock}.
   * Servers run Linux, so this is a POSIX shell command whatever the workstation is.
   */
  public static String remoteSocketProbe() {
    return "sh -c 'printf \"%s\\n\" \"${GOPM_HOME:-$HOME/.gopm}/gopm.sock\"'";
  }
}
