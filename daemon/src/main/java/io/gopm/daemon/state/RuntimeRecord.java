package io.gopm.daemon.state;

import java.util.List;

/**
 * What {@code runtime.json} holds: which daemon wrote it, the marker it put in its children's
 * environment, and the process groups it was running.
 *
 * @param daemonPid the writing daemon's PID
 * @param marker the value of {@code GOPM_DAEMON_RUN} in the environment of its children
 * @param groups the running groups, by process ID
 */
public record RuntimeRecord(long daemonPid, String marker, List<RunningGroup> groups) {

  public RuntimeRecord {
    groups = groups == null ? List.of() : List.copyOf(groups);
    marker = marker == null ? "" : marker;
  }
}
