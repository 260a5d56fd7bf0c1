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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gopm describe <name|id>}: every detail of one process. */
@Command(name = "describe", description = "Show detailed info about a process")
public final class DescribeCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<name|id>", description = "The process to describe")
  String target;

  @Override
  protected int run(Session session) {
    ProcessInfo process;
    try (DaemonClient daemon = session.daemon()) {
      process = daemon.call(RpcMethods.DESCRIBE, new TargetRequest(target));
    }
    if (session.json()) {
      session.printJson(process);
    } else {
      session.out().print(new ProcessViews(session.ansi(), Instant.now(), ZoneId.systemDefault()).describe(process));
    }
    return ExitCodes.OK;
  }
}
