package io.gopm.cli.tui;

import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import java.time.Duration;
import java.util.List;

/**
 * Draws the model on a canvas: the frame with the header, the process pane, the log pane, the
 * status or prompt row, the key help, and the detail box over them. A pure function of the model,
 * the layout and the time, so a test can paint into a text grid and read it.
 */
final class ScreenPainter {

  static final String HELP_COMMANDS = "[s]tart  s[t]op  [r]estart  [d]elete  [f]lush  [l]ogs  [e]rr/out  [/]filter";
  static final String HELP_PROCESSES = "[↑↓] navigate   [enter] describe   [tab] switch pane   [q] quit";
  static final String HELP_LOGS = "[↑↓ PgUp PgDn] scroll   [End] follow   [tab] switch pane   [q] quit";
  static final String HELP_START = "[enter] start   [esc] cancel   e.g. ./app --name api -- --port 8080";
  static final String HELP_FILTER = "[enter] keep filter   [esc] clear it   [↑↓] navigate";
  static final String HELP_CONFIRM = "[y] delete   any other key keeps it";
  static final String HELP_DETAIL = "[esc] or [enter] close   [q] quit";

  private final String clientVersion;
  private final Duration refresh;

  ScreenPainter(String clientVersion, Duration refresh) {
    this.clientVersion = clientVersion;
    this.refresh = refresh;
  }

  void paint(TuiModel model, Layout layout, Canvas canvas) {
    canvas.clear();
    if (layout.tooSmall()) {
      canvas.text(0, 0, Text.fit("Terminal too small (" + layout.width() + "×" + layout.height() + "): gopm gui needs "
          + Layout.MIN_WIDTH + "×" + Layout.MIN_HEIGHT + ". q quits.", layout.width()), Style.WARNING);
      return;
    }
    frame(model, layout, canvas);
    processPane(model, layout, canvas);
    if (layout.logs() != null) {
      logPane(model, layout, canvas);
    }
    messageRow(model, layout, canvas);
    help(model, layout, canvas);
    if (model.overlay() instanceof Overlay.Detail detail) {
      new DetailBox(detail.process(), model.now()).paint(layout, canvas, detail.first());
    }
  }

  // ---- frame and header ----

  private void frame(TuiModel model, Layout layout, Canvas canvas) {
    int w = layout.width();
    int h = layout.height();
    PingResult daemon = model.daemon();
    String version = daemon != null && daemon.version() != null ? daemon.version() : clientVersion;
    String left = "┌─ ";
    String title = "GoPM v" + version;
    String right;
    Style rightStyle;
    if (!model.connected()) {
      right = "disconnected, retrying";
      rightStyle = Style.ERROR;
    } else if (daemon != null) {
      right = "daemon PID: " + daemon.pid() + " ── uptime: " + daemon.uptime();
      rightStyle = Style.PLAIN;
    } else {
      right = "connecting";
      rightStyle = Style.DIM;
    }
    canvas.text(0, 0, "┌" + "─".repeat(w - 2) + "┐", Style.BORDER);
    canvas.text(0, 0, left, Style.BORDER);
    canvas.text(3, 0, Text.fit(title, w - 6), Style.TITLE);
    int titleEnd = 3 + Text.width(title);
    int rightWidth = Text.width(right);
    int rightX = w - 3 - rightWidth;
    if (rightX >= titleEnd + 3) {
      canvas.text(titleEnd, 0, " ", Style.BORDER);
      canvas.text(rightX - 1, 0, " ", Style.BORDER);
      canvas.text(rightX, 0, right, rightStyle);
      canvas.text(w - 3, 0, " ─┐", Style.BORDER);
    } else if (titleEnd < w - 2) {
      canvas.text(titleEnd, 0, " ", Style.BORDER);
    }
    for (int y = 1; y < h - 1; y++) {
      canvas.text(0, y, "│", Style.BORDER);
      canvas.text(w - 1, y, "│", Style.BORDER);
    }
    canvas.text(0, h - 1, "└" + "─".repeat(w - 2) + "┘", Style.BORDER);
  }

