package io.gopm.daemon.supervision;

/**
 * Starts child processes, each in its own session and process group, with stdin on the null
 * device and stdout/stderr pumped into sinks: {@link EpollProcessLauncher} (one thread for all
 * children) or {@link JdkProcessLauncher} (three threads per child), chosen by {@link
 * ProcessLaunchers}.
 */
public interface ProcessLauncher {

  /**
   * Starts {@code spec}.
   *
   * @throws LaunchException when the OS refuses to start it
   */
  LaunchedProcess launch(LaunchSpec spec, OutputSink stdout, OutputSink stderr) throws LaunchException;
}
