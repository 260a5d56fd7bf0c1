package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code gopm resurrect}: bring back what {@code dump.json} records (a daemon does this itself
 * when it starts, so this usually adds nothing). Never duplicates a managed process.
 */
@Command(name = "resurrect", description = "Restore previously saved processes")
public final class ResurrectCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) {
    List<ProcessInfo> added;
    try (DaemonClient daemon = session.daemon()) {
      added = daemon.call(RpcMethods.RESURRECT, null);
    }
    if (session.json()) {
      session.printJson(added);
    } else {
      session.out().println(session.ansi().green("Resurrected") + " " + added.size() + " processes");
    }
    return ExitCodes.OK;
  }
}
