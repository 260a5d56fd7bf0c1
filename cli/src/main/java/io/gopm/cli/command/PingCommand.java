package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.StatusLines;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.rpc.RpcMethods;
import picocli.CommandLine.Command;

/** {@code gopm ping}: is the daemon up (starting it if not)? */
@Command(name = "ping", description = "Check if daemon is running")
public final class PingCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    PingResult ping;
    try (DaemonClient daemon = session.daemon()) {
      ping = daemon.call(RpcMethods.PING, null);
    } catch (CliException | DaemonUnavailableException e) {
      session.trace(e.getMessage());
      throw new CliException("gopm daemon is not running: " + e.getMessage());
    }
    if (session.json()) {
      session.printJson(ping);
    } else {
      session.out().println(StatusLines.ping(session.ansi(), ping));
    }
    return ExitCodes.OK;
  }
}
