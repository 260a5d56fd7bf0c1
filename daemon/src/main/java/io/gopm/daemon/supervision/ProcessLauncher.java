package io.gopm.daemon.supervision;

/**
 * Starts child processes, each in its own session and process group, with stdin on the null
 * device and stdout/stderr pumped into sinks. The seam for another launcher (for example one
 * event-driven thread for all children) behind the same contract.
 */
public interface ProcessLauncher {

  /**
   * Starts {@code spec}.
   *
   * @throws LaunchException when the OS refuses to start it
   */
  LaunchedProcess launch(LaunchSpec spec, OutputSink stdout, OutputSink stderr) throws LaunchException;
}
