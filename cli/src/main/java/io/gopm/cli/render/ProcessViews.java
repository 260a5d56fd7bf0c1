package io.gopm.cli.render;

import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The human views of processes: the {@code list} table and the {@code describe} table. */
public final class ProcessViews {

  private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

  private final Ansi ansi;
  private final Instant now;
  private final ZoneId zone;

  public ProcessViews(Ansi ansi, Instant now, ZoneId zone) {
    this.ansi = ansi;
    this.now = now;
    this.zone = zone;
  }

  /** The process table: ID, Name, Status, PID, CPU, Memory, Restart, Uptime (and Ports). */
  public String table(List<ProcessInfo> processes, boolean ports) {
    List<String> headers =
        new ArrayList<>(List.of("ID", "Name", "Status", "PID", "CPU", "Memory", "Restart", "Uptime"));
    if (ports) {
      headers.add("Ports");
    }
    Table table = new Table(headers);
    for (ProcessInfo process : processes) {
      boolean online = process.online();
      String none = ansi.dim("-");
      List<String> row = new ArrayList<>();
      row.add(ansi.dim(Integer.toString(process.id())));
      row.add(ansi.bold(process.name()));
      row.add(statusCell(process));
      row.add(online ? Integer.toString(process.pid()) : none);
      row.add(online ? HumanUnits.cpu(process.cpu()) : none);
      row.add(online ? HumanUnits.bytes(process.memory()) : none);
      row.add(Integer.toString(process.restarts()));
      row.add(online ? HumanUnits.duration(sinceStart(process)) : none);
      if (ports) {
        row.add(online && !process.listeners().isEmpty() ? portsCell(process.listeners()) : none);
      }
      table.row(row);
    }
    return table.render(ansi);
  }

  private String statusCell(ProcessInfo process) {
    String status = ansi.status(process.status());
    if (process.status() == ProcessStatus.ERRORED && !process.statusReason().isEmpty()) {
      return status + " " + ansi.dim("(" + process.statusReason() + ")");
    }
    return status;
  }

  private String portsCell(List<String> listeners) {
    Set<String> unique = new LinkedHashSet<>(listeners);
    List<String> cells = new ArrayList<>();
    for (String listener : unique) {
      cells.add(isLocal(listener) ? listener : ansi.red(listener));
    }
    return String.join(", ", cells);
  }

  /** True when the listener's host is a loopback address. */
  static boolean isLocal(String listener) {
    int at = listener.indexOf('@');
    int colon = listener.lastIndexOf(':');
    if (at < 0 || colon <= at) {
      return false;
    }
    String host = listener.substring(at + 1, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost") || host.startsWith("127.");
  }

  /** The key/value table of {@code describe}. */
  public String describe(ProcessInfo process) {
    Table table = new Table(List.of("Key", "Value"));
    RestartPolicy policy = process.restartPolicy();
    boolean online = process.online();
    row(table, "Name", ansi.bold(process.name()));
    row(table, "ID", Integer.toString(process.id()));
    row(table, "Status", ansi.status(process.status()));
    if (!process.statusReason().isEmpty()) {
      row(table, "Status Reason", ansi.yellow(process.statusReason()));
    }
    row(table, "PID", online ? Integer.toString(process.pid()) : "-");
    row(table, "Command", process.command());
    row(table, "Args", process.args().isEmpty() ? "-" : String.join(" ", process.args()));
    row(table, "CWD", process.cwd());
    row(table, "Interpreter", process.interpreter().isEmpty() ? "-" : process.interpreter());
    row(table, "Uptime", online ? HumanUnits.duration(sinceStart(process)) : "-");
    row(table, "Created At", CREATED_AT.format(process.createdAt().atZone(namedZone(zone))));
    row(table, "Restarts", Integer.toString(process.restarts()));
    row(table, "Last Exit Code", online ? "-" : Integer.toString(process.exitCode()));
    row(table, "CPU", online ? HumanUnits.cpu(process.cpu()) : "-");
    row(table, "Memory", online ? HumanUnits.bytes(process.memory()) : "-");
    row(table, "Auto Restart", policy.autorestart().wireName());
    row(table, "Max Restarts", policy.maxRestarts() == 0 ? "unlimited" : Integer.toString(policy.maxRestarts()));
    row(table, "Min Uptime", GoDuration.format(policy.minUptime()));
    row(table, "Restart Delay", GoDuration.format(policy.restartDelay()));
    row(table, "Exp Backoff", Boolean.toString(policy.expBackoff()));
    row(table, "Max Delay", GoDuration.format(policy.maxDelay()));
    row(table, "Kill Signal", signalName(policy.killSignal()));
    row(table, "Kill Timeout", GoDuration.format(policy.killTimeout()));
    row(table, "Stdout Log", process.logOut());
    row(table, "Stderr Log", process.logErr());
    row(table, "Max Log Size", HumanUnits.size(process.maxLogSize()));
    if (process.env().isEmpty()) {
      row(table, "Env", "-");
    } else {
      String key = "Env";
      for (Map.Entry<String, String> entry : new java.util.TreeMap<>(process.env()).entrySet()) {
        table.row(List.of(key.isEmpty() ? "" : ansi.cyan(key), entry.getKey() + "=" + entry.getValue()));
        key = "";
      }
    }
    return table.render(ansi);
  }

  /** UTC as "UTC" rather than "Z" in {@code Created At}. */
  private static ZoneId namedZone(ZoneId zone) {
    return zone.equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
  }

  private void row(Table table, String key, String value) {
    table.row(List.of(ansi.cyan(key), value));
  }

  private Duration sinceStart(ProcessInfo process) {
    Duration duration = Duration.between(process.uptime(), now);
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /** {@code SIGTERM} for 15, {@code signal N} for anything unnamed. */
  static String signalName(int signal) {
    switch (signal) {
      case 1:
        return "SIGHUP";
      case 2:
        return "SIGINT";
      case 3:
        return "SIGQUIT";
      case 9:
        return "SIGKILL";
      case 10:
        return "SIGUSR1";
      case 12:
        return "SIGUSR2";
      case 15:
        return "SIGTERM";
      default:
        return "signal " + signal;
    }
  }
}
