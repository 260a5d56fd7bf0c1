package io.gopm.console.processes;

import io.gopm.protocol.model.ProcessStatus;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The columns of the process table, each with the text it shows and the order it sorts in:
 * numbers by value (so {@code 9.5 MB} comes before {@code 10.0 MB}), names ignoring case, status
 * online, stopped, errored.
 */
public enum ProcessColumn {
  ID("ID", row -> Integer.toString(row.id()), Comparator.comparingInt(ProcessRow::id)),
  NAME("Name", ProcessRow::name, Comparator.comparing(ProcessRow::name, String.CASE_INSENSITIVE_ORDER)),
  STATUS("Status", ProcessRow::statusText, Comparator.comparing(ProcessRow::status, Comparator.comparingInt(ProcessStatus::ordinal))),
  PID("PID", ProcessRow::pidText, Comparator.comparingInt(ProcessRow::pid)),
  CPU("CPU", ProcessRow::cpuText, Comparator.comparingDouble(ProcessRow::cpu)),
  MEMORY("Memory", ProcessRow::memoryText, Comparator.comparingLong(ProcessRow::memory)),
  RESTARTS("Restarts", row -> Integer.toString(row.restarts()), Comparator.comparingInt(ProcessRow::restarts)),
  UPTIME("Uptime", ProcessRow::uptimeText, Comparator.comparing(ProcessRow::uptime)),
  PORTS("Ports", ProcessRow::ports, Comparator.comparing(ProcessRow::ports));

  private final String title;
  private final Function<ProcessRow, String> text;
  private final Comparator<ProcessRow> order;

  ProcessColumn(String title, Function<ProcessRow, String> text, Comparator<ProcessRow> order) {
    this.title = title;
    this.text = text;
    this.order = order;
  }

  public String title() {
    return title;
  }

  /** What the cell shows. */
  public String text(ProcessRow row) {
    return text.apply(row);
  }

  /** Ascending order of this column; ties broken by ID so the order is stable. */
  public Comparator<ProcessRow> order() {
    return order.thenComparingInt(ProcessRow::id);
  }
}