  /** A box with a title in its top border; double lines when it has the focus. */
  static void box(Canvas canvas, Layout.Box box, String title, Style titleStyle, boolean focused) {
    Style border = focused ? Style.FOCUS_BORDER : Style.BORDER;
    String h = focused ? "═" : "─";
    String v = focused ? "║" : "│";
    int inner = box.width() - 2;
    canvas.text(box.x(), box.y(), (focused ? "╔" : "┌") + h.repeat(inner) + (focused ? "╗" : "┐"), border);
    for (int y = box.y() + 1; y < box.y() + box.height() - 1; y++) {
      canvas.text(box.x(), y, v, border);
      canvas.text(box.x() + box.width() - 1, y, v, border);
    }
    canvas.text(box.x(), box.y() + box.height() - 1, (focused ? "╚" : "└") + h.repeat(inner) + (focused ? "╝" : "┘"), border);
    String shown = Text.fit(title, box.width() - 6);
    canvas.text(box.x() + 2, box.y(), " ", border);
    canvas.text(box.x() + 3, box.y(), shown, titleStyle);
    canvas.text(box.x() + 3 + Text.width(shown), box.y(), " ", border);
  }

  // ---- processes ----

  private void processPane(TuiModel model, Layout layout, Canvas canvas) {
    Layout.Box box = layout.processes();
    List<ProcessInfo> rows = model.visible();
    String title = "Processes";
    if (!model.filter().isEmpty() || model.overlay() instanceof Overlay.FilterPrompt) {
      title += " (" + rows.size() + " of " + model.processes().size() + ", filter: " + model.filter() + ")";
    }
    box(canvas, box, title, Style.TITLE, model.focus() == Pane.PROCESSES && layout.logs() != null);
    int x = box.x() + 2;
    int width = box.innerWidth();
    if (rows.isEmpty()) {
      String empty = model.processes().isEmpty()
          ? "No processes running (press s to start one)"
          : "No process name contains \"" + model.filter() + "\" (esc clears the filter)";
      canvas.text(x, box.y() + 1, Text.fit(empty, width), Style.DIM);
      return;
    }
    int selected = model.selectedRow();
    int first = Layout.firstVisibleRow(Math.max(0, selected), box.innerRows());
    ProcessRows format = new ProcessRows(rows, model.now());
    for (int i = 0; i < box.innerRows() && first + i < rows.size(); i++) {
      int row = first + i;
      int y = box.y() + 1 + i;
      boolean isSelected = row == selected;
      if (isSelected) {
        canvas.text(box.x() + 1, y, " ".repeat(box.width() - 2), Style.PLAIN.highlighted());
      }
      int cx = x;
      for (ProcessRows.Cell cell : format.cells(rows.get(row), isSelected, width)) {
        String text = Text.fit(cell.text(), x + width - cx);
        canvas.text(cx, y, text, isSelected ? cell.style().highlighted() : cell.style());
        cx += Text.width(text);
        if (cx >= x + width) {
          break;
        }
      }
    }
  }

  // ---- logs ----

  private void logPane(TuiModel model, Layout layout, Canvas canvas) {
    Layout.Box box = layout.logs();
    LogSubscription following = model.logSubscription();
    String title = following == null
        ? "Logs (" + model.stream().label() + ")"
        : "Logs (" + following.process() + ", " + following.stream().label() + ")";
    if (model.logScroll() > 0) {
      title += " ↑ " + model.logScroll() + " lines back, End follows";
    }
    box(canvas, box, title, Style.TITLE, model.focus() == Pane.LOGS);
    int x = box.x() + 2;
    int width = box.innerWidth();
    List<String> lines = model.logWindow(box.innerRows());
    if (lines.isEmpty()) {
      String empty = following == null ? "No process selected" : "No log lines yet";
      canvas.text(x, box.y() + 1, Text.fit(empty, width), Style.DIM);
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      logLine(canvas, x, box.y() + 1 + i, width, Text.clean(lines.get(i)));
    }
  }

  /** A captured line: its timestamp shortened to the time of day, dimmed; the text cut to fit. */
  private static void logLine(Canvas canvas, int x, int y, int width, String line) {
    int space = line.indexOf(' ');
    if (space >= 19 && Timestamps.looksLikeTimestamp(line.substring(0, space)) && width > 12) {
      canvas.text(x, y, line.substring(11, 19), Style.DIM);
      canvas.text(x + 8, y, Text.fit("  " + line.substring(space + 1), width - 8), styleOf(line));
    } else {
      canvas.text(x, y, Text.fit(line, width), styleOf(line));
    }
  }

