package io.gopm.cli.command;

import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.ProcessViews;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gopm list}: the process table, or the JSON array. */
@Command(name = "list", aliases = "ls", description = "List all processes")
public final class ListCommand extends GopmSubcommand {

  @Option(names = {"-p", "--ports"}, description = "Show the listening ports column")
  boolean ports;

  @Override
  protected int run(Session session) {
    List<ProcessInfo> processes;
    try (DaemonClient daemon = session.daemon()) {
      processes = daemon.call(RpcMethods.LIST, ports ? ListRequest.WITH_PORTS : ListRequest.PLAIN);
    }
    if (session.json()) {
      session.printJson(processes);
    } else if (processes.isEmpty()) {
      session.out().println("No processes running");
    } else {
      session.out().print(new ProcessViews(session.ansi(), Instant.now(), ZoneId.systemDefault()).table(processes, ports));
    }
    return ExitCodes.OK;
  }
}
