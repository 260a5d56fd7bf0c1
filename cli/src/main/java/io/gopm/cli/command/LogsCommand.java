package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Interrupts;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.logs.LogTail;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm logs}: the last lines of a process's log (or of all of them, or of the daemon), and
 * with {@code -f} every new line as it is written.
 */
@Command(
    name = "logs",
    description = "Display process log output",
    footer = {
      "",
      "Examples:",
      "  gopm logs api            last 20 lines of stdout",
      "  gopm logs api -n 100 -f  last 100 lines, then follow",
      "  gopm logs api --err      stderr (with the [gopm] action lines)",
      "  gopm logs all            every process",
      "  gopm logs -d -f          follow the daemon's own log"
    })
public final class LogsCommand extends GopmSubcommand {

  @Parameters(arity = "0..1", paramLabel = "name|id|all", description = "Whose logs (optional with one process)")
  String target;

  @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "Number of lines to show (default: 20)")
  int lines = LogsRequest.DEFAULT_LINES;

  @Option(names = {"-f", "--follow"}, description = "Follow log output in real time")
  boolean follow;

  @Option(names = "--err", description = "Show the stderr log instead of stdout")
  boolean err;

  @Option(names = {"-d", "--daemon"}, description = "Show the daemon's own log (daemon.log)")
  boolean daemonLog;

  @Override
  protected int run(Session session) throws IOException, InterruptedException {
    if (daemonLog) {
      return showDaemonLog(session);
    }
    try (DaemonClient daemon = session.daemon()) {
      String selected = target != null ? target : onlyProcess(daemon);
      LogsRequest request = new LogsRequest(selected, lines, err, follow);
      boolean all = selected.equals("all");
      if (!follow) {
        print(session, daemon.call(RpcMethods.LOGS, request), all);
        return ExitCodes.OK;
      }
      Interrupts.onInterrupt(daemon::close);
      try {
        daemon.stream(
            RpcMethods.LOGS,
            request,
            result -> print(session, result, all),
            RpcMethods.LOG_LINE,
            line -> printFollowed(session, line, all));
      } catch (DaemonUnavailableException e) {
        // Ctrl+C closed the connection, or the daemon went away: either way the follow is over
        session.trace(e.getMessage());
      }
    }
    return ExitCodes.OK;
  }

  private static String onlyProcess(DaemonClient daemon) {
    List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
    if (processes.isEmpty()) {
      throw new CliException("no processes managed — specify a target");
    }
    if (processes.size() > 1) {
      throw new CliException("multiple processes managed — specify a target");
    }
    return processes.get(0).name();
  }

  private static void print(Session session, LogsResult result, boolean all) {
    if (session.json()) {
      session.printJson(result);
      return;
    }
    if (result.content().isEmpty()) {
      return;
    }
    Ansi ansi = session.ansi();
    StringBuilder out = new StringBuilder();
    for (String line : result.content().split("\n", -1)) {
      if (all && line.startsWith("==> ") && line.endsWith(" <==")) {
        out.append(ansi.boldCyan(line));
      } else {
        out.append(dimTimestamp(ansi, line));
      }
      out.append('\n');
    }
    session.out().print(out);
    session.out().flush();
  }

  private static void printFollowed(Session session, LogLine line, boolean all) {
    if (line.skipped() > 0) {
      session.err().println(session.errAnsi().yellow("[gopm] " + line.skipped() + " lines skipped (output faster than this terminal)"));
    }
    if (session.json()) {
      session.printJson(line);
    } else {
      Ansi ansi = session.ansi();
      String prefix = all ? ansi.cyan(String.format("%-15s", line.name())) + " " : "";
      session.out().println(prefix + dimTimestamp(ansi, line.line()));
    }
    session.out().flush();
  }

  /** Dims the leading timestamp of a captured line. */
  static String dimTimestamp(Ansi ansi, String line) {
    int space = line.indexOf(' ');
    if (ansi.enabled() && space > 0 && Timestamps.looksLikeTimestamp(line.substring(0, space))) {
      return ansi.dim(line.substring(0, space)) + line.substring(space);
    }
    return line;
  }

  private int showDaemonLog(Session session) throws IOException, InterruptedException {
    Path file = session.home().daemonLog();
    if (!Files.exists(file)) {
      throw new CliException("daemon.log not found — daemon has not started yet");
    }
    int count = lines <= 0 ? Integer.MAX_VALUE : lines;
    for (String line : LogTail.lastLines(file, count, 0)) {
      session.out().println(colourDaemonLine(session.ansi(), line));
    }
    session.out().flush();
    if (follow) {
      AtomicBoolean stop = new AtomicBoolean();
      Interrupts.onInterrupt(() -> stop.set(true));
      new FileFollower(file)
          .follow(
              line -> {
                session.out().println(colourDaemonLine(session.ansi(), line));
                session.out().flush();
              },
              stop::get);
    }
    return ExitCodes.OK;
  }

  /** {@code time=...} dimmed, ERROR lines red, WARN lines yellow. */
  static String colourDaemonLine(Ansi ansi, String line) {
    if (!ansi.enabled() || !line.startsWith("time=")) {
      return line;
    }
    int space = line.indexOf(' ');
    String time = space > 0 ? line.substring(0, space) : line;
    String rest = space > 0 ? line.substring(space) : "";
    if (rest.startsWith(" level=ERROR")) {
      rest = ansi.red(rest);
    } else if (rest.startsWith(" level=WARN")) {
      rest = ansi.yellow(rest);
    }
    return ansi.dim(time) + rest;
  }
}
