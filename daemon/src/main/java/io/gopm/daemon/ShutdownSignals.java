package io.gopm.daemon;

import io.gopm.daemon.events.DaemonLog;
import java.util.function.Consumer;

/**
 * SIGTERM and SIGINT start the daemon's graceful shutdown instead of ending the JVM at once
 * (JDK-internal {@code sun.misc.Signal}, the only way to handle signals without native code).
 */
final class ShutdownSignals {

  private ShutdownSignals() {}

  static void install(Consumer<String> shutdown, DaemonLog log) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(
            new sun.misc.Signal(name),
            signal -> {
              log.info("received shutdown signal", "signal", "SIG" + name);
              shutdown.accept("SIG" + name);
            });
      } catch (IllegalArgumentException e) {
        log.warn("cannot handle signal", "signal", name, "error", e.getMessage());
      }
    }
  }
}
