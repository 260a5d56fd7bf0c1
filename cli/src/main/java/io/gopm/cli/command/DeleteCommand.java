package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm delete <name|id|all>}: stop and forget; log files stay on disk. */
@Command(
    name = "delete",
    aliases = "del",
    description = "Stop and remove a process from the list",
    footer = {"", "Examples:", "  gopm delete api", "  gopm delete all"})
public final class DeleteCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id|all>", description = "The process(es) to delete")
  String target;

  @Override
  protected int run(Session session) {
    try (DaemonClient daemon = session.daemon()) {
      daemon.call(RpcMethods.DELETE, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(Ack.OK);
    } else {
      session.out().println("Process " + session.ansi().bold(target) + " " + session.ansi().yellow("deleted"));
    }
    return ExitCodes.OK;
  }
}
