package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.system.pm2.MigrationReport;
import io.gopm.cli.system.pm2.Pm2Exception;
import io.gopm.cli.system.pm2.Pm2Executable;
import io.gopm.cli.system.pm2.Pm2Migration;
import io.gopm.cli.system.pm2.Pm2Process;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm pm2}: migrate processes from the user's PM2 (read with {@code pm2 jlist}): start each
 * in GoPM with equivalent settings, then {@code pm2 delete} it. An app that cannot be started, or
 * whose name GoPM already has, stays in PM2.
 */
@Command(
    name = "pm2",
    description = "Import processes from PM2 into gopm",
    footer = {
      "",
      "Reads the PM2 process list with `pm2 jlist` (pm2 must be on PATH), starts each process in",
      "gopm with the same command, arguments, directory, environment and restart settings, then",
      "removes it from PM2. A process whose name gopm already has is skipped and left in PM2, as",
      "is one that fails to start. Cluster-mode apps become one fork-mode process.",
      "",
      "Examples:",
      "  gopm pm2                 migrate every PM2 process",
      "  gopm pm2 api worker      migrate only these",
      "  gopm pm2 --dry           show what would be started, change nothing"
    })
public final class Pm2Command extends GopmSubcommand {

  @Parameters(arity = "0..*", paramLabel = "name", description = "PM2 process names to migrate (default: all)")
  List<String> names = new ArrayList<>();

  @Option(names = "--dry", description = "Preview the gopm start parameters as JSON; start and delete nothing")
  boolean dry;

  @Override
  protected int run(Session session) {
    Ansi ansi = session.ansi();
    PrintWriter out = session.out();
    Pm2Executable pm2;
    List<Pm2Process> processes;
    try {
      pm2 = Pm2Executable.locate(session.env());
      out.println("Using " + ansi.dim(pm2.path().toString()));
      out.println();
      out.flush();
      processes = Pm2Process.parseList(pm2.jlist(), session.codec());
    } catch (Pm2Exception e) {
      throw new CliException(e.getMessage());
    }
    if (processes.isEmpty()) {
      out.println("No PM2 processes found.");
      return ExitCodes.OK;
    }
    List<String> wanted = List.copyOf(new LinkedHashSet<>(names));
    List<Pm2Process> selected = Pm2Migration.select(processes, wanted);
    if (selected.isEmpty()) {
      throw new CliException("no PM2 processes matched: " + String.join(", ", wanted));
    }
    List<String> unknown = Pm2Migration.unknownNames(processes, wanted);
    if (!unknown.isEmpty()) {
      out.println(ansi.yellow("!") + " no PM2 process named " + String.join(", ", unknown) + " (ignored)");
    }
    List<Pm2Migration> plan = Pm2Migration.plan(selected, session.env().get("PATH"));
    out.println("Found " + ansi.bold(Integer.toString(plan.size())) + " PM2 process(es)");
    MigrationReport report = new MigrationReport(ansi);
    if (dry) {
      preview(session, report, plan);
    } else {
      migrate(session, report, pm2, plan);
    }
    return ExitCodes.OK;
  }

  private static void preview(Session session, MigrationReport report, List<Pm2Migration> plan) {
    PrintWriter out = session.out();
    for (int i = 0; i < plan.size(); i++) {
      Pm2Migration migration = plan.get(i);
      if (i > 0) {
        out.println();
      }
      out.println(report.dryHeader(migration.name()));
      out.println(MigrationReport.dryJson(migration.request(), session.codec()));
      migration.warnings().forEach(warning -> out.println(report.warning(warning)));
      if (migration.skipReason() != null) {
        out.println(report.warning("would be skipped: " + migration.skipReason()));
      }
    }
  }

  private static void migrate(Session session, MigrationReport report, Pm2Executable pm2, List<Pm2Migration> plan) {
    Ansi ansi = session.ansi();
    PrintWriter out = session.out();
    int imported = 0;
    int skipped = 0;
    for (int i = 0; i < plan.size(); i++) {
      Pm2Migration migration = plan.get(i);
      out.println();
      out.println(report.header(i + 1, plan.size(), migration.source()));
      report.details(migration.request()).forEach(out::println);
      migration.warnings().forEach(warning -> out.println(report.warning(warning)));
      Outcome outcome = migration.skipReason() != null
          ? skip(session, migration.skipReason())
          : start(session, migration);
      if (outcome == Outcome.SKIPPED) {
        skipped++;
      } else if (outcome == Outcome.STARTED) {
        imported++;
        removeFromPm2(session, pm2, migration.name());
      }
      out.flush();
    }
    out.println();
    out.println("Summary: imported " + ansi.bold(Integer.toString(imported)) + "/" + plan.size() + " processes"
        + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
  }

  private enum Outcome { STARTED, SKIPPED, FAILED }

  private static Outcome skip(Session session, String reason) {
    session.out().println("  → " + session.ansi().yellow("SKIP") + " " + reason + "; left in PM2");
    return Outcome.SKIPPED;
  }

  /** Starts the app over a connection of its own; skips it when GoPM has a process of that name. */
  private static Outcome start(Session session, Pm2Migration migration) {
    Ansi ansi = session.ansi();
    PrintWriter out = session.out();
    DaemonClient daemon;
    try {
      daemon = session.daemon();
    } catch (CliException | DaemonUnavailableException e) {
      out.println("  " + ansi.red("FAIL") + " connect to daemon: " + e.getMessage());
      return Outcome.FAILED;
    }
    boolean starting = false;
    try (daemon) {
      for (ProcessInfo existing : daemon.call(RpcMethods.LIST, ListRequest.PLAIN)) {
        if (existing.name().equals(migration.name())) {
          return skip(session, "a process named \"" + migration.name() + "\" already exists in gopm (id " + existing.id() + ")");
        }
      }
      out.print("  → Starting in gopm... ");
      out.flush();
      starting = true;
      ProcessInfo started = daemon.call(RpcMethods.START, migration.request());
      out.println(ansi.green("OK") + " (id=" + started.id() + ", PID=" + started.pid() + ")");
      return Outcome.STARTED;
    } catch (RpcException | DaemonUnavailableException e) {
      out.println((starting ? "" : "  ") + ansi.red("FAIL") + " " + e.getMessage() + "; left in PM2");
      return Outcome.FAILED;
    }
  }

  private static void removeFromPm2(Session session, Pm2Executable pm2, String name) {
    PrintWriter out = session.out();
    out.print("  → Removing from PM2... ");
    out.flush();
    Pm2Executable.Result result = pm2.delete(name);
    if (result.ok()) {
      out.println(session.ansi().green("OK"));
      return;
    }
    out.println(session.ansi().red("FAIL") + " " + result.failure());
    result.output().lines().forEach(line -> out.println("    " + session.ansi().dim(line)));
  }
}
