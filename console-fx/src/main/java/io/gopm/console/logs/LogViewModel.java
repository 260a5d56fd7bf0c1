package io.gopm.console.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log pane: the lines of the selected process (stdout, stderr or both), following live or
 * paused, searched with highlighting, bounded to a number of lines. Used on the UI thread only.
 *
 * <p>Bounds: the pane keeps at most {@code capacity} lines (older ones scroll out); while paused
 * new lines wait in a {@link LogBuffer} of the same size; lines that arrive faster than they can
 * be shown are dropped before they get here, and a notice says how many.
 */
public final class LogViewModel {

  private final ObservableList<LogEntry> lines = FXCollections.observableArrayList();
  /** One read-only view, kept: a view made per call would drop its listeners when collected. */
  private final ObservableList<LogEntry> linesView = FXCollections.unmodifiableObservableList(lines);
  private final ObjectProperty<LogStreams> streams = new SimpleObjectProperty<>(this, "streams", LogStreams.OUT);
  private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No process selected");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private final int capacity;
  private final List<AutoCloseable> follows = new ArrayList<>();
  private LogBuffer pending;
  private LogSource source;
  private String process;
  private long skipped;
  private long scrolledOut;
  private boolean ended;
  private String endReason = "";

  public LogViewModel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.pending = new LogBuffer(pendingCapacity());
    search.addListener((obs, old, text) -> countMatches());
    streams.addListener((obs, old, next) -> restart());
    following.addListener((obs, old, live) -> {
      if (live) {
        append(pending.drain());
      }
      updateNotice();
    });
  }

  /** The lines shown, oldest first. */
  public ObservableList<LogEntry> lines() {
    return linesView;
  }

  public ObjectProperty<LogStreams> streamsProperty() {
    return streams;
  }

  /** True while new lines are shown as they come; false while paused. */
  public BooleanProperty followingProperty() {
    return following;
  }

  /** Text to find (case-insensitive); matching lines are highlighted. */
  public StringProperty searchProperty() {
    return search;
  }

  public ReadOnlyIntegerProperty matchCountProperty() {
    return matchCount.getReadOnlyProperty();
  }

  /** {@code api: stdout}. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** What the user should know: lines skipped, paused with N new lines, the stream ended. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public int capacity() {
    return capacity;
  }

  /** The process shown, or null. */
  public String process() {
    return process;
  }

  /** Shows the log of {@code process} from {@code source}, following it. */
  public void show(LogSource source, String process) {
    this.source = source;
    this.process = process;
    restart();
  }

  /** Shows nothing (no process selected, or the target was closed). */
  public void stop() {
    closeFollows();
    source = null;
    process = null;
    resetLines();
    title.set("No process selected");
    updateNotice();
  }

  /** Cycles stdout → stderr → both ({@code e}). */
  public void cycleStreams() {
    streams.set(streams.get().next());
  }

  public void toggleFollowing() {
    following.set(!following.get());
  }

  /** The connection came back: follow again if the follow had ended. */
  public void reconnected() {
    if (ended && source != null) {
      restart();
    }
  }

  /** Empties the pane (the lines stay in the log files). */
  public void clear() {
    resetLines();
    updateNotice();
  }

  /** The index of the next line after {@code from} that matches the search, wrapping; -1 if none. */
  public int findNext(int from) {
    return find(from, 1);
  }

  /** The index of the previous matching line before {@code from}, wrapping; -1 if none. */
  public int findPrevious(int from) {
    return find(from, -1);
  }

  /** True when {@code entry} contains the search text. */
  public boolean matches(LogEntry entry) {
    String wanted = search.get();
    return wanted != null && !wanted.isEmpty() && entry.text().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
  }

  /** The text of the lines at {@code indices} (or of every line when empty), for the clipboard. */
  public String text(List<Integer> indices) {
    StringBuilder out = new StringBuilder();
    if (indices.isEmpty()) {
      lines.forEach(entry -> out.append(entry.text()).append('\n'));
    } else {
      indices.stream().sorted().filter(i -> i >= 0 && i < lines.size()).forEach(i -> out.append(lines.get(i).text()).append('\n'));
    }
    return out.toString();
  }

  /** A sink for one follow of the current process; ignores anything once the selection changed. */
  private LogSource.Sink sinkFor(String followed) {
    return new LogSource.Sink() {
      @Override
      public void initial(String stream, List<String> initial) {
        if (!followed.equals(process)) {
          return;
        }
        List<LogEntry> entries = new ArrayList<>(initial.size());
        for (String line : initial) {
          entries.add(LogEntry.line(stream, line));
        }
        mergeInitial(entries);
      }

      @Override
      public void lines(List<LogEntry> batch) {
        if (followed.equals(process)) {
          receive(batch);
        }
      }

      @Override
      public void ended(String stream, String reason) {
        if (followed.equals(process)) {
          ended = true;
          endReason = reason;
          updateNotice();
        }
      }
    };
  }

  /** New lines from a follower: shown now, or kept for later while paused. */
  void receive(List<LogEntry> batch) {
    for (LogEntry entry : batch) {
      skipped += entry.skipped();
    }
    if (following.get()) {
      append(batch);
    } else {
      for (LogEntry entry : batch) {
        pending.add(entry);
      }
    }
    updateNotice();
  }

  private void restart() {
    closeFollows();
    resetLines();
    if (source == null || process == null) {
      updateNotice();
      return;
    }
    title.set(process + ": " + streams.get().label());
    for (String stream : streams.get().streams()) {
      follows.add(source.follow(process, stream, 200, sinkFor(process)));
    }
    updateNotice();
  }

  /** The last lines of a stream, merged by timestamp with what is shown (the other stream's). */
  private void mergeInitial(List<LogEntry> initial) {
    if (lines.isEmpty()) {
      append(initial);
      return;
    }
    List<LogEntry> merged = new ArrayList<>(lines.size() + initial.size());
    int a = 0;
    int b = 0;
    while (a < lines.size() || b < initial.size()) {
      if (b >= initial.size()
          || (a < lines.size() && lines.get(a).timestamp().compareTo(initial.get(b).timestamp()) <= 0)) {
        merged.add(lines.get(a++));
      } else {
        merged.add(initial.get(b++));
      }
    }
    lines.setAll(merged);
    trim();
    countMatches();
  }

  private void append(List<LogEntry> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (batch.size() >= capacity) {
      scrolledOut += lines.size() + batch.size() - capacity;
      lines.setAll(batch.subList(batch.size() - capacity, batch.size()));
    } else {
      lines.addAll(batch);
      trim();
    }
    countMatches();
  }

  private void trim() {
    int excess = lines.size() - capacity;
    if (excess > 0) {
      scrolledOut += excess;
      lines.remove(0, excess);
    }
  }

  private void resetLines() {
    lines.clear();
    pending = new LogBuffer(pendingCapacity());
    skipped = 0;
    scrolledOut = 0;
    ended = false;
    endReason = "";
    countMatches();
  }

  /** One less than the pane holds, so the skipped-lines notice survives a resume. */
  private int pendingCapacity() {
    return Math.max(1, capacity - 1);
  }

  private void closeFollows() {
    for (AutoCloseable follow : follows) {
      try {
        follow.close();
      } catch (Exception ignored) {
        // a follow that fails to close is gone anyway
      }
    }
    follows.clear();
  }

  private int find(int from, int step) {
    int size = lines.size();
    if (size == 0 || search.get() == null || search.get().isEmpty()) {
      return -1;
    }
    int start = from < 0 || from >= size ? (step > 0 ? -1 : size) : from;
    for (int n = 1; n <= size; n++) {
      int index = Math.floorMod(start + n * step, size);
      if (matches(lines.get(index))) {
        return index;
      }
    }
    return -1;
  }

  private void countMatches() {
    int count = 0;
    if (search.get() != null && !search.get().isEmpty()) {
      for (LogEntry entry : lines) {
        if (matches(entry)) {
          count++;
        }
      }
    }
    matchCount.set(count);
  }

  private void updateNotice() {
    List<String> parts = new ArrayList<>();
    if (skipped > 0) {
      parts.add(skipped + (skipped == 1 ? " line" : " lines") + " skipped");
    }
    if (scrolledOut > 0) {
      parts.add("showing the last " + capacity + " lines");
    }
    if (!following.get()) {
      parts.add("paused, " + pending.size() + " new" + (pending.droppedTotal() > 0 ? " (+" + pending.droppedTotal() + " dropped)" : ""));
    }
    if (ended) {
      parts.add("not following: " + endReason);
    }
    notice.set(String.join(" · ", parts));
  }
}
