package io.gopm.console.detail;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;

/** The describe pane: a thin controller over {@link DescribeViewModel}. */
public final class DescribeView {

  @FXML private Label titleLabel;
  @FXML private ToggleButton revealButton;
  @FXML private TableView<DescribeField> table;
  @FXML private TableColumn<DescribeField, String> sectionColumn;
  @FXML private TableColumn<DescribeField, String> labelColumn;
  @FXML private TableColumn<DescribeField, String> valueColumn;

  private final DescribeViewModel model;

  public DescribeView(DescribeViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    titleLabel.textProperty().bind(model.titleProperty());
    revealButton.selectedProperty().bindBidirectional(model.revealedProperty());
    revealButton.textProperty().bind(
        javafx.beans.binding.Bindings.when(model.revealedProperty()).then("Hide values").otherwise("Reveal environment values"));
    sectionColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().section()));
    labelColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().label()));
    valueColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
    table.setItems(model.fields());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }
}
