package io.gopm.cli.tui;

import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the process pane, as in the README's screenshot: {@code ▸ 0  api  online  PID 4521
 * CPU 0.3%  MEM 24.1 MB  ↻ 0}, with the uptime when there is room. Columns are as wide as their
 * widest cell among the rows shown (and at least as wide as a typical figure), so they line up;
 * figures of a process that is not running are {@code -}.
 */
final class ProcessRows {

  /** The longest name shown whole; longer ones are cut with {@code …}. */
  static final int MAX_NAME = 24;

  /** One cell of a row: its text and style. */
  record Cell(String text, Style style) {}

  private final int idWidth;
  private final int nameWidth;
  private final int pidWidth;
  private final int cpuWidth;
  private final int memWidth;
  private final int restartsWidth;
  private final Instant now;

  ProcessRows(List<ProcessInfo> rows, Instant now) {
    this.now = now;
    int id = 1;
    int name = 4;
    int pid = "PID 12345".length();
    int cpu = "CPU  0.0%".length();
    int mem = "MEM  24.1 MB".length();
    int restarts = 3;
    for (ProcessInfo p : rows) {
      id = Math.max(id, Integer.toString(p.id()).length());
      name = Math.max(name, Math.min(MAX_NAME, Text.width(p.name())));
      pid = Math.max(pid, pid(p).length());
      cpu = Math.max(cpu, cpu(p).length());
      mem = Math.max(mem, memory(p).length());
      restarts = Math.max(restarts, restarts(p).length());
    }
    this.idWidth = id;
    this.nameWidth = name;
    this.pidWidth = pid;
    this.cpuWidth = cpu;
    this.memWidth = mem;
    this.restartsWidth = restarts;
  }

  /** The cells of one row (two spaces between columns), for a pane {@code columns} wide. */
  List<Cell> cells(ProcessInfo p, boolean selected, int columns) {
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell(selected ? "▸ " : "  ", selected ? Style.TITLE : Style.PLAIN));
    cells.add(new Cell(Text.padLeft(Integer.toString(p.id()), idWidth) + "  ", Style.DIM));
    cells.add(new Cell(Text.padRight(Text.fit(p.name(), MAX_NAME), nameWidth) + "  ", Style.BOLD));
    cells.add(new Cell(Text.padRight(p.status().wireName(), 7) + "  ", statusStyle(p.status())));
    String rest =
        Text.padRight(pid(p), pidWidth) + "  "
            + Text.padRight(cpu(p), cpuWidth) + "  "
            + Text.padRight(memory(p), memWidth) + "  "
            + Text.padRight(restarts(p), restartsWidth);
    int used = 2 + idWidth + 2 + nameWidth + 2 + 9 + Text.width(rest);
    String uptime = uptime(p);
    if (!uptime.isEmpty() && used + 2 + Text.width(uptime) <= columns) {
      rest += "  " + uptime;
    }
    cells.add(new Cell(rest, Style.PLAIN));
    return cells;
  }

  static Style statusStyle(ProcessStatus status) {
    switch (status) {
      case ONLINE:
        return Style.ONLINE;
      case STOPPED:
        return Style.STOPPED;
      default:
        return Style.ERRORED;
    }
  }

  private static String pid(ProcessInfo p) {
    return p.online() ? "PID " + p.pid() : "-";
  }

  private static String cpu(ProcessInfo p) {
    return p.online() ? "CPU " + Text.padLeft(HumanUnits.cpu(p.cpu()), 5) : "-";
  }

  private static String memory(ProcessInfo p) {
    return p.online() ? "MEM " + Text.padLeft(HumanUnits.bytes(p.memory()), 8) : "-";
  }

  private static String restarts(ProcessInfo p) {
    return "↻ " + p.restarts();
  }

  private String uptime(ProcessInfo p) {
    if (!p.online()) {
      return "";
    }
    Duration up = Duration.between(p.uptime(), now);
    return "up " + HumanUnits.duration(up.isNegative() ? Duration.ZERO : up);
  }
}
