package io.gopm.cli;

/**
 * Ctrl+C (SIGINT) and SIGTERM for commands that run until interrupted ({@code logs -f}): instead
 * of the JVM's abrupt exit with status 130, the command's stop action runs and it ends normally
 * with status 0.
 */
public final class Interrupts {

  private Interrupts() {}

  /** Runs {@code onInterrupt} (on a signal thread) when the user presses Ctrl+C. */
  public static void onInterrupt(Runnable onInterrupt) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onInterrupt.run());
      } catch (IllegalArgumentException ignored) {
        // the signal is not available here: the JVM's default handling remains
      }
    }
  }
}
