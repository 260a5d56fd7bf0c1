package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.system.SystemPaths;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.file.Files;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gopm reboot}: restart the daemon, keeping its processes. The daemon saves, stops its
 * processes (recorded as online) and exits; systemd starts a new one, or with {@code --force} this
 * command does.
 */
@Command(
    name = "reboot",
    description = "Restart the daemon (save, stop, exit, resurrect)",
    footer = {"", "Without the systemd unit nothing would start the daemon again: use --force."})
public final class RebootCommand extends GopmSubcommand {

  @Option(names = {"-f", "--force"}, description = "Reboot without systemd: this command starts the new daemon")
  boolean force;

  @Override
  protected int run(Session session) {
    SystemPaths paths = SystemPaths.fromEnvironment(session.env());
    boolean installed = Files.exists(paths.unitFile());
    if (!installed && !force) {
      throw new CliException(
          "systemd service not installed — daemon will not restart automatically. Use --force to reboot anyway");
    }
    SystemdCommandSupport.step(session, 1, 2, "Saving and stopping processes...");
    try (DaemonClient daemon = session.daemon()) {
      daemon.call(RpcMethods.REBOOT, null);
      daemon.awaitClose();
    }
    if (installed && !force) {
      session.out().println("[2/2] Daemon exited — systemd will restart it in ~5s");
      if (session.json()) {
        session.printJson(Map.of("status", "rebooting", "restart", "systemd"));
      }
      return ExitCodes.OK;
    }
    SystemdCommandSupport.step(session, 2, 2, "Starting daemon and restoring processes...");
    PingResult ping;
    try (DaemonClient daemon = session.daemon()) {
      ping = daemon.call(RpcMethods.PING, null);
    }
    if (session.json()) {
      session.printJson(ping);
    } else {
      session.out().println(session.ansi().bold("gopm") + " daemon " + session.ansi().green("rebooted") + " (PID: " + ping.pid() + ")");
    }
    return ExitCodes.OK;
  }
}
