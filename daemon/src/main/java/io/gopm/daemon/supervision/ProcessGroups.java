package io.gopm.daemon.supervision;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends signals to whole process groups, so that a stop reaches a shell script's children too.
 * The JDK can only signal single processes, so this runs {@code kill -s SIG -- -PGID} (a few
 * milliseconds) on its own thread, never on the supervisor's.
 */
public final class ProcessGroups implements AutoCloseable {

  /** SIGTERM. */
  public static final int SIGTERM = 15;

  /** SIGKILL. */
  public static final int SIGKILL = 9;

  /** The longest {@link #close} waits for the signals still queued. */
  private static final long CLOSE_LIMIT_SECONDS = 15;

  private static final File DEV_NULL = new File("/dev/null");

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "gopm-signals");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Sends {@code signal} to every process in group {@code pgid}. Completes with true when the
   * group existed; never fails (a vanished group is normal).
   */
  public CompletableFuture<Boolean> signal(int pgid, int signal) {
    if (pgid <= 1) {
      return CompletableFuture.completedFuture(false);
    }
    return CompletableFuture.supplyAsync(() -> run(pgid, signal), executor);
  }

  private static boolean run(int pgid, int signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-s", Integer.toString(signal), "--", "-" + pgid)
              .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        return false;
      }
      return kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Sends the signals already asked for, then stops the thread. It waits for them: the last of a
   * shutdown are the SIGKILLs to what the leaders left in their groups, and the daemon exits right
   * after, which would otherwise drop them (leaving, say, a grandchild that ignores SIGTERM).
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
