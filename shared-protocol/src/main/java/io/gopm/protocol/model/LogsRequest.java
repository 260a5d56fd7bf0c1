package io.gopm.protocol.model;

/**
 * Asks for the last lines of one or every process's log.
 *
 * @param lines how many lines per process; 0 or less means 20
 * @param errOnly the stderr log instead of stdout
 * @param follow keep the call open and send each new line as a {@code log} notification
 */
public record LogsRequest(String target, int lines, boolean errOnly, boolean follow) {

  /** The number of lines when none is asked for. */
  public static final int DEFAULT_LINES = 20;

  /** The number of lines to show, defaults applied. */
  public int effectiveLines() {
    return lines <= 0 ? DEFAULT_LINES : lines;
  }
}
