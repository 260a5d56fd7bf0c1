package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.cli.system.SystemUser;
import io.gopm.cli.system.Systemctl;
import io.gopm.cli.system.UnitFile;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.SocketDaemonClient;
import io.gopm.protocol.model.KillResult;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gopm install}: run the daemon under systemd, as a user, from boot on. Everything is
 * checked (root, systemd, the user) before anything is changed.
 */
@Command(
    name = "install",
    description = "Install gopm as a systemd service",
    footer = {
      "",
      "The user is --user, else $SUDO_USER, else the current user. Re-running install updates",
      "the link and the unit.",
      "",
      "Examples:",
      "  sudo gopm install",
      "  sudo gopm install --user deploy"
    })
public final class InstallCommand extends GopmSubcommand {

  @Option(names = "--user", paramLabel = "NAME", description = "Run the daemon as this user (default: auto-detected)")
  String user;

  @Override
  protected int run(Session session) throws IOException {
    SystemPaths paths = SystemPaths.fromEnvironment(session.env());
    SystemdCommandSupport.requireRoot();
    Systemctl systemctl = SystemdCommandSupport.requireSystemd(paths);
    String name = userName(session);
    SystemUser target =
        SystemUser.lookup(name, paths.passwd())
            .orElseThrow(() -> new CliException("cannot look up user \"" + name + "\": no such user"));
    Path executable = executable();

    Path link = paths.binLink();
    SystemdCommandSupport.step(session, 1, 5, "Linking binary to " + link + "...");
    if (Files.exists(link) && Files.isSameFile(link, executable) && !Files.isSymbolicLink(link)) {
      session.out().println("  binary already at " + link + ", skipping");
    } else {
      Files.createDirectories(link.getParent());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, executable);
      session.out().println("  " + link + " → " + executable);
    }

    SystemdCommandSupport.step(session, 2, 5, "Writing systemd unit file...");
    writeUnit(paths.unitFile(), UnitFile.render(target, link));

    SystemdCommandSupport.step(session, 3, 5, "Reloading systemd daemon...");
    SystemdCommandSupport.run(systemctl, "daemon-reload", "daemon-reload");
    SystemdCommandSupport.step(session, 4, 5, "Enabling gopm service...");
    SystemdCommandSupport.run(systemctl, "enable", "enable", "gopm");
    stopDaemonOutsideSystemd(session, target);
    SystemdCommandSupport.step(session, 5, 5, "Starting gopm service...");
    SystemdCommandSupport.run(systemctl, "start", "start", "gopm");
    session.out().println(session.ansi().bold("gopm") + " installed and running as systemd service (user: " + target.name() + ")");
    return ExitCodes.OK;
  }

  /** {@code --user}, else {@code $SUDO_USER} (unless root), else the current user. */
  private String userName(Session session) {
    if (user != null && !user.isEmpty()) {
      return user;
    }
    String sudoUser = session.env().get("SUDO_USER");
    if (sudoUser != null && !sudoUser.isEmpty() && !sudoUser.equals("root")) {
      return sudoUser;
    }
    return System.getProperty("user.name");
  }

  /** The real path of the running {@code gopm} file, which the link will point to. */
  private static Path executable() throws IOException {
    String property = System.getProperty("gopm.executable");
    if (property == null || property.isEmpty()) {
      throw new CliException("cannot find the gopm executable: run install from the gopm file itself (dist/gopm)");
    }
    return Path.of(property).toRealPath();
  }

  private static void writeUnit(Path unit, String text) throws IOException {
    Files.createDirectories(unit.getParent());
    Path temp = unit.resolveSibling(unit.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    Files.move(temp, unit, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A daemon the user started by hand would hold the lock and keep systemd's from starting: stop
   * it (its processes stay recorded as online, so systemd's daemon brings them back).
   */
  private static void stopDaemonOutsideSystemd(Session session, SystemUser target) {
    Path socket = new GopmHome(target.home().resolve(".gopm")).socket();
    if (!Files.exists(socket)) {
      return;
    }
    try (DaemonClient daemon = SocketDaemonClient.connect(socket, new RpcMessages(session.codec()), "install", session::trace)) {
      KillResult killed = daemon.call(RpcMethods.KILL, null);
      daemon.awaitClose();
      session.out().println("  stopped the daemon started outside systemd (PID " + killed.pid() + "); systemd starts its own");
    } catch (IOException | RuntimeException e) {
      session.trace("no daemon to stop: " + e.getMessage());
    }
  }
}
