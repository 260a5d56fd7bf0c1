package io.gopm.daemon.supervision;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Launches children with the JDK's {@link ProcessBuilder}, wrapped in {@code setsid} (which execs
 * without forking, since a JVM child is never a group leader) so that the child leads its own
 * session and process group. Two platform threads per child pump stdout and stderr; the JDK's
 * reaper thread reports the exit (three threads per child: see docs/adr/0020). The fallback of
 * {@link EpollProcessLauncher}, which needs no thread per child (docs/adr/0024).
 *
 * <p>What a child costs must stay small because it is multiplied by the number of children: each
 * pump's buffer starts at {@link PumpBuffer#MIN} and only a busy stream grows it (see {@link
 * PumpBuffer}). When the daemon reaches a limit of the system (threads, processes, open files),
 * the start fails with a {@link LaunchException} that says which limit, and nothing is left
 * behind; the daemon and its other children go on.
 */
public final class JdkProcessLauncher implements ProcessLauncher {

  /** How long to wait for output still in the pipes after the child has exited. */
  static final Duration DRAIN_GRACE = Duration.ofMillis(200);

  private static final long PUMP_STACK = 256 * 1024;
  private static final File DEV_NULL = new File("/dev/null");

  private final String setsid;

  public JdkProcessLauncher() {
    this("setsid");
  }

  JdkProcessLauncher(String setsid) {
    this.setsid = setsid;
  }

  @Override
  public LaunchedProcess launch(LaunchSpec spec, OutputSink stdout, OutputSink stderr)
      throws LaunchException {
    List<String> command = new ArrayList<>(spec.argv().size() + 1);
    command.add(setsid);
    command.addAll(spec.argv());
    ProcessBuilder builder = new ProcessBuilder(command).directory(spec.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LaunchException("start process: " + e.getMessage() + limitHint(e.getMessage()));
    } catch (OutOfMemoryError e) {
      // the JDK could not start its reaper thread for the child
      throw new LaunchException("start process: " + outOfThreads(e));
    }
    CompletableFuture<Void> outDone;
    CompletableFuture<Void> errDone;
    try {
      outDone = pump(process.getInputStream(), stdout, spec.name() + "-out");
      errDone = pump(process.getErrorStream(), stderr, spec.name() + "-err");
    } catch (OutOfMemoryError e) {
      // no thread to capture its output: the child must not run unobserved (a started pump ends
      // when the child's pipes close)
      process.destroyForcibly();
      throw new LaunchException("start process: " + outOfThreads(e));
    }
    CompletableFuture<Void> drained = CompletableFuture.allOf(outDone, errDone);
    CompletableFuture<Integer> exit =
        process
            .onExit()
            .thenCompose(
                p ->
                    drained
                        .completeOnTimeout(null, DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(ignored -> exitCode(p.exitValue())));
    int pid = (int) process.pid();
    long startTicks = startTicks(pid);
    return new LaunchedProcess.Started(pid, startTicks, exit);
  }

  /** Field 22 of {@code /proc/PID/stat}, or 0 when the process is gone. */
  static long startTicks(int pid) {
    try {
      String stat = java.nio.file.Files.readString(
          java.nio.file.Path.of("/proc", Integer.toString(pid), "stat"), java.nio.charset.StandardCharsets.ISO_8859_1);
      return ProcEntry.parseStat(stat).map(ProcEntry.Stat::startTicks).orElse(0L);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * GoPM's exit code: the status, or -1 when a signal ended the process (the JDK reports those as
   * 128 + the signal number).
   */
  static int exitCode(int jdkExitValue) {
    return jdkExitValue > 128 && jdkExitValue <= 128 + 64 ? -1 : jdkExitValue;
  }

  /** The message of a failed start that hit a limit of the system, naming what to raise. */
  static String limitHint(String error) {
    if (error != null && error.contains("Too many open files")) {
      return " (the daemon reached its limit of open files: raise 'ulimit -n' for the daemon)";
    }
    if (error != null && error.contains("Resource temporarily unavailable")) {
      return " (the system refused another process: see 'ulimit -u' and /proc/sys/kernel/threads-max)";
    }
    return "";
  }

  private static String outOfThreads(OutOfMemoryError e) {
    return "the daemon cannot create another thread ("
        + e.getMessage()
        + "): it reached a limit of threads or processes ('ulimit -u', /proc/sys/kernel/threads-max)";
  }

  /**
   * Starts the thread that copies {@code in} into {@code sink}.
   *
   * @throws OutOfMemoryError when no thread can be created
   */
  private static CompletableFuture<Void> pump(InputStream in, OutputSink sink, String name) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable copy =
        () -> {
          PumpBuffer buffer = new PumpBuffer();
          try (in) {
            int n;
            while ((n = in.read(buffer.bytes())) > 0) {
              sink.accept(buffer.bytes(), 0, n);
              buffer.adapt(n);
            }
          } catch (IOException ignored) {
            // the pipe broke: the child is gone, and its exit is reported separately
          } finally {
            sink.endOfStream();
            done.complete(null);
          }
        };
    Thread thread = new Thread(null, copy, "gopm-pump-" + name, PUMP_STACK);
    thread.setDaemon(true);
    thread.start();
    return done;
  }
}
