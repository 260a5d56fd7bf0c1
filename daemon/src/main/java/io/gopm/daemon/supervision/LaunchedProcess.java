package io.gopm.daemon.supervision;

import java.util.concurrent.CompletableFuture;

/** A child process that was started: its PID (also its process group and session) and its end. */
public interface LaunchedProcess {

  /** The child's PID, which is also its process group ID. */
  int pid();

  /**
   * The child's start time, field 22 of {@code /proc/PID/stat} (clock ticks after boot), which
   * with the PID names it even after the PID is recycled; 0 when it could not be read (the child
   * had already gone).
   */
  long startTicks();

  /**
   * Completes with the exit code once the child has exited and its output has been captured (or
   * a short grace period has passed, when descendants keep the pipes open); -1 when a signal
   * ended it.
   */
  CompletableFuture<Integer> exit();

  /** A launched process as the launchers return it. */
  record Started(int pid, long startTicks, CompletableFuture<Integer> exit) implements LaunchedProcess {}
}
