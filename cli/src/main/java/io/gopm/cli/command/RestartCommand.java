package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.ProcessViews;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm restart <name|id|all>}: stop (if running) and start again, resetting the counter. */
@Command(
    name = "restart",
    description = "Restart a process",
    footer = {"", "Examples:", "  gopm restart api", "  gopm restart all"})
public final class RestartCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id|all>", description = "The process(es) to restart")
  String target;

  @Override
  protected int run(Session session) {
    List<ProcessInfo> restarted;
    try (DaemonClient daemon = session.daemon()) {
      restarted = daemon.call(RpcMethods.RESTART, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(restarted.size() == 1 ? restarted.get(0) : restarted);
      return ExitCodes.OK;
    }
    ProcessViews views = new ProcessViews(session.ansi(), Instant.now(), ZoneId.systemDefault());
    session.out().print(restarted.size() == 1 ? views.describe(restarted.get(0)) : views.table(restarted, false));
    return ExitCodes.OK;
  }
}
