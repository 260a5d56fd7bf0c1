package io.gopm.cli.tui;

import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the terminal UI shows and every rule of its keys, without a terminal: the process
 * list and the selection (kept by name across refreshes and filters), the filter, the focus, the
 * log pane (visibility, stream, the bounded line buffer and how far it is scrolled back), the
 * overlays (detail, start prompt, filter prompt, delete confirmation) and the status line.
 *
 * <p>Not thread-safe: only the UI thread calls it (background threads post their results to that
 * thread). Keys return the {@link DaemonAction} they ask for, which the controller sends.
 */
final class TuiModel {

  /** Lines kept for the log pane (and for scrolling back). */
  static final int LOG_CAPACITY = 2_000;

  /** How long a status message stays. */
  static final Duration STATUS_TIME = Duration.ofSeconds(4);

  /** A line for the status row; an error is shown in red. */
  record Status(String text, boolean error, Instant until) {}

  private final Clock clock;
  private final Function<String, StartRequest> startParser;
  private final LogView logs = new LogView(LOG_CAPACITY);

  private List<ProcessInfo> processes = List.of();
  private PingResult daemon;
  private String disconnected;
  private String filter = "";
  private String selected;
  private String wanted;
  private int selectedIndex;
  private Pane focus = Pane.PROCESSES;
  private boolean logsVisible = true;
  private LogStream stream = LogStream.OUT;
  private int processPage = 10;
  private int detailPage = Integer.MAX_VALUE;
  private Overlay overlay = Overlay.NONE;
  private Status status;
  private boolean quit;

  /**
   * @param startParser turns the start prompt's text into a request; throws {@link
   *     IllegalArgumentException} with the reason it cannot
   */
  TuiModel(Clock clock, Function<String, StartRequest> startParser) {
    this.clock = clock;
    this.startParser = startParser;
  }

  // ---- what the daemon says ----

  /** A fresh process list and daemon status: connected again if we were not. */
  void snapshot(List<ProcessInfo> processes, PingResult daemon) {
    this.processes = List.copyOf(processes);
    this.daemon = daemon;
    this.disconnected = null;
    reselect();
    if (overlay instanceof Overlay.Detail detail) {
      int id = detail.process().id();
      this.processes.stream().filter(p -> p.id() == id).findFirst().ifPresent(p -> overlay = new Overlay.Detail(p, detail.first()));
    }
  }

  /** The daemon cannot be reached; the last list stays on screen until it can. */
  void disconnected(String reason) {
    this.disconnected = reason == null ? "" : reason;
  }

  /** The describe answer for the {@code Enter} key. */
  void showDetail(ProcessInfo process) {
    overlay = new Overlay.Detail(process);
  }

