package io.gopm.console.hosts;

import io.gopm.console.connect.ConnectionStatus;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The sidebar of targets: a thin controller over {@link HostListViewModel}. */
public final class HostListView {

  @FXML private ListView<HostItem> list;
  @FXML private TextField targetField;
  @FXML private Button addButton;
  @FXML private Label addErrorLabel;
  @FXML private Button retryButton;
  @FXML private Button removeButton;

  private final HostListViewModel model;

  public HostListView(HostListViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    list.setItems(model.hosts());
    list.setCellFactory(view -> new HostCell());
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, host) -> {
      if (host != null) {
        model.selectedProperty().set(host);
      }
    });
    model.selectedProperty().addListener((obs, old, host) -> {
      if (host != null && list.getSelectionModel().getSelectedItem() != host) {
        list.getSelectionModel().select(host);
      }
    });
    targetField.textProperty().bindBidirectional(model.newTargetProperty());
    targetField.setOnAction(event -> model.add());
    addButton.setOnAction(event -> model.add());
    addErrorLabel.textProperty().bind(model.addErrorProperty());
    addErrorLabel.visibleProperty().bind(model.addErrorProperty().isNotEmpty());
    addErrorLabel.managedProperty().bind(addErrorLabel.visibleProperty());
    retryButton.setOnAction(event -> model.retrySelected());
    removeButton.setOnAction(event -> model.removeSelected());
    retryButton.disableProperty().bind(model.selectedProperty().isNull());
    removeButton.disableProperty().bind(model.selectedProperty().isNull());
  }

  /** One target: a dot coloured by state, its name, and the state with its reason. */
  private static final class HostCell extends ListCell<HostItem> {
    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label state = new Label();
    private final VBox box = new VBox(2, new HBox(6, dot, name), state);
    private HostItem bound;
    private final javafx.beans.value.ChangeListener<ConnectionStatus> listener = (obs, old, status) -> show(status);

    HostCell() {
      name.getStyleClass().add("host-name");
      state.getStyleClass().add("host-state");
      state.setWrapText(true);
      state.setMaxWidth(220);
      dot.getStyleClass().add("host-dot");
    }

    @Override
    protected void updateItem(HostItem host, boolean empty) {
      super.updateItem(host, empty);
      if (bound != null) {
        bound.statusProperty().removeListener(listener);
        bound = null;
      }
      if (empty || host == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      bound = host;
      host.statusProperty().addListener(listener);
      name.setText(host.target().label());
      show(host.statusProperty().get());
      setGraphic(box);
    }

    private void show(ConnectionStatus status) {
      dot.getStyleClass().removeAll("connected", "connecting", "reconnecting", "failed");
      dot.getStyleClass().add(status.state().label());
      state.setText(status.describe());
      setTooltip(new Tooltip(bound == null ? status.describe() : bound.target().spec() + "\n" + status.describe()));
    }
  }
}
