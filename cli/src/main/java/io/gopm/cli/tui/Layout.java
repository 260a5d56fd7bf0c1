package io.gopm.cli.tui;

/**
 * Where everything goes on a screen of a given size: a pure function of the size, the number of
 * process rows and whether the log pane is shown, so it is tested without a terminal.
 *
 * <pre>
 * ┌─ GoPM v0.1.0 ────────── daemon PID: 1150 ── uptime: 4d 12h ─┐   row 0: frame and header
 * │ ┌─ Processes ─────────────────────────────────────────────┐ │   process box: its rows, or all
 * │ │ ▸ 0  api   online   PID 4521  CPU 0.3%  MEM 24.1 MB  ↻ 0 │ │   the space left by the log box
 * │ └──────────────────────────────────────────────────────────┘ │
 * │ ┌─ Logs (api, stdout) ─────────────────────────────────────┐ │   log box: the rest (at least a
 * │ │ 14:22:01  request handled                                │ │   third of the space)
 * │ └──────────────────────────────────────────────────────────┘ │
 * │ (message row: status, prompt, confirmation)                  │
 * │ [s]tart  s[t]op  [r]estart  [d]elete ...                     │   help: two rows, one when low
 * └──────────────────────────────────────────────────────────────┘
 * </pre>
 *
 * <p>Tall screens (at least {@link #AIRY_HEIGHT} rows) get a blank row above each box, as in the
 * README's screenshot. Below {@link #MIN_WIDTH}×{@link #MIN_HEIGHT} nothing fits: {@link
 * #tooSmall()} is true and only a short notice is drawn.
 *
 * @param processes the process box
 * @param logs the log box, or null when the log pane is hidden
 * @param messageRow the row of the status line, prompts and confirmations
 * @param helpRow the first row of the key help
 * @param helpRows 2, or 1 on a low screen
 */
record Layout(
    int width, int height, boolean tooSmall, Box processes, Box logs, int messageRow, int helpRow, int helpRows) {

  static final int MIN_WIDTH = 40;
  static final int MIN_HEIGHT = 10;
  static final int AIRY_HEIGHT = 30;
  /** The log box never gets fewer rows than this (three lines and its borders). */
  static final int MIN_LOG_BOX = 5;

  /** A bordered box: its outer rectangle. */
  record Box(int x, int y, int width, int height) {

    /** Rows inside the borders. */
    int innerRows() {
      return Math.max(0, height - 2);
    }

    /** Columns inside the borders and one column of padding on each side. */
    int innerWidth() {
      return Math.max(0, width - 4);
    }
  }

  static Layout of(int width, int height, int processRows, boolean logsVisible) {
    if (width < MIN_WIDTH || height < MIN_HEIGHT) {
      return new Layout(width, height, true, null, null, 0, 0, 0);
    }
    int helpRows = height >= 16 ? 2 : 1;
    int helpRow = height - 1 - helpRows;
    int messageRow = helpRow - 1;
    boolean airy = height >= AIRY_HEIGHT;
    int top = airy ? 2 : 1;
    int available = messageRow - top - (airy && logsVisible ? 1 : 0);
    int boxX = 2;
    int boxWidth = width - 4;
    int wanted = Math.max(1, processRows) + 2;
    if (!logsVisible) {
      return new Layout(width, height, false, new Box(boxX, top, boxWidth, available), null, messageRow, helpRow, helpRows);
    }
    int minLogs = Math.max(MIN_LOG_BOX, available / 3);
    int processHeight = Math.max(3, Math.min(wanted, available - minLogs));
    int logsY = top + processHeight + (airy ? 1 : 0);
    int logsHeight = messageRow - logsY;
    return new Layout(
        width,
        height,
        false,
        new Box(boxX, top, boxWidth, processHeight),
        new Box(boxX, logsY, boxWidth, logsHeight),
        messageRow,
        helpRow,
        helpRows);
  }

  /**
   * The first process row to show so that row {@code selected} is visible in {@code rows} rows:
   * the list scrolls only as far as the selection needs.
   */
  static int firstVisibleRow(int selected, int rows) {
    if (rows <= 0 || selected < rows) {
      return 0;
    }
    return selected - rows + 1;
  }

  /** Log lines the log pane shows (0 when hidden or too small). */
  int logRows() {
    return logs == null ? 0 : logs.innerRows();
  }

  /** Process rows the process pane shows. */
  int processRows() {
    return processes == null ? 0 : processes.innerRows();
  }
}
