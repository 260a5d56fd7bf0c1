package io.gopm.daemon.supervision;

import io.gopm.daemon.events.DaemonLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Chooses the daemon's launcher: the event-driven {@link EpollProcessLauncher} where the system
 * supports it, else the JDK's (docs/adr/0022). {@code -Dgopm.launcher=jdk} (in {@code
 * GOPM_JAVA_OPTS}) forces the JDK's.
 */
public final class ProcessLaunchers {

  /** The system property that names the launcher: {@code epoll} (the default) or {@code jdk}. */
  public static final String PROPERTY = "gopm.launcher";

  private ProcessLaunchers() {}

  /**
   * The launcher to use, said in the daemon log.
   *
   * @param nativeDir where JNA may unpack its native library (created private to the user)
   */
  public static ProcessLauncher forThisSystem(Path nativeDir, DaemonLog log) {
    String wanted = System.getProperty(PROPERTY, "epoll");
    if (wanted.equals("jdk")) {
      log.info("launcher chosen", "launcher", "jdk", "reason", "-D" + PROPERTY + "=jdk");
      return new JdkProcessLauncher();
    }
    if (!wanted.equals("epoll")) {
      log.warn("unknown launcher, using the default", "property", PROPERTY, "value", wanted, "expected", "epoll or jdk");
    }
    try {
      if (System.getProperty("jna.tmpdir") == null) {
        Files.createDirectories(nativeDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        System.setProperty("jna.tmpdir", nativeDir.toString());
      }
      ProcessLauncher launcher = EpollProcessLauncher.start(log);
      log.info("launcher chosen", "launcher", "epoll");
      return launcher;
    } catch (IOException | RuntimeException | LinkageError e) {
      log.warn(
          "the event-driven launcher cannot run here; using the JDK's (three threads per child)",
          "error", String.valueOf(e.getMessage()));
      return new JdkProcessLauncher();
    }
  }
}
