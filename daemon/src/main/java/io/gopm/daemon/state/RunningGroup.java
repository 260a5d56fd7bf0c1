package io.gopm.daemon.state;

/**
 * A process group the daemon started and that was running when the runtime record was written:
 * enough for a later daemon to find it again after this one died, and to end it as its own stop
 * would have.
 *
 * @param id the managed process's ID
 * @param name the managed process's name
 * @param pgid the group's ID, which is also the PID (and session ID) of its leader, the child
 * @param startTicks the leader's start time, field 22 of {@code /proc/PID/stat} (clock ticks after
 *     boot): with the PID it names one process, so a recycled PID is never mistaken for it
 * @param killSignal the signal that asks the process to stop
 * @param killTimeoutMillis how long to wait after it before SIGKILL
 */
public record RunningGroup(
    int id, String name, int pgid, long startTicks, int killSignal, long killTimeoutMillis) {

  public RunningGroup {
    if (pgid <= 1) {
      throw new IllegalArgumentException("pgid must be above 1, got " + pgid);
    }
    if (startTicks <= 0) {
      throw new IllegalArgumentException("start_ticks must be positive, got " + startTicks);
    }
    if (killTimeoutMillis < 0) {
      throw new IllegalArgumentException("kill_timeout_millis must not be negative, got " + killTimeoutMillis);
    }
  }
}
