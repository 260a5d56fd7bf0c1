package io.gopm.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;

/**
 * The state directory of one daemon ({@code GOPM_HOME}, or {@code ~/.gopm}) and the files in it.
 * The directory is private to its user (mode 0700).
 */
public record GopmHome(Path dir) {

  public GopmHome {
    Objects.requireNonNull(dir, "dir");
    dir = dir.toAbsolutePath().normalize();
  }

  /**
   * {@code $GOPM_HOME} when set and non-empty, else {@code $HOME/.gopm} (the JVM's {@code
   * user.home} when {@code HOME} is unset).
   */
  public static GopmHome fromEnvironment(Map<String, String> env) {
    String home = env.get("GOPM_HOME");
    if (home != null && !home.isEmpty()) {
      return new GopmHome(Path.of(home));
    }
    return new GopmHome(userHome(env).resolve(".gopm"));
  }

  /** {@code $HOME}, or the JVM's idea of the user's home. */
  public static Path userHome(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
  }

  /** The Unix socket the daemon listens on. */
  public Path socket() {
    return dir.resolve("gopm.sock");
  }

  /** The daemon's PID, in decimal without newline; also the daemon's lock. */
  public Path pidFile() {
    return dir.resolve("daemon.pid");
  }

  public Path daemonLog() {
    return dir.resolve("daemon.log");
  }

  /** The saved process list. */
  public Path dumpFile() {
    return dir.resolve("dump.json");
  }

  /** The running daemon's record of its children's process groups (docs/adr/0019). */
  public Path runtimeFile() {
    return dir.resolve("runtime.json");
  }

  /** The default directory of process logs. */
  public Path logsDir() {
    return dir.resolve("logs");
  }

  /** The config file looked for in this home. */
  public Path configFile() {
    return dir.resolve("gopm.config.json");
  }

  /** Creates the directory with mode 0700 if missing, and tightens it to 0700 if it is wider. */
  public void ensureExists() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }
}
