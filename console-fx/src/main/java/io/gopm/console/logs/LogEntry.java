package io.gopm.console.logs;

import java.util.Objects;

/**
 * One line of the log pane.
 *
 * @param stream {@code out} or {@code err} for a captured line, empty for the console's notices
 * @param text the line as captured (timestamp first), or the notice
 * @param notice true for lines the console writes itself ({@code 1200 lines skipped})
 * @param skipped for a skipped-lines notice, how many lines it stands for; else 0
 */
public record LogEntry(String stream, String text, boolean notice, long skipped) {

  public LogEntry {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(text, "text");
  }

  /** A captured line of {@code stream}. */
  public static LogEntry line(String stream, String text) {
    return new LogEntry(stream, text, false, 0);
  }

  /** A line the console adds. */
  public static LogEntry notice(String text) {
    return new LogEntry("", text, true, 0);
  }

  /** The notice for lines that were dropped before reaching the pane. */
  public static LogEntry skipped(long count) {
    return new LogEntry(
        "", "… " + count + (count == 1 ? " line" : " lines") + " skipped (arriving faster than shown) …", true, count);
  }

  /** The timestamp that starts a captured line, or empty. */
  public String timestamp() {
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    return io.gopm.protocol.format.Timestamps.looksLikeTimestamp(first) ? first : "";
  }
}
