package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.config.EcosystemExport;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gopm export}: processes as an ecosystem file, or the sample config file. */
@Command(
    name = "export",
    description = "Export process config or print sample gopm.config.json",
    footer = {
      "",
      "Examples:",
      "  gopm export all > ecosystem.json     every process, non-default settings only",
      "  gopm export --full api               one process, every setting",
      "  gopm export 0 1 2                    by ID",
      "  gopm export -n > ~/.gopm/gopm.config.json"
    })
public final class ExportCommand extends GopmSubcommand {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "all|name|id", description = "The processes to export")
  List<String> targets = new ArrayList<>();

  @Option(names = {"-n", "--new"}, description = "Print a sample gopm.config.json with all defaults")
  boolean sample;

  @Option(names = "--full", description = "Include every setting, even the defaults")
  boolean full;

  @Override
  protected int run(Session session) {
    if (sample) {
      session.out().println(EcosystemExport.sampleConfig());
      return ExitCodes.OK;
    }
    if (targets.isEmpty()) {
      spec.commandLine().usage(session.out());
      return ExitCodes.OK;
    }
    List<ProcessInfo> processes;
    PingResult daemonInfo;
    try (DaemonClient daemon = session.daemon()) {
      processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
      daemonInfo = daemon.call(RpcMethods.PING, null);
    }
    if (processes.isEmpty()) {
      throw new CliException("no processes defined");
    }
    List<ProcessInfo> selected = select(processes, targets);
    EcosystemExport export = new EcosystemExport(Path.of(daemonInfo.logsDir()), daemonInfo.logMaxSize());
    session.out().println(session.codec().writePretty(export.document(selected, full)));
    return ExitCodes.OK;
  }

  /**
   * The processes named by {@code targets}, in argument order, each once: a lone {@code all} is
   * every process; otherwise each argument is an ID if a process has it, else a name.
   */
  static List<ProcessInfo> select(List<ProcessInfo> processes, List<String> targets) {
    if (targets.size() == 1 && targets.get(0).equals("all")) {
      return processes;
    }
    Set<ProcessInfo> selected = new LinkedHashSet<>();
    for (String target : targets) {
      ProcessInfo match = null;
      if (!target.isEmpty() && target.length() <= 9 && target.chars().allMatch(Character::isDigit)) {
        int id = Integer.parseInt(target);
        match = processes.stream().filter(p -> p.id() == id).findFirst().orElse(null);
      }
      if (match == null) {
        match = processes.stream().filter(p -> p.name().equals(target)).findFirst().orElse(null);
      }
      if (match == null) {
        throw new CliException("process \"" + target + "\" not found");
      }
      selected.add(match);
    }
    return new ArrayList<>(selected);
  }
}
