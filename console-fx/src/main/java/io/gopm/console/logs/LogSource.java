package io.gopm.console.logs;

import java.util.List;

/**
 * Where the log pane's lines come from: a following {@code logs} call per stream. The view-model
 * starts one per stream it shows and closes them when the selection changes.
 */
public interface LogSource {

  /** Receives what one follow produces; called on the UI thread. */
  interface Sink {
    /** The last lines before following started. */
    void initial(String stream, List<String> lines);

    /** New lines (with a notice where lines were dropped). */
    void lines(List<LogEntry> batch);

    /** The follow ended (connection lost, process gone). */
    void ended(String stream, String reason);
  }

  /**
   * Follows {@code stream} ({@code out} or {@code err}) of {@code process}, starting with its last
   * {@code lines} lines.
   *
   * @return closing it stops following
   */
  AutoCloseable follow(String process, String stream, int lines, Sink sink);
}
