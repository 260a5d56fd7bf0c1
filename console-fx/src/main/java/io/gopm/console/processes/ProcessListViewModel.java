package io.gopm.console.processes;

import io.gopm.protocol.model.ProcessInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The process table of the selected target: rows (filtered by the filter text, sorted by the
 * table's order), the selected process by name (so it stays selected across updates), and
 * whether the data is stale (the connection is down). Used on the UI thread only.
 */
public final class ProcessListViewModel {

  private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
  /** One read-only view, kept: a view made per call would drop its listeners when collected. */
  private final ObservableList<ProcessRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final FilteredList<ProcessRow> filtered = new FilteredList<>(rows);
  private final SortedList<ProcessRow> sorted = new SortedList<>(filtered);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale", true);
  private final StringProperty selectedName = new SimpleStringProperty(this, "selectedName");
  private final ObjectProperty<Comparator<? super ProcessRow>> comparator =
      new SimpleObjectProperty<>(this, "comparator");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

  public ProcessListViewModel() {
    filter.addListener((obs, old, text) -> {
      filtered.setPredicate(matcher(text));
      updateSummary();
    });
    sorted.comparatorProperty().bind(comparator);
  }

  /** The rows to show: filtered and sorted. */
  public SortedList<ProcessRow> visibleRows() {
    return sorted;
  }

  /** Every row of the target, unfiltered, by ID. */
  public ObservableList<ProcessRow> allRows() {
    return rowsView;
  }

  /** Text typed in the filter: part of a name, an ID, or a status. */
  public StringProperty filterProperty() {
    return filter;
  }

  /** True while the connection is down and the rows are the last ones seen. */
  public BooleanProperty staleProperty() {
    return stale;
  }

  /** The selected process's name, or null. */
  public StringProperty selectedNameProperty() {
    return selectedName;
  }

  /** The order of {@link #visibleRows()} (null: by ID); the view keeps it equal to the table's sort order. */
  public ObjectProperty<Comparator<? super ProcessRow>> comparatorProperty() {
    return comparator;
  }

  /** {@code 3 processes (2 online)}, or with a filter {@code 1 of 3 processes}. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Sorts by {@code column}, ascending or descending. */
  public void sortBy(ProcessColumn column, boolean descending) {
    comparator.set(descending ? column.order().reversed() : column.order());
  }

  /**
   * Shows a new process list. Rows that did not change are left alone, so the table keeps its
   * scroll position and selection.
   */
  public void update(List<ProcessInfo> processes, Instant now) {
    List<ProcessRow> next = new ArrayList<>(processes.size());
    for (ProcessInfo process : processes) {
      next.add(ProcessRow.of(process, now));
    }
    boolean sameIds = next.size() == rows.size();
    for (int i = 0; sameIds && i < next.size(); i++) {
      sameIds = next.get(i).id() == rows.get(i).id() && next.get(i).name().equals(rows.get(i).name());
    }
    if (sameIds) {
      for (int i = 0; i < next.size(); i++) {
        if (!next.get(i).equals(rows.get(i))) {
          rows.set(i, next.get(i));
        }
      }
    } else {
      rows.setAll(next);
    }
    if (selectedName.get() != null && find(selectedName.get()).isEmpty()) {
      selectedName.set(null);
    }
    updateSummary();
  }

  /** Forgets every row (another target is shown). */
  public void clear() {
    rows.clear();
    selectedName.set(null);
    updateSummary();
  }

  /** The row of the named process, if listed. */
  public Optional<ProcessRow> find(String name) {
    return rows.stream().filter(row -> row.name().equals(name)).findFirst();
  }

  /** The selected row, if any. */
  public Optional<ProcessRow> selected() {
    String name = selectedName.get();
    return name == null ? Optional.empty() : find(name);
  }

  /** Selects the row below ({@code +1}) or above ({@code -1}) the selection among the visible ones. */
  public void moveSelection(int step) {
    if (sorted.isEmpty()) {
      return;
    }
    int index = -1;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(selectedName.get())) {
        index = i;
      }
    }
    int next = index < 0 ? 0 : Math.max(0, Math.min(sorted.size() - 1, index + step));
    selectedName.set(sorted.get(next).name());
  }

  static Predicate<ProcessRow> matcher(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return row -> true;
    }
    return row ->
        row.name().toLowerCase(Locale.ROOT).contains(wanted)
            || Integer.toString(row.id()).equals(wanted)
            || row.statusText().equals(wanted);
  }

  private void updateSummary() {
    long online = rows.stream().filter(row -> row.pid() > 0).count();
    String total = rows.size() + (rows.size() == 1 ? " process" : " processes");
    if (filtered.size() != rows.size()) {
      summary.set(filtered.size() + " of " + total + " (" + online + " online)");
    } else {
      summary.set(total + " (" + online + " online)");
    }
  }
}
