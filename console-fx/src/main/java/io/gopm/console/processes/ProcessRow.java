package io.gopm.console.processes;

import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of the process table: the figures as values (for sorting) and as text (for showing),
 * formatted the way {@code gopm list} formats them.
 *
 * @param uptime how long the process has been running, zero unless online
 * @param ports the listening addresses, comma-separated
 */
public record ProcessRow(
    int id,
    String name,
    ProcessStatus status,
    String statusReason,
    int pid,
    double cpu,
    long memory,
    int restarts,
    Duration uptime,
    String ports) {

  /** The row of {@code process} as seen at {@code now}. */
  public static ProcessRow of(ProcessInfo process, Instant now) {
    boolean online = process.online();
    Duration uptime =
        online && !process.uptime().equals(Timestamps.NEVER) ? Duration.between(process.uptime(), now) : Duration.ZERO;
    return new ProcessRow(
        process.id(),
        process.name(),
        process.status(),
        process.statusReason(),
        online ? process.pid() : 0,
        online ? process.cpu() : 0,
        online ? process.memory() : 0,
        process.restarts(),
        uptime.isNegative() ? Duration.ZERO : uptime,
        String.join(", ", process.listeners()));
  }

  public String pidText() {
    return pid > 0 ? Integer.toString(pid) : "-";
  }

  public String cpuText() {
    return status == ProcessStatus.ONLINE ? HumanUnits.cpu(cpu) : "-";
  }

  public String memoryText() {
    return status == ProcessStatus.ONLINE ? HumanUnits.bytes(memory) : "-";
  }

  public String uptimeText() {
    return status == ProcessStatus.ONLINE ? HumanUnits.duration(uptime) : "-";
  }

  public String statusText() {
    return status.wireName();
  }
}
