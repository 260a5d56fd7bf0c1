package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.cli.system.Systemctl;
import picocli.CommandLine.Command;

/**
 * {@code gopm suspend}: stop the service and keep it from starting at boot. The processes stop
 * with the daemon but stay recorded as online; {@code gopm unsuspend} brings them back.
 */
@Command(name = "suspend", description = "Stop daemon and disable the systemd service")
public final class SuspendCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    SystemPaths paths = SystemPaths.fromEnvironment(session.env());
    SystemdCommandSupport.requireInstalled(paths);
    Systemctl systemctl = new Systemctl(paths.systemctl());
    SystemdCommandSupport.step(session, 1, 2, "Stopping gopm service...");
    SystemdCommandSupport.run(systemctl, "systemctl stop gopm", "stop", "gopm");
    SystemdCommandSupport.step(session, 2, 2, "Disabling gopm service...");
    SystemdCommandSupport.run(systemctl, "systemctl disable gopm", "disable", "gopm");
    session.out().println(session.ansi().bold("gopm") + " suspended — use " + session.ansi().cyan("gopm unsuspend") + " to resume");
    return ExitCodes.OK;
  }
}
