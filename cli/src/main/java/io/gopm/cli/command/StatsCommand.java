package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.chart.StatsCharts;
import io.gopm.cli.render.chart.StatsMetric;
import io.gopm.cli.render.chart.StatsTable;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StatsPoint;
import io.gopm.protocol.model.StatsRequest;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm stats}: the daemon's per-minute snapshots of the last hours as braille line charts
 * (every process overlaid in its own colour), as a plain-text summary when the output has no
 * colours or fewer than {@value #MIN_CHART_COLUMNS} columns, or as the raw JSON.
 */
@Command(
    name = "stats",
    description = "Show historical metrics charts",
    footer = {
      "",
      "The daemon takes a snapshot of every process each minute and keeps 18 hours in memory.",
      "",
      "Examples:",
      "  gopm stats                  every chart of the last 6 hours",
      "  gopm stats api --hours 2    one process, the last 2 hours",
      "  gopm stats all --cpu --mem  CPU and memory charts only",
      "  gopm stats --json           the raw snapshots"
    })
public final class StatsCommand extends GopmSubcommand {

  /** Below this terminal width the charts give way to the plain-text summary. */
  static final int MIN_CHART_COLUMNS = 40;

  /** The width assumed when {@code COLUMNS} does not say. */
  static final int DEFAULT_COLUMNS = 80;

  static final String NO_DATA = "No metrics data available yet (data is collected every 60s)";

  @Parameters(arity = "0..1", paramLabel = "all|name|id", description = "Whose history (default: the only process, else all)")
  String target;

  @Option(names = "--hours", paramLabel = "N", description = "Hours of history to show, 1-18 (default: 6)")
  int hours = StatsRequest.DEFAULT_HOURS;

  @Option(names = "--cpu", description = "Show the CPU chart")
  boolean cpu;

  @Option(names = "--mem", description = "Show the memory chart")
  boolean mem;

  @Option(names = "--uptime", description = "Show the uptime chart")
  boolean uptime;

  @Option(names = "--all", description = "Show every chart (the default when no chart is chosen)")
  boolean all;

  @Override
  protected int run(Session session) {
    validateHours(hours);
    try (DaemonClient daemon = session.daemon()) {
      return show(session, daemon, ZoneId.systemDefault());
    }
  }

  /** Asks {@code daemon} for the history and prints it; the exit status. */
  int show(Session session, DaemonClient daemon, ZoneId zone) {
    String selected = target != null ? target : defaultTarget(daemon);
    Map<String, List<StatsPoint>> stats = daemon.call(RpcMethods.STATS, new StatsRequest(selected, hours));
    if (stats == null) {
      stats = Map.of();
    }
    if (session.json()) {
      session.printJson(stats);
      return ExitCodes.OK;
    }
    boolean hasData = stats.values().stream().anyMatch(points -> points != null && !points.isEmpty());
    if (!hasData) {
      session.out().println(NO_DATA);
      return ExitCodes.OK;
    }
    int columns = terminalColumns(session.env());
    Set<StatsMetric> metrics = metrics();
    if (session.ansi().enabled() && columns >= MIN_CHART_COLUMNS) {
      session.out().print(StatsCharts.render(stats, metrics, columns, session.ansi(), zone));
    } else {
      session.out().print(StatsTable.render(stats, metrics, session.ansi(), zone));
    }
    session.out().flush();
    return ExitCodes.OK;
  }

  /**
   * @throws CliException unless 1 ≤ {@code hours} ≤ {@value StatsRequest#MAX_HOURS}
   */
  static void validateHours(int hours) {
    if (hours < 1 || hours > StatsRequest.MAX_HOURS) {
      throw new CliException("invalid --hours " + hours + ": must be between 1 and " + StatsRequest.MAX_HOURS);
    }
  }

  /** With no target: the only process, or {@code all} when there are several. */
  private static String defaultTarget(DaemonClient daemon) {
    List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
    if (processes.isEmpty()) {
      throw new CliException("no processes managed");
    }
    return processes.size() == 1 ? processes.get(0).name() : "all";
  }

  /** The charts chosen: all four with {@code --all} or no choice, else the ones named. */
  Set<StatsMetric> metrics() {
    if (all || !(cpu || mem || uptime)) {
      return EnumSet.allOf(StatsMetric.class);
    }
    Set<StatsMetric> chosen = EnumSet.noneOf(StatsMetric.class);
    if (cpu) {
      chosen.add(StatsMetric.CPU);
    }
    if (mem) {
      chosen.add(StatsMetric.MEMORY);
    }
    if (uptime) {
      chosen.add(StatsMetric.UPTIME);
    }
    return chosen;
  }

  /** The terminal width from {@code COLUMNS}, else {@value #DEFAULT_COLUMNS}. */
  static int terminalColumns(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int value = Integer.parseInt(columns.trim());
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // not a number: as if unset
      }
    }
    return DEFAULT_COLUMNS;
  }
}
