package io.gopm.console.connect;

import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import java.time.Instant;
import java.util.List;

/**
 * What one poll of a daemon returned.
 *
 * @param processes the process list, sorted by ID
 * @param daemon the daemon's {@code ping} answer (PID, version, uptime, log defaults)
 * @param at when the answers arrived (the console's clock)
 */
public record HostSnapshot(List<ProcessInfo> processes, PingResult daemon, Instant at) {

  public HostSnapshot {
    processes = List.copyOf(processes);
  }
}