  /** A request succeeded; {@code detail} is added to the message (for example the new PID). */
  void actionDone(DaemonAction action, String detail) {
    LogSubscription following = logs.following();
    if (action instanceof DaemonAction.Flush flush && following != null && following.process().equals(flush.target())) {
      logs.clear();
    }
    say(action.verb() + " " + action.target() + ": OK" + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), false);
    reselect();
  }

  /** Selects the process {@code name} as soon as a list shows it (a process just started). */
  void selectWhenListed(String name) {
    wanted = name;
    reselect();
  }

  void actionFailed(DaemonAction action, String message) {
    say(action.verb() + " " + action.target() + " failed: " + message, true);
  }

  // ---- the log pane's lines ----

  /** The daemon refused to follow a log. */
  void logsFailed(LogSubscription subscription, String message) {
    say("logs of " + subscription.process() + ": " + message, true);
  }

  /** The log pane now follows {@code subscription} (null: nothing); a change empties the buffer. */
  void following(LogSubscription subscription) {
    logs.follow(subscription);
  }

  /** The last lines of the log, read when the follow started. */
  void logTail(List<String> lines) {
    logs.tail(lines);
  }

  /** New lines; {@code skipped} lines before them were dropped because we read too slowly. */
  void logLines(List<String> lines, long skipped) {
    logs.append(lines, skipped);
  }

  // ---- keys ----

  /** Applies one key; the request it asks of the daemon, if any. */
  Optional<DaemonAction> handle(Key key) {
    if (key.kind() == Key.Kind.CTRL_C || key.kind() == Key.Kind.EOF) {
      quit = true;
      return Optional.empty();
    }
    if (overlay instanceof Overlay.StartPrompt prompt) {
      return onStartPrompt(prompt, key);
    }
    if (overlay instanceof Overlay.FilterPrompt) {
      onFilterPrompt(key);
      return Optional.empty();
    }
    if (overlay instanceof Overlay.ConfirmDelete confirm) {
      overlay = Overlay.NONE;
      if (key.is('y') || key.is('Y')) {
        return Optional.of(started(new DaemonAction.Delete(confirm.name())));
      }
      say("delete cancelled", false);
      return Optional.empty();
    }
    if (overlay instanceof Overlay.Detail detail) {
      if (key.is('q')) {
        quit = true;
      } else if (key.kind() == Key.Kind.ESCAPE || key.kind() == Key.Kind.ENTER) {
        overlay = Overlay.NONE;
      } else {
        scrollDetail(detail, key.kind());
      }
      return Optional.empty();
    }
    return onPanes(key);
  }

  /** The arrow, page, Home and End keys scroll a detail box that is taller than the screen. */
  private void scrollDetail(Overlay.Detail detail, Key.Kind kind) {
    int last = Math.max(0, new DetailBox(detail.process(), now()).rows().size() - detailPage);
    int first =
        switch (kind) {
          case UP -> detail.first() - 1;
          case DOWN -> detail.first() + 1;
          case PAGE_UP -> detail.first() - detailPage;
          case PAGE_DOWN -> detail.first() + detailPage;
          case HOME -> 0;
          case END -> last;
          default -> detail.first();
        };
    overlay = new Overlay.Detail(detail.process(), Math.max(0, Math.min(last, first)));
  }

  private Optional<DaemonAction> onPanes(Key key) {
    switch (key.kind()) {
      case UP:
      case DOWN:
      case PAGE_UP:
      case PAGE_DOWN:
      case HOME:
      case END:
        navigate(key.kind());
        return Optional.empty();
      case ENTER:
        if (focus == Pane.PROCESSES && selected != null) {
          return Optional.of(new DaemonAction.Describe(selected));
        }
        return Optional.empty();
      case TAB:
        if (logsVisible) {
          focus = focus == Pane.PROCESSES ? Pane.LOGS : Pane.PROCESSES;
        } else {
          say("the log pane is hidden: press l to show it", false);
        }
        return Optional.empty();
      case ESCAPE:
        if (!filter.isEmpty()) {
          filter = "";
          reselect();
        }
        return Optional.empty();
      case CHARACTER:
        return onCommandKey(key.character());
      default:
        return Optional.empty();
    }
  }

  private Optional<DaemonAction> onCommandKey(char c) {
    switch (c) {
      case 'q':
        quit = true;
        return Optional.empty();
      case 'j':
        navigate(Key.Kind.DOWN);
        return Optional.empty();
      case 'k':
        navigate(Key.Kind.UP);
        return Optional.empty();
      case 's':
        overlay = new Overlay.StartPrompt("", null);
        return Optional.empty();
      case 't':
        return onSelected(DaemonAction.Stop::new);
      case 'r':
        return onSelected(DaemonAction.Restart::new);
      case 'f':
        return onSelected(DaemonAction.Flush::new);
      case 'd':
        if (selected == null) {
          say("no process selected", true);
        } else {
          overlay = new Overlay.ConfirmDelete(selected);
        }
        return Optional.empty();
      case 'l':
        logsVisible = !logsVisible;
        if (!logsVisible) {
          focus = Pane.PROCESSES;
        }
        return Optional.empty();
      case 'e':
        stream = stream.other();
        say("logs: " + stream.label(), false);
        return Optional.empty();
      case '/':
        overlay = new Overlay.FilterPrompt();
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private Optional<DaemonAction> onSelected(Function<String, DaemonAction> action) {
    if (selected == null) {
      say("no process selected", true);
      return Optional.empty();
    }
    return Optional.of(started(action.apply(selected)));
  }

  private DaemonAction started(DaemonAction action) {
    say(progressive(action.verb()) + " " + action.target() + "…", false);
    return action;
  }

  /** {@code stop} → {@code stopping}, {@code delete} → {@code deleting}. */
  static String progressive(String verb) {
    String stem = verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb;
    if (verb.equals("stop")) {
      stem = "stopp";
    }
    return stem + "ing";
  }

  private Optional<DaemonAction> onStartPrompt(Overlay.StartPrompt prompt, Key key) {
    switch (key.kind()) {
      case ESCAPE:
        overlay = Overlay.NONE;
        say("start cancelled", false);
        return Optional.empty();
      case BACKSPACE:
        overlay = new Overlay.StartPrompt(dropLast(prompt.text()), null);
        return Optional.empty();
      case CLEAR_LINE:
        overlay = new Overlay.StartPrompt("", null);
        return Optional.empty();
      case ENTER:
        try {
          StartRequest request = startParser.apply(prompt.text());
          overlay = Overlay.NONE;
          return Optional.of(started(new DaemonAction.Start(request)));
        } catch (IllegalArgumentException e) {
          overlay = new Overlay.StartPrompt(prompt.text(), e.getMessage());
          return Optional.empty();
        }
      case CHARACTER:
        if (printable(key.character())) {
          overlay = new Overlay.StartPrompt(prompt.text() + key.character(), null);
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private void onFilterPrompt(Key key) {
    switch (key.kind()) {
      case ESCAPE:
        filter = "";
        overlay = Overlay.NONE;
        break;
      case ENTER:
        overlay = Overlay.NONE;
        break;
      case BACKSPACE:
        filter = dropLast(filter);
        break;
      case CLEAR_LINE:
        filter = "";
        break;
      case UP:
      case DOWN:
        moveSelection(key.kind() == Key.Kind.UP ? -1 : 1);
        return;
      case CHARACTER:
        if (printable(key.character())) {
          filter += key.character();
        }
        break;
      default:
        return;
    }
    reselect();
  }

  private static boolean printable(char c) {
    return c >= ' ' && c != 127;
  }

  private static String dropLast(String text) {
    return text.isEmpty() ? text : text.substring(0, text.length() - 1);
  }

  private void navigate(Key.Kind kind) {
    if (focus == Pane.LOGS) {
      switch (kind) {
        case UP -> logs.scrollBack(1);
        case DOWN -> logs.scrollBack(-1);
        case PAGE_UP -> logs.scrollBack(logs.pageSize());
        case PAGE_DOWN -> logs.scrollBack(-logs.pageSize());
        case HOME -> logs.scrollToOldest();
        case END -> logs.scrollToNewest();
        default -> { }
      }
      return;
    }
    switch (kind) {
      case UP -> moveSelection(-1);
      case DOWN -> moveSelection(1);
      case PAGE_UP -> moveSelection(-processPage);
      case PAGE_DOWN -> moveSelection(processPage);
      case HOME -> moveSelection(-visible().size());
      case END -> moveSelection(visible().size());
      default -> { }
    }
  }

  private void moveSelection(int delta) {
    wanted = null;
    List<ProcessInfo> rows = visible();
    if (rows.isEmpty()) {
      return;
    }
    int row = Math.max(0, Math.min(rows.size() - 1, selectedRow() + delta));
    selected = rows.get(row).name();
    selectedIndex = row;
  }

  /**
   * Keeps the selection on the same name when it is still shown, else on its neighbour; a process
   * just started is selected as soon as a list shows it.
   */
  private void reselect() {
    List<ProcessInfo> rows = visible();
    if (rows.isEmpty()) {
      selected = null;
      return;
    }
    if (wanted != null && rows.stream().anyMatch(p -> p.name().equals(wanted))) {
      selected = wanted;
      wanted = null;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).name().equals(selected)) {
        selectedIndex = i;
        return;
      }
    }
    selectedIndex = Math.max(0, Math.min(rows.size() - 1, selectedIndex));
    selected = rows.get(selectedIndex).name();
  }

  private void say(String text, boolean error) {
    status = new Status(text, error, clock.instant().plus(STATUS_TIME));
  }

  /** Drops an expired status message; true when something changed. */
  boolean tick() {
    if (status != null && !clock.instant().isBefore(status.until())) {
      status = null;
      return true;
    }
    return false;
  }

  /** How many rows the panes show now, for paging (set by the controller at each layout). */
  void viewport(int processRows, int logRows) {
    this.processPage = Math.max(1, processRows);
    logs.page(logRows);
  }

  /** How many rows of a detail box the screen shows now (set by the controller at each layout). */
  void detailViewport(int rows) {
    this.detailPage = Math.max(1, rows);
  }

  // ---- what the view reads ----

  /** The processes the filter lets through, in the daemon's order (by ID). */
  List<ProcessInfo> visible() {
    if (filter.isEmpty()) {
      return processes;
    }
    String needle = filter.toLowerCase(Locale.ROOT);
    return processes.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
  }

  /** The row of the selection in {@link #visible()}, or -1. */
  int selectedRow() {
    List<ProcessInfo> rows = visible();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).name().equals(selected)) {
        return i;
      }
    }
    return -1;
  }

  Optional<ProcessInfo> selectedProcess() {
    int row = selectedRow();
    return row < 0 ? Optional.empty() : Optional.of(visible().get(row));
  }

  /** What the log pane should follow now: null when it is hidden or nothing is selected. */
  LogSubscription logSubscription() {
    return logsVisible && selected != null ? new LogSubscription(selected, stream) : null;
  }

  /** The lines the log pane shows: {@code rows} lines, ending {@link #logScroll()} lines back. */
  List<String> logWindow(int rows) {
    return logs.window(rows);
  }

  int logLineCount() {
    return logs.size();
  }

  int logScroll() {
    return logs.scroll();
  }

  List<ProcessInfo> processes() {
    return processes;
  }

  String selected() {
    return selected;
  }

  String filter() {
    return filter;
  }

  Pane focus() {
    return focus;
  }

  boolean logsVisible() {
    return logsVisible;
  }

  LogStream stream() {
    return stream;
  }

  Overlay overlay() {
    return overlay;
  }

  /** The daemon's last ping, or null before the first. */
  PingResult daemon() {
    return daemon;
  }

  boolean connected() {
    return disconnected == null;
  }

  /** Why the daemon cannot be reached, or null while connected. */
  String disconnectedReason() {
    return disconnected;
  }

  /** The current status message, or null. */
  Status status() {
    return status;
  }

  boolean quitRequested() {
    return quit;
  }

  void quit() {
    quit = true;
  }

  /** The model's clock reading, for the painter's uptime figures. */
  Instant now() {
    return clock.instant();
  }
}
