package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.cli.system.SystemUser;
import io.gopm.cli.system.Systemctl;
import java.nio.file.Files;

/** What the systemd commands share: the root check, the systemd check and progress lines. */
final class SystemdCommandSupport {

  private SystemdCommandSupport() {}

  static void requireRoot() {
    if (SystemUser.effectiveUid() != 0) {
      throw new CliException("this command must be run as root (use sudo)");
    }
  }

  /** Fails unless systemd runs this machine and {@code systemctl} can be called. */
  static Systemctl requireSystemd(SystemPaths paths) {
    Systemctl systemctl = new Systemctl(paths.systemctl());
    if (!Files.isDirectory(paths.systemdRunDir()) || !systemctl.available()) {
      throw new CliException(
          "systemd not found: this machine is not running systemd (no " + paths.systemdRunDir()
              + " or no systemctl); run gopm without it, or start the daemon from your own init system with `gopm --daemon`");
    }
    return systemctl;
  }

  /** Fails unless {@code gopm install} has written the unit. */
  static void requireInstalled(SystemPaths paths) {
    if (!Files.exists(paths.unitFile())) {
      throw new CliException("gopm is not installed as a systemd service (run: sudo gopm install)");
    }
  }

  /** Runs {@code systemctl args}; a failure ends the command with its output. */
  static void run(Systemctl systemctl, String what, String... args) {
    Systemctl.Result result = systemctl.run(args);
    if (!result.ok()) {
      throw new CliException(what + " failed (exit status " + result.exitCode() + ")"
          + (result.output().isEmpty() ? "" : ":\n" + result.output()));
    }
  }

  /** {@code [n/total] text} with the first word dimmed. */
  static void step(Session session, int n, int total, String text) {
    int space = text.indexOf(' ');
    String first = space > 0 ? text.substring(0, space) : text;
    session.out().println("[" + n + "/" + total + "] " + session.ansi().dim(first) + (space > 0 ? text.substring(space) : ""));
    session.out().flush();
  }
}
