package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.cli.system.Systemctl;
import picocli.CommandLine.Command;

/** {@code gopm unsuspend}: enable and start the service; the daemon brings its processes back. */
@Command(name = "unsuspend", description = "Enable the systemd service and start the daemon")
public final class UnsuspendCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    SystemPaths paths = SystemPaths.fromEnvironment(session.env());
    SystemdCommandSupport.requireInstalled(paths);
    Systemctl systemctl = new Systemctl(paths.systemctl());
    SystemdCommandSupport.step(session, 1, 2, "Enabling gopm service...");
    SystemdCommandSupport.run(systemctl, "systemctl enable gopm", "enable", "gopm");
    SystemdCommandSupport.step(session, 2, 2, "Starting gopm service...");
    SystemdCommandSupport.run(systemctl, "systemctl start gopm", "start", "gopm");
    session.out().println(session.ansi().bold("gopm") + " resumed — processes are being restored");
    return ExitCodes.OK;
  }
}
