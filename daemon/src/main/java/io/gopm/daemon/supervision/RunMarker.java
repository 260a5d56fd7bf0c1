package io.gopm.daemon.supervision;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The mark a daemon puts in the environment of every child ({@value #VARIABLE}), which its
 * descendants inherit: {@code PID:STARTTICKS:HOME}, naming one daemon (its PID and start time)
 * of one {@code GOPM_HOME}. A later daemon of the same home ends the processes that carry the mark
 * of another daemon: they were left by one that died before it could stop them, including those
 * that left their process group, and those started in the instant before the runtime record was
 * written (docs/adr/0019).
 */
public record RunMarker(long daemonPid, long daemonStartTicks, Path home) {

  /** The environment variable. */
  public static final String VARIABLE = "GOPM_DAEMON_RUN";

  /** The text of the variable. */
  public String text() {
    return daemonPid + ":" + daemonStartTicks + ":" + home;
  }

  /** The marker of {@code text}, or empty when it is not one. */
  public static Optional<RunMarker> parse(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length < 3 || parts[2].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RunMarker(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Path.of(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True when {@code other} was written by another daemon of the same home. */
  boolean isPredecessor(RunMarker other) {
    return other.home.equals(home) && !other.equals(this);
  }
}
