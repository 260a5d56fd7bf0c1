package io.gopm.cli.tui;

import java.util.List;
import java.util.Objects;

/**
 * The log pane's state: which log its lines come from, the bounded buffer of those lines, and how
 * far back the pane is scrolled (0: it follows the newest line). A pane scrolled back stays on the
 * same lines while new ones arrive. Owned by the UI thread, through {@link TuiModel}.
 */
final class LogView {

  private final LogBuffer lines;
  private LogSubscription following;
  private int scroll;
  private int page = 10;

  LogView(int capacity) {
    this.lines = new LogBuffer(capacity);
  }

  /** The pane now shows {@code subscription}'s lines (null: none); a change empties it. */
  void follow(LogSubscription subscription) {
    if (!Objects.equals(subscription, following)) {
      clear();
    }
    following = subscription;
  }

  LogSubscription following() {
    return following;
  }

  /** Replaces the lines with the tail read when the follow started. */
  void tail(List<String> tail) {
    clear();
    lines.addAll(tail);
  }

  /** New lines; {@code skipped} lines before them were dropped because we read too slowly. */
  void append(List<String> more, long skipped) {
    int added = more.size();
    if (skipped > 0) {
      lines.add("[gopm] " + skipped + " lines skipped (output faster than the UI reads)");
      added++;
    }
    lines.addAll(more);
    if (scroll > 0) {
      scroll = Math.min(scroll + added, maxScroll());
    }
  }

  void clear() {
    lines.clear();
    scroll = 0;
  }

  /** Scrolls {@code count} lines back (negative: forward), within the lines there are. */
  void scrollBack(int count) {
    scroll = Math.max(0, Math.min(maxScroll(), scroll + count));
  }

  void scrollToOldest() {
    scroll = maxScroll();
  }

  void scrollToNewest() {
    scroll = 0;
  }

  /** How many lines the pane shows, which is also how far a page key scrolls. */
  void page(int rows) {
    page = Math.max(1, rows);
    scroll = Math.min(scroll, maxScroll());
  }

  int pageSize() {
    return page;
  }

  int scroll() {
    return scroll;
  }

  int size() {
    return lines.size();
  }

  /** The {@code rows} lines shown, ending {@link #scroll()} lines before the newest. */
  List<String> window(int rows) {
    return lines.window(rows, scroll);
  }

  private int maxScroll() {
    return Math.max(0, lines.size() - page);
  }
}
