package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code gopm kill}: stop every process gracefully and end the daemon. The processes stay recorded
 * as online, so the next daemon start brings them back. Returns once the daemon has exited; never
 * starts a daemon just to kill it.
 */
@Command(name = "kill", description = "Kill the daemon")
public final class KillCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    Optional<DaemonClient> running = session.daemonIfRunning();
    if (running.isEmpty()) {
      throw new CliException("gopm daemon is not running");
    }
    try (DaemonClient daemon = running.get()) {
      daemon.call(RpcMethods.KILL, null);
      daemon.awaitClose();
    }
    session.out().println(session.ansi().bold("gopm") + " daemon " + session.ansi().yellow("stopped"));
    return ExitCodes.OK;
  }
}
