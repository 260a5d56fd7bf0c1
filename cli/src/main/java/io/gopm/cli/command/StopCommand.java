package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm stop <name|id|all>}: SIGTERM to the process group, SIGKILL after the kill timeout. */
@Command(
    name = "stop",
    description = "Stop a running process",
    footer = {"", "Examples:", "  gopm stop api", "  gopm stop 0", "  gopm stop all"})
public final class StopCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id|all>", description = "The process(es) to stop")
  String target;

  @Override
  protected int run(Session session) {
    try (DaemonClient daemon = session.daemon()) {
      daemon.call(RpcMethods.STOP, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(io.gopm.protocol.model.Ack.OK);
    } else {
      session.out().println("Process " + session.ansi().bold(target) + " " + session.ansi().yellow("stopped"));
    }
    return ExitCodes.OK;
  }
}
