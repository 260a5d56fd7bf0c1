package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.cli.system.Systemctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code gopm uninstall}: remove the service; {@code ~/.gopm} (logs, config, state) stays. */
@Command(name = "uninstall", description = "Remove gopm systemd service")
public final class UninstallCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    SystemPaths paths = SystemPaths.fromEnvironment(session.env());
    SystemdCommandSupport.requireRoot();
    Systemctl systemctl = new Systemctl(paths.systemctl());
    SystemdCommandSupport.step(session, 1, 5, "Stopping gopm service...");
    systemctl.run("stop", "gopm");
    SystemdCommandSupport.step(session, 2, 5, "Disabling gopm service...");
    systemctl.run("disable", "gopm");
    SystemdCommandSupport.step(session, 3, 5, "Removing unit file...");
    try {
      Files.deleteIfExists(paths.unitFile());
    } catch (IOException e) {
      throw new CliException("cannot remove unit file: " + e.getMessage());
    }
    SystemdCommandSupport.step(session, 4, 5, "Reloading systemd daemon...");
    SystemdCommandSupport.run(systemctl, "daemon-reload", "daemon-reload");
    Path link = paths.binLink();
    SystemdCommandSupport.step(session, 5, 5, "Removing " + link + "...");
    try {
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      } else if (Files.exists(link)) {
        session.out().println("  " + link + " is not a link gopm created: left in place");
      }
    } catch (IOException e) {
      throw new CliException("cannot remove symlink: " + e.getMessage());
    }
    session.out().println(session.ansi().bold("gopm") + " systemd service removed");
    return ExitCodes.OK;
  }
}
