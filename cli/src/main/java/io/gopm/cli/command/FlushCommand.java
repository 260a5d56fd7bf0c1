package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm flush <name|id|all>}: empty the current log files (rotated ones are kept). */
@Command(
    name = "flush",
    description = "Clear log files",
    footer = {"", "Examples:", "  gopm flush api", "  gopm flush all"})
public final class FlushCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id|all>", description = "Whose logs to clear")
  String target;

  @Override
  protected int run(Session session) {
    try (DaemonClient daemon = session.daemon()) {
      daemon.call(RpcMethods.FLUSH, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(Ack.OK);
    } else {
      session.out().println("Logs flushed for " + session.ansi().bold(target));
    }
    return ExitCodes.OK;
  }
}
