package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.StatusLines;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm isrunning <name|id>}: exit 0 when online, 1 otherwise (also when unknown). */
@Command(
    name = "isrunning",
    description = "Check if a process is running (exit code based)",
    footer = {
      "",
      "Exit codes: 0 = online, 1 = stopped, errored or not found.",
      "",
      "Examples:",
      "  gopm isrunning api && echo up || echo down",
      "  */5 * * * * gopm isrunning api || gopm restart api"
    })
public final class IsRunningCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id>", description = "The process to check")
  String target;

  @Override
  protected int run(Session session) {
    IsRunningResult result;
    try (DaemonClient daemon = session.daemon()) {
      result = daemon.call(RpcMethods.IS_RUNNING, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(result);
    } else {
      session.out().println(StatusLines.isRunning(session.ansi(), target, result));
    }
    return result.running() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
