package io.gopm.console.processes;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The process table and its filter field; a thin controller over {@link ProcessListViewModel}. */
public final class ProcessListView {

  @FXML private TextField filterField;
  @FXML private TableView<ProcessRow> table;
  @FXML private Label summaryLabel;
  @FXML private Label staleLabel;

  private final ProcessListViewModel model;
  private boolean syncing;

  public ProcessListView(ProcessListViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    filterField.textProperty().bindBidirectional(model.filterProperty());
    summaryLabel.textProperty().bind(model.summaryProperty());
    staleLabel.visibleProperty().bind(model.staleProperty());
    staleLabel.managedProperty().bind(model.staleProperty());
    for (ProcessColumn column : ProcessColumn.values()) {
      table.getColumns().add(column(column));
    }
    table.setItems(model.visibleRows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.comparatorProperty().addListener((obs, old, order) -> model.comparatorProperty().set(order));
    model.staleProperty().addListener((obs, old, stale) -> markStale(stale));
    markStale(model.staleProperty().get());

    table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
      if (!syncing && row != null) {
        model.selectedNameProperty().set(row.name());
      }
    });
    model.selectedNameProperty().addListener((obs, old, name) -> selectInTable(name));
    model.visibleRows().addListener((ListChangeListener<ProcessRow>) change -> selectInTable(model.selectedNameProperty().get()));
  }

  /** The table, for focus and keyboard handling by the window. */
  public TableView<ProcessRow> table() {
    return table;
  }

  /** The filter field ({@code /} focuses it). */
  public TextField filterField() {
    return filterField;
  }

  private TableColumn<ProcessRow, ProcessRow> column(ProcessColumn column) {
    TableColumn<ProcessRow, ProcessRow> tableColumn = new TableColumn<>(column.title());
    tableColumn.setId("column-" + column.name().toLowerCase(java.util.Locale.ROOT));
    tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
    tableColumn.setComparator(column.order());
    tableColumn.setCellFactory(c -> new ProcessCell(column));
    tableColumn.setPrefWidth(switch (column) {
      case ID -> 45;
      case NAME -> 160;
      case STATUS, PID, RESTARTS -> 80;
      case CPU, UPTIME -> 80;
      case MEMORY -> 95;
      case PORTS -> 200;
    });
    return tableColumn;
  }

  private void selectInTable(String name) {
    ProcessRow current = table.getSelectionModel().getSelectedItem();
    if (name == null) {
      if (current != null) {
        syncing = true;
        table.getSelectionModel().clearSelection();
        syncing = false;
      }
      return;
    }
    if (current != null && current.name().equals(name) && model.visibleRows().contains(current)) {
      return;
    }
    for (int i = 0; i < model.visibleRows().size(); i++) {
      if (model.visibleRows().get(i).name().equals(name)) {
        syncing = true;
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
        syncing = false;
        return;
      }
    }
  }

  private void markStale(boolean stale) {
    if (stale) {
      if (!table.getStyleClass().contains("stale")) {
        table.getStyleClass().add("stale");
      }
    } else {
      table.getStyleClass().remove("stale");
    }
  }

  /** A cell showing one column of a row; the status column is coloured by status. */
  private static final class ProcessCell extends TableCell<ProcessRow, ProcessRow> {
    private final ProcessColumn column;

    ProcessCell(ProcessColumn column) {
      this.column = column;
    }

    @Override
    protected void updateItem(ProcessRow row, boolean empty) {
      super.updateItem(row, empty);
      getStyleClass().removeAll("status-online", "status-stopped", "status-errored");
      if (empty || row == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(column.text(row));
      if (column == ProcessColumn.STATUS) {
        getStyleClass().add("status-" + row.statusText());
        setTooltip(row.statusReason().isEmpty() ? null : new javafx.scene.control.Tooltip(row.statusReason()));
      }
    }
  }
}