  private static Style styleOf(String line) {
    return line.contains("[gopm]") ? Style.DIM : Style.PLAIN;
  }

  // ---- status, prompts and help ----

  private void messageRow(TuiModel model, Layout layout, Canvas canvas) {
    int x = 2;
    int y = layout.messageRow();
    int width = layout.width() - 4;
    Overlay overlay = model.overlay();
    if (overlay instanceof Overlay.StartPrompt prompt) {
      prompt(canvas, x, y, width, "Start: ", prompt.text());
    } else if (overlay instanceof Overlay.FilterPrompt) {
      prompt(canvas, x, y, width, "Filter: ", model.filter());
    } else if (overlay instanceof Overlay.ConfirmDelete confirm) {
      String question = "Delete " + confirm.name() + "? [y/N] ";
      canvas.text(x, y, Text.fit(question, width), Style.WARNING);
      canvas.cursor(x + Math.min(width, Text.width(question)), y);
    } else if (!model.connected()) {
      String reason = model.disconnectedReason();
      canvas.text(x, y, Text.fit("disconnected, retrying every " + GoDuration.format(refresh)
          + (reason.isEmpty() ? "" : ": " + reason), width), Style.ERROR);
    } else if (model.status() != null) {
      canvas.text(x, y, Text.fit(model.status().text(), width), model.status().error() ? Style.ERROR : Style.PLAIN);
    } else if (!model.filter().isEmpty()) {
      canvas.text(x, y, Text.fit("filter: " + model.filter() + "   (/ edits, esc clears)", width), Style.DIM);
    }
  }

  private static void prompt(Canvas canvas, int x, int y, int width, String label, String text) {
    canvas.text(x, y, label, Style.KEY);
    int room = width - Text.width(label) - 1;
    String shown = text;
    if (Text.width(shown) > room) {
      shown = "…" + shown.substring(Math.max(0, shown.length() - room + 1));
    }
    canvas.text(x + Text.width(label), y, shown, Style.PLAIN);
    int end = x + Text.width(label) + Text.width(shown);
    canvas.cursor(end, y);
  }

  private void help(TuiModel model, Layout layout, Canvas canvas) {
    String second;
    Overlay overlay = model.overlay();
    if (overlay instanceof Overlay.StartPrompt) {
      second = HELP_START;
    } else if (overlay instanceof Overlay.FilterPrompt) {
      second = HELP_FILTER;
    } else if (overlay instanceof Overlay.ConfirmDelete) {
      second = HELP_CONFIRM;
    } else if (overlay instanceof Overlay.Detail) {
      second = HELP_DETAIL;
    } else {
      second = model.focus() == Pane.LOGS ? HELP_LOGS : HELP_PROCESSES;
    }
    int width = layout.width() - 4;
    int y = layout.helpRow() + layout.helpRows() - 1;
    if (layout.helpRows() > 1) {
      keys(canvas, 2, layout.helpRow(), width, HELP_COMMANDS);
    } else if (overlay instanceof Overlay.None) {
      second = HELP_COMMANDS;
    }
    if (overlay instanceof Overlay.StartPrompt prompt && prompt.error() != null) {
      canvas.text(2, y, Text.fit("✗ " + prompt.error(), width), Style.ERROR);
    } else {
      keys(canvas, 2, y, width, second);
    }
  }

  /** A help line: the {@code [key]} parts stand out, the rest is dimmed. */
  static void keys(Canvas canvas, int x, int y, int width, String line) {
    String text = Text.fit(line, width);
    int cx = x;
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('[', i);
      int close = open < 0 ? -1 : text.indexOf(']', open);
      if (open < 0 || close < 0) {
        canvas.text(cx, y, text.substring(i), Style.DIM);
        return;
      }
      if (open > i) {
        canvas.text(cx, y, text.substring(i, open), Style.DIM);
        cx += Text.width(text.substring(i, open));
      }
      String key = text.substring(open, close + 1);
      canvas.text(cx, y, key, Style.KEY);
      cx += Text.width(key);
      i = close + 1;
    }
  }
}
