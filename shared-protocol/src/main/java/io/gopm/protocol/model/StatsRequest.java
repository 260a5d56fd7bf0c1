package io.gopm.protocol.model;

/**
 * Asks for the metrics history.
 *
 * @param target {@code all} (or empty), a name, or an ID
 * @param hours how far back, 1–18; 0 means 6
 */
public record StatsRequest(String target, int hours) {

  /** Hours of history kept by the daemon. */
  public static final int MAX_HOURS = 18;

  /** Hours shown when none are asked for. */
  public static final int DEFAULT_HOURS = 6;

  /** The hours to show, defaults applied. */
  public int effectiveHours() {
    return hours <= 0 ? DEFAULT_HOURS : hours;
  }
}
