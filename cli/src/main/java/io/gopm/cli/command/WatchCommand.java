package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Interrupts;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.ProcessViews;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm watch}: the process table, redrawn in place every interval until Ctrl+C or the
 * timeout; with {@code --json}, one JSON array per tick. It asks the daemon for the list on each
 * tick over one kept connection (see docs/adr/0010).
 */
@Command(
    name = "watch",
    description = "Live-updating process table",
    footer = {
      "",
      "Examples:",
      "  gopm watch              every process, every second",
      "  gopm watch api -i 5     only api, every 5 seconds",
      "  gopm watch -t 30 -p     quit after 30 seconds, with the ports column",
      "  gopm watch --json       one JSON array per line, per tick"
    })
public final class WatchCommand extends GopmSubcommand {

  static final String HIDE_CURSOR = "\u001b[?25l";
  static final String SHOW_CURSOR = "\u001b[?25h";
  static final String HOME = "\u001b[H";
  static final String CLEAR_LINE_END = "\u001b[K";
  static final String CLEAR_BELOW = "\u001b[J";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  @Parameters(arity = "0..1", paramLabel = "name|id|all", description = "What to watch (default: all)")
  String target;

  @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", description = "Refresh interval in seconds (default: 1, min: 1)")
  int interval = 1;

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Quit after N seconds (0 = never)")
  int timeout;

  @Option(names = {"-p", "--ports"}, description = "Show the listening ports column")
  boolean ports;

  @Override
  protected int run(Session session) throws InterruptedException {
    if (interval < 1) {
      throw new CliException("invalid --interval " + interval + ": must be at least 1 (second)");
    }
    if (timeout < 0) {
      throw new CliException("invalid --timeout " + timeout + ": must be 0 (never) or more seconds");
    }
    CountDownLatch stop = new CountDownLatch(1);
    DaemonClient[] connection = {session.daemon()};
    String selected = selectTarget(connection[0], target);
    boolean redraw = !session.json() && session.outTerminal();
    PrintWriter out = session.out();
    Interrupts.onInterrupt(stop::countDown);
    if (redraw) {
      out.print(HIDE_CURSOR);
      out.flush();
    }
    long deadline = timeout > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout) : Long.MAX_VALUE;
    try {
      while (true) {
        frame(session, connection, selected, redraw);
        long wait = Math.min(TimeUnit.SECONDS.toNanos(interval), deadline - System.nanoTime());
        if (wait <= 0 || stop.await(wait, TimeUnit.NANOSECONDS)) {
          return ExitCodes.OK;
        }
      }
    } finally {
      if (connection[0] != null) {
        connection[0].close();
      }
      if (redraw) {
        out.print(SHOW_CURSOR);
        out.flush();
      }
    }
  }

  /** With no target: the only process if there is one, else all. An unknown target fails now. */
  private static String selectTarget(DaemonClient daemon, String target) {
    List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
    if (target == null || target.equalsIgnoreCase("all")) {
      return target == null && processes.size() == 1 ? processes.get(0).name() : null;
    }
    if (filter(processes, target).isEmpty()) {
      throw new CliException("process \"" + target + "\" not found");
    }
    return target;
  }

  /** Processes whose name is {@code target} or whose ID it is (both can match). */
  static List<ProcessInfo> filter(List<ProcessInfo> processes, String target) {
    if (target == null) {
      return processes;
    }
    return processes.stream()
        .filter(p -> p.name().equals(target) || Integer.toString(p.id()).equals(target))
        .toList();
  }

  private void frame(Session session, DaemonClient[] connection, String selected, boolean redraw) {
    PrintWriter out = session.out();
    List<ProcessInfo> processes;
    String error = null;
    try {
      if (connection[0] == null) {
        connection[0] = session.daemon();
      }
      processes = filter(connection[0].call(RpcMethods.LIST, ports ? ListRequest.WITH_PORTS : ListRequest.PLAIN), selected);
    } catch (RuntimeException e) {
      if (connection[0] != null) {
        connection[0].close();
        connection[0] = null;
      }
      processes = List.of();
      error = e.getMessage();
    }
    if (session.json()) {
      if (error == null) {
        session.printJson(processes);
      } else {
        session.err().println("Error: " + error);
      }
      out.flush();
      return;
    }
    out.print(render(session.ansi(), selected, processes, error, redraw));
    out.flush();
  }

  /** One frame of the human view. */
  String render(Ansi ansi, String selected, List<ProcessInfo> processes, String error, boolean redraw) {
    StringBuilder text = new StringBuilder();
    String time = LocalTime.now().format(CLOCK);
    String header =
        selected == null
            ? ansi.dim("gopm watch — every " + interval + "s — " + time)
            : ansi.dim("gopm watch ") + ansi.bold(selected) + ansi.dim(" — every " + interval + "s — " + time);
    text.append(header).append('\n').append('\n');
    if (error != null) {
      text.append(ansi.red("Error:")).append(' ').append(error).append('\n');
    } else if (processes.isEmpty()) {
      text.append("No processes found\n");
    } else {
      text.append(new ProcessViews(ansi, Instant.now(), ZoneId.systemDefault()).table(processes, ports));
    }
    text.append('\n').append(ansi.dim("Press Ctrl+C to exit")).append('\n');
    if (!redraw) {
      return text + "\n";
    }
    return HOME + text.toString().replace("\n", CLEAR_LINE_END + "\n") + CLEAR_BELOW;
  }
}
