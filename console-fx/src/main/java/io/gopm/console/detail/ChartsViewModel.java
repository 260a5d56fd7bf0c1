package io.gopm.console.detail;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StatsPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * CPU and memory over time for the selected process: the daemon's history ({@code stats}, a
 * point a minute, up to 18 hours), continued by the samples the console takes at every poll since
 * the last history point. Used on the UI thread only.
 */
public final class ChartsViewModel {

  /** Console samples kept per process (an hour at a 2 s poll). */
  static final int MAX_SAMPLES = 1_800;

  /** How often the daemon's history is fetched again. */
  public static final Duration HISTORY_REFRESH = Duration.ofSeconds(60);

  private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
  /** One read-only view, kept: a view made per call would drop its listeners when collected. */
  private final ObservableList<ChartPoint> pointsView = FXCollections.unmodifiableObservableList(points);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No process selected");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
  private final Deque<ChartPoint> samples = new ArrayDeque<>();
  private List<ChartPoint> history = List.of();
  private String process;
  private Instant historyFetched;

  public ObservableList<ChartPoint> points() {
    return pointsView;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Where the points come from. */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  public String process() {
    return process;
  }

  /** Starts charting {@code name}: no points until history or samples arrive. */
  public void show(String name) {
    process = name;
    history = List.of();
    samples.clear();
    historyFetched = null;
    title.set(name + ": CPU and memory");
    rebuild();
  }

  public void clear() {
    process = null;
    history = List.of();
    samples.clear();
    historyFetched = null;
    title.set("No process selected");
    rebuild();
  }

  /** True when the daemon's history should be fetched (never fetched, or a minute old). */
  public boolean historyDue(Instant now) {
    return process != null && (historyFetched == null || !now.isBefore(historyFetched.plus(HISTORY_REFRESH)));
  }

  /** The history was asked for at {@code now}: not due again for a minute. */
  public void historyRequested(Instant now) {
    historyFetched = now;
  }

  /** The daemon's history of {@code name} arrived ({@code stats}), fetched at {@code now}. */
  public void history(String name, List<StatsPoint> stats, Instant now) {
    if (!name.equals(process)) {
      return;
    }
    historyFetched = now;
    List<ChartPoint> next = new ArrayList<>(stats.size());
    for (StatsPoint point : stats) {
      next.add(new ChartPoint(Instant.ofEpochSecond(point.ts()), point.cpu(), point.mem(), false));
    }
    history = next;
    rebuild();
  }

  /** A poll's figures for the shown process; ignored for any other. */
  public void sample(ProcessInfo info, Instant at) {
    if (!info.name().equals(process)) {
      return;
    }
    ChartPoint point = new ChartPoint(at, info.online() ? info.cpu() : 0, info.online() ? info.memory() : 0, true);
    if (samples.size() == MAX_SAMPLES) {
      samples.removeFirst();
    }
    samples.addLast(point);
    rebuild();
  }

  private void rebuild() {
    List<ChartPoint> next = new ArrayList<>(history);
    Instant last = history.isEmpty() ? Instant.MIN : history.get(history.size() - 1).at();
    int sampled = 0;
    for (ChartPoint sample : samples) {
      if (sample.at().isAfter(last)) {
        next.add(sample);
        sampled++;
      }
    }
    points.setAll(next);
    if (process == null) {
      note.set("");
    } else if (next.isEmpty()) {
      note.set("waiting for data");
    } else {
      note.set(history.size() + " points of daemon history (one a minute), " + sampled + " console samples");
    }
  }
}
