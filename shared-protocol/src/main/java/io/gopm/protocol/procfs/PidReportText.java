package io.gopm.protocol.procfs;

import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain text of {@code gopm pid}: the full report with its banner, the section mode of {@code
 * --tree --fds --env --net}, and the {@code --raw} dump. No colours; lines end with {@code \n}.
 */
public final class PidReportText {

  /** The banner rule above and below the full report. */
  static final String RULE = "=".repeat(70);

  static final String DENIED = "(permission denied)";

  private static final int FD_ROWS = 50;
  private static final int ENV_ROWS = 20;
  private static final int VALUE_WIDTH = 50;
  private static final int TREE_COMMAND_WIDTH = 40;

  private final DateTimeFormatter startTime;

  /** Start times are shown in {@code zone}. */
  public PidReportText(ZoneId zone) {
    this.startTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone);
  }

  /** The full report, or only the selected sections. */
  public String render(ProcessReport report, Sections sections) {
    return sections.full() ? full(report) : sections(report, sections);
  }

  /** Banner, every section, GoPM Info, closing rule. */
  public String full(ProcessReport report) {
    TextBox box = new TextBox().line(RULE).line("  Process Inspection — PID " + report.pid()).line(RULE).line("");
    identity(box, report);
    resources(box, report);
    tree(box, report);
    fds(box, report);
    sockets(box, report);
    env(box, report);
    cgroup(box, report);
    gopm(box, report.gopm());
    return box.line(RULE).toString();
  }

  /** The identity one-liner, then the selected sections in the order tree, fds, env, sockets. */
  public String sections(ProcessReport report, Sections sections) {
    ProcessIdentity id = report.identity();
    TextBox box =
        new TextBox()
            .line("  PID " + report.pid() + "  " + id.name() + "  " + id.state() + " (" + id.stateHuman() + ")")
            .line("");
    if (sections.tree()) {
      tree(box, report);
    }
    if (sections.fds()) {
      fds(box, report);
    }
    if (sections.env()) {
      env(box, report);
    }
    if (sections.sockets()) {
      sockets(box, report);
    }
    return box.toString();
  }

  /** {@code === /proc/<pid>/<file> ===}, the content (NULs shown as spaces), a blank line, per file. */
  public static String raw(long pid, List<RawProcFile> files) {
    StringBuilder text = new StringBuilder();
    for (RawProcFile file : files) {
      text.append("=== /proc/").append(pid).append('/').append(file.name()).append(" ===\n");
      String content = file.content() == null ? "" : file.content().replace('\0', ' ').stripTrailing();
      text.append(content.isEmpty() ? "(empty or unreadable)" : content).append("\n\n");
    }
    return text.toString();
  }

  /** {@code text} cut to {@code limit} characters, the last three of them {@code ...}. */
  static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
  }

  private void identity(TextBox box, ProcessReport report) {
    ProcessIdentity id = report.identity();
    box.open("Identity").row("Name", id.name()).row("State", id.state() + " (" + id.stateHuman() + ")");
    if (report.denied("cmdline")) {
      box.row("Command", DENIED);
    } else if (id.cmdline() != null) {
      box.row("Command", id.commandText());
    }
    box.row("Exe", orDenied(report, "exe", id.exe()))
        .row("CWD", orDenied(report, "cwd", id.cwd()))
        .row("Root", orDenied(report, "root", id.root()));
    if (!id.startedAt().equals(Timestamps.NEVER)) {
      box.row("Started", startTime.format(id.startedAt()) + " (" + id.startedAgo() + " ago)");
    }
    box.row("User", named(id.user(), "uid", id.uid()))
        .row("Group", named(id.group(), "gid", id.gid()))
        .row("Session ID", Long.toString(id.session()))
        .row("TTY", id.tty())
        .row("Nice", Integer.toString(id.nice()))
        .row("Threads", Integer.toString(id.threads()))
        .close();
  }

  private static void resources(TextBox box, ProcessReport report) {
    ProcessResources res = report.resources();
    String open = report.denied(ProcessReport.FD_DIR) ? DENIED : Integer.toString(res.fdsOpen());
    box.open("Resources")
        .row("CPU User", String.format(Locale.ROOT, "%.2fs", res.cpuUserSeconds()))
        .row("CPU System", String.format(Locale.ROOT, "%.2fs", res.cpuSystemSeconds()))
        .row("CPU %", HumanUnits.cpu(res.cpuPercent()))
        .row("VmPeak", HumanUnits.bytes(res.vmPeakBytes()))
        .row("VmRSS", HumanUnits.bytes(res.vmRssBytes()))
        .row("VmSwap", HumanUnits.bytes(res.vmSwapBytes()))
        .row("VmSize", HumanUnits.bytes(res.vmSizeBytes()) + " (virtual)")
        .row("Shared", HumanUnits.bytes(res.sharedBytes()))
        .row("FDs Open", open + " / " + res.fdsSoftLimit() + " (soft) / " + res.fdsHardLimit() + " (hard)")
        .row("Voluntary CSW", Long.toString(res.voluntaryCtxtSwitches()))
        .row("Involuntary CSW", Long.toString(res.involuntaryCtxtSwitches()))
        .close();
  }

  private static void tree(TextBox box, ProcessReport report) {
    box.open("Process Tree (child -> ancestor)");
    List<ProcessTreeNode> tree = report.tree() == null ? List.of() : report.tree();
    for (int i = 0; i < tree.size(); i++) {
      ProcessTreeNode node = tree.get(i);
      box.row(
          "",
          String.format(
              Locale.ROOT,
              "%s%s PID %-6d %s  %s  %s",
              "  ".repeat(i),
              i > 0 ? "+-" : "",
              node.pid(),
              truncate(node.cmdline(), TREE_COMMAND_WIDTH),
              node.user(),
              node.startedAgo()));
    }
    box.close();
  }

  private static void fds(TextBox box, ProcessReport report) {
    if (report.fds() == null) {
      box.open("File Descriptors");
      box.cells(report.denied(ProcessReport.FD_DIR) ? DENIED : "(not available)");
      box.close();
      return;
    }
    List<FdEntry> fds = report.fds();
    box.open("File Descriptors (" + fds.size() + " open)").cells(String.format("%-5s %-8s %-5s %s", "FD", "Type", "Mode", "Target"));
    for (FdEntry fd : fds.subList(0, Math.min(FD_ROWS, fds.size()))) {
      box.cells(String.format(Locale.ROOT, "%-5d %-8s %-5s %s", fd.fd(), fd.type(), fd.mode(), truncate(fd.target(), VALUE_WIDTH)));
    }
    if (fds.size() > FD_ROWS) {
      box.cells("...  (" + (fds.size() - FD_ROWS) + " more)");
    }
    box.close();
  }

  private static void sockets(TextBox box, ProcessReport report) {
    if (report.sockets() == null) {
      box.open("Network Sockets");
      box.cells(report.denied(ProcessReport.FD_DIR) ? DENIED : "(not available)");
      box.close();
      return;
    }
    box.open("Network Sockets").cells(String.format("%-6s %-22s %-22s %-13s %s", "Proto", "Local", "Remote", "State", "FD"));
    for (ProcessSocket socket : report.sockets()) {
      String fd = socket.fd() == null ? "-" : Integer.toString(socket.fd());
      String addresses =
          socket.remote().isEmpty()
              ? String.format("%-45s", socket.local())
              : String.format("%-22s %-22s", socket.local(), socket.remote());
      box.cells(String.format("%-6s %s %-13s %s", socket.proto(), addresses, socket.state(), fd));
    }
    box.close();
  }

  private static void env(TextBox box, ProcessReport report) {
    Map<String, String> env = report.env() == null ? Map.of() : report.env();
    if (report.denied(ProcessReport.ENVIRON)) {
      box.open("Environment").cells(DENIED).close();
      return;
    }
    box.open("Environment (" + env.size() + " vars)");
    env.entrySet().stream().limit(ENV_ROWS).forEach(e -> box.row(e.getKey(), truncate(e.getValue(), VALUE_WIDTH)));
    if (env.size() > ENV_ROWS) {
      box.cells("...              (" + (env.size() - ENV_ROWS) + " more)");
    }
    box.close();
  }

  private static void cgroup(TextBox box, ProcessReport report) {
    CgroupInfo cgroup = report.cgroup();
    box.open("Cgroup & Limits")
        .row("Cgroup", truncate(cgroup.path().replace('\n', ' '), VALUE_WIDTH))
        .row("OOM Score", Integer.toString(cgroup.oomScore()))
        .row("OOM Adj", Integer.toString(cgroup.oomScoreAdj()))
        .row("Seccomp", Integer.toString(cgroup.seccomp()))
        .row("NoNewPrivs", Integer.toString(cgroup.noNewPrivs()))
        .row("CapEff", cgroup.capEff())
        .close();
  }

  private static void gopm(TextBox box, GopmInfo gopm) {
    box.open("GoPM Info");
    if (!gopm.daemonUp()) {
      box.row("Managed", "unknown (gopm daemon not running)");
    } else if (!gopm.managed()) {
      box.row("Managed", "no (PID not found in gopm process table)");
    } else {
      box.row("Managed", "yes")
          .row("GoPM Name", gopm.name())
          .row("GoPM ID", Integer.toString(gopm.id()))
          .row("Restarts", Integer.toString(gopm.restarts()))
          .row("Auto Restart", gopm.autorestart())
          .row("Stdout Log", gopm.logOut())
          .row("Stderr Log", gopm.logErr());
    }
    box.close();
  }

  private static String orDenied(ProcessReport report, String entry, String value) {
    return report.denied(entry) ? DENIED : value;
  }

  private static String named(String name, String idKey, long id) {
    String number = "(" + idKey + "=" + id + ")";
    return name.isEmpty() ? number : name + " " + number;
  }
}
