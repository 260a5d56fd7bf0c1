package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.procfs.GopmInfo;
import io.gopm.protocol.procfs.PidReportText;
import io.gopm.protocol.procfs.ProcessInspector;
import io.gopm.protocol.procfs.ProcessReport;
import io.gopm.protocol.procfs.RawProcFile;
import io.gopm.protocol.procfs.Sections;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gopm pid <pid>}: deep {@code /proc} inspection of any process. Works without a daemon
 * and never starts one; when one is running, it says whether it manages the PID.
 */
@Command(name = "pid", description = "Inspect any process by PID (audit/debug tool)")
public final class PidCommand extends GopmSubcommand {

  @Parameters(paramLabel = "<pid>", description = "The process ID to inspect")
  String pidText;

  @Option(names = "--tree", description = "Show only the process tree")
  boolean tree;

  @Option(names = "--fds", description = "Show only open file descriptors")
  boolean fds;

  @Option(names = "--env", description = "Show only environment variables")
  boolean env;

  @Option(names = "--net", description = "Show only network sockets")
  boolean net;

  @Option(names = "--raw", description = "Dump raw /proc files (ignores the other flags)")
  boolean raw;

  private final ProcessInspector inspector;

  public PidCommand() {
    this(ProcessInspector.system());
  }

  PidCommand(ProcessInspector inspector) {
    this.inspector = inspector;
  }

  @Override
  protected int run(Session session) {
    long pid = parsePid(pidText);
    if (!inspector.available()) {
      throw new CliException("gopm pid is only available on Linux (requires /proc)");
    }
    if (raw) {
      List<RawProcFile> files = inspector.raw(pid).orElseThrow(() -> noSuchProcess(pid));
      session.out().print(PidReportText.raw(pid, files));
      return ExitCodes.OK;
    }
    if (!inspector.exists(pid)) {
      throw noSuchProcess(pid);
    }
    Sections sections = Sections.of(tree, fds, env, net);
    ProcessReport report =
        inspector.inspect(pid, sections, gopmInfo(session, pid)).orElseThrow(() -> noSuchProcess(pid));
    if (session.json()) {
      session.out().println(session.codec().writePretty(report));
    } else {
      session.out().print(new PidReportText(ZoneId.systemDefault()).render(report, sections));
    }
    return ExitCodes.OK;
  }

  /** The PID of the argument; {@code invalid PID: <arg>} when it is not an integer. */
  static long parsePid(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new CliException("invalid PID: " + text);
    }
  }

  static CliException noSuchProcess(long pid) {
    return new CliException("PID " + pid + " — no such process");
  }

  /** What a running daemon knows about {@code pid}; none is started to find out. */
  private static GopmInfo gopmInfo(Session session, long pid) {
    Optional<DaemonClient> running = session.daemonIfRunning();
    if (running.isEmpty()) {
      return GopmInfo.DAEMON_DOWN;
    }
    try (DaemonClient daemon = running.get()) {
      return managing(daemon.call(RpcMethods.LIST, ListRequest.PLAIN), pid);
    } catch (RuntimeException e) {
      session.trace("listing failed: " + e.getMessage());
      return GopmInfo.NOT_MANAGED;
    }
  }

  /** The GoPM details of the process in {@code processes} whose PID is {@code pid}, if any. */
  static GopmInfo managing(List<ProcessInfo> processes, long pid) {
    return processes.stream()
        .filter(p -> p.pid() > 0 && p.pid() == pid)
        .findFirst()
        .map(
            p ->
                GopmInfo.managed(
                    p.name(), p.id(), p.restarts(), p.restartPolicy().autorestart().wireName(), p.logOut(), p.logErr()))
        .orElse(GopmInfo.NOT_MANAGED);
  }
}
