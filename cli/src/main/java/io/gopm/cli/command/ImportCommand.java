package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.EcosystemFile;
import io.gopm.protocol.config.ImportKey;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm import}: start the apps of one or more ecosystem files, skipping any that already
 * runs (same command in the same working directory).
 */
@Command(
    name = "import",
    description = "Import processes from one or more JSON files",
    footer = {
      "",
      "An app matching a managed process (same command, same working directory) is skipped.",
      "",
      "Examples:",
      "  gopm export all > gopm.process && gopm import gopm.process",
      "  gopm import app1.json app2.json"
    })
public final class ImportCommand extends GopmSubcommand {

  @Parameters(arity = "1..*", paramLabel = "file", description = "Ecosystem JSON files")
  List<Path> files = new ArrayList<>();

  @Override
  protected int run(Session session) {
    Ansi ansi = session.ansi();
    List<StartRequest> apps = new ArrayList<>();
    for (Path file : files) {
      Path absolute = session.workingDir().resolve(file).normalize();
      try {
        for (StartRequest app : EcosystemFile.load(absolute, session.codec())) {
          apps.add(StartCommand.withCwd(app, absolute.getParent()));
        }
      } catch (ConfigException e) {
        session.out().println(ansi.red("WARN") + " " + ansi.bold(file.toString()) + ": " + e.getMessage());
      }
    }
    if (apps.isEmpty()) {
      throw new CliException("no valid apps found in any input file");
    }
    int imported = 0;
    int skipped = 0;
    try (DaemonClient daemon = session.daemon()) {
      Map<ImportKey, ProcessInfo> existing = new HashMap<>();
      for (ProcessInfo process : daemon.call(RpcMethods.LIST, ListRequest.PLAIN)) {
        existing.put(ImportKey.of(process.cwd(), process.command()), process); // highest ID wins
      }
      for (StartRequest app : apps) {
        ProcessInfo twin = existing.get(ImportKey.of(app.cwd(), app.command()));
        if (twin != null) {
          skipped++;
          session.out().println(ansi.yellow("SKIP") + " " + app.name() + " (matches existing \"" + twin.name()
              + "\": " + twin.command() + " in " + twin.cwd() + ")");
          continue;
        }
        try {
          ProcessInfo started = daemon.call(RpcMethods.START, app);
          imported++;
          existing.put(ImportKey.of(started.cwd(), started.command()), started);
          session.out().println(ansi.green("OK") + "   " + started.name() + " (PID: " + started.pid() + ")");
        } catch (RpcException e) {
          session.out().println(ansi.red("FAIL") + " " + app.name() + ": " + e.getMessage());
        }
      }
    }
    session.out().println();
    session.out().println("Imported " + imported + "/" + apps.size() + " processes"
        + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
    return ExitCodes.OK;
  }
}
