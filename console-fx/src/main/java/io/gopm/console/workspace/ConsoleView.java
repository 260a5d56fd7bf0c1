package io.gopm.console.workspace;

import io.gopm.console.actions.ActionMessage;
import io.gopm.console.actions.StartDialog;
import io.gopm.console.actions.StartFormViewModel;
import io.gopm.console.connect.ConnectionState;
import io.gopm.console.hosts.HostItem;
import io.gopm.console.processes.ProcessRow;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The main window's controller: toolbar, tabs, status bar and the keyboard shortcuts of the
 * terminal UI (↑/↓ select, Enter describe, s start, t stop, r restart, d delete, f flush, e
 * stdout/stderr, / filter, q quit; also j/k, l to hide the panes below the table, Esc to clear the
 * filter, y/n in the delete confirmation). Its panes have controllers of their own.
 */
public final class ConsoleView {

  /** Poll intervals offered in the toolbar. */
  static final List<Duration> POLL_CHOICES =
      List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

  @FXML private BorderPane root;
  @FXML private Button startButton;
  @FXML private Button stopButton;
  @FXML private Button restartButton;
  @FXML private Button deleteButton;
  @FXML private Button flushButton;
  @FXML private Button exportButton;
  @FXML private Button importButton;
  @FXML private ComboBox<Duration> pollBox;
  @FXML private javafx.scene.control.SplitPane detailSplit;
  @FXML private TabPane tabs;
  @FXML private Tab logsTab;
  @FXML private Tab describeTab;
  @FXML private Tab chartsTab;
  @FXML private Label connectionLabel;
  @FXML private Label daemonLabel;
  @FXML private Label linkLabel;
  @FXML private Label messageLabel;

  private final ConsoleViewModel model;
  private final Runnable quit;
  private javafx.util.Callback<Class<?>, Object> controllers;
  private Stage startStage;

  /** @param quit closes the console */
  public ConsoleView(ConsoleViewModel model, Runnable quit) {
    this.model = model;
    this.quit = quit;
  }

  /** The factory that made this controller, for the dialogs it loads. */
  public void setControllers(javafx.util.Callback<Class<?>, Object> controllers) {
    this.controllers = controllers;
  }

  @FXML
  private void initialize() {
    startButton.setOnAction(event -> openStartDialog());
    stopButton.setOnAction(event -> model.actions().stop());
    restartButton.setOnAction(event -> model.actions().restart());
    deleteButton.setOnAction(event -> confirmDelete());
    flushButton.setOnAction(event -> model.actions().flush());
    exportButton.setOnAction(event -> export());
    importButton.setOnAction(event -> importFile());
    var noProcess = model.processes().selectedNameProperty().isNull();
    for (Button button : List.of(stopButton, restartButton, deleteButton, flushButton)) {
      button.disableProperty().bind(noProcess);
    }
    startButton.disableProperty().bind(model.hosts().selectedProperty().isNull());
    pollBox.getItems().setAll(POLL_CHOICES);
    if (!POLL_CHOICES.contains(model.pollIntervalProperty().get())) {
      pollBox.getItems().add(model.pollIntervalProperty().get());
    }
    pollBox.setConverter(new StringConverter<>() {
      @Override
      public String toString(Duration duration) {
        return duration == null ? "" : "every " + io.gopm.protocol.format.GoDuration.format(duration);
      }

      @Override
      public Duration fromString(String text) {
        return null;
      }
    });
    pollBox.valueProperty().bindBidirectional(model.pollIntervalProperty());

    StatusViewModel status = model.status();
    connectionLabel.textProperty().bind(status.connectionProperty());
    daemonLabel.textProperty().bind(status.daemonProperty());
    linkLabel.textProperty().bind(status.linkProperty());
    status.stateProperty().addListener((obs, old, state) -> styleConnection(state));
    styleConnection(status.stateProperty().get());
    status.messageProperty().addListener((obs, old, message) -> showMessage(message));
    showMessage(status.messageProperty().get());

    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
      }
    });
  }

  /** The start dialog's window while it is open. */
  public Optional<Stage> startDialog() {
    return Optional.ofNullable(startStage).filter(Stage::isShowing);
  }

  /** Opens the start dialog for the selected target ({@code s}). */
  public void openStartDialog() {
    HostItem host = model.hosts().selectedProperty().get();
    if (host == null || startDialog().isPresent()) {
      return;
    }
    Stage stage = new Stage();
    stage.initOwner(window());
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Start a process — " + host.target().label());
    StartFormViewModel form = new StartFormViewModel(host.target().label());
    FXMLLoader loader = new FXMLLoader(StartDialog.class.getResource("StartDialog.fxml"));
    loader.setControllerFactory(type -> new StartDialog(form, model::start, stage::close));
    Parent content;
    try {
      content = loader.load();
    } catch (IOException e) {
      throw new IllegalStateException("StartDialog.fxml: " + e.getMessage(), e);
    }
    Scene scene = new Scene(content, 640, 720);
    scene.getStylesheets().addAll(root.getScene().getStylesheets());
    stage.setScene(scene);
    startStage = stage;
    stage.show();
    ((StartDialog) loader.getController()).commandField().requestFocus();
  }

  private void onKey(KeyEvent event) {
    if (event.getTarget() instanceof TextInputControl) {
      if (event.getCode() == KeyCode.ESCAPE) {
        focusTable();
        event.consume();
      }
      return;
    }
    if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
      return;
    }
    boolean handled = true;
    switch (event.getCode()) {
      case UP, K -> model.processes().moveSelection(-1);
      case DOWN, J -> model.processes().moveSelection(1);
      case ESCAPE -> model.processes().filterProperty().set("");
      case L -> toggleDetails();
      case ENTER -> tabs.getSelectionModel().select(describeTab);
      case S -> openStartDialog();
      case T -> model.actions().stop();
      case R -> model.actions().restart();
      case D -> confirmDelete();
      case F -> model.actions().flush();
      case E -> {
        model.logs().cycleStreams();
        tabs.getSelectionModel().select(logsTab);
      }
      case SLASH, DIVIDE -> focusFilter();
      case Q -> quit.run();
      default -> handled = "/".equals(event.getText()) && focusFilter();
    }
    if (handled) {
      event.consume();
    }
  }

  /** {@code l}: hides or shows the panes below the table (logs, describe, charts), as the terminal UI does. */
  private void toggleDetails() {
    if (detailSplit.getItems().contains(tabs)) {
      detailSplit.getItems().remove(tabs);
    } else {
      detailSplit.getItems().add(tabs);
      detailSplit.setDividerPositions(0.45);
    }
  }

  private boolean focusFilter() {
    Node filter = root.lookup("#process-filter");
    if (filter != null) {
      filter.requestFocus();
    }
    return true;
  }

  private void focusTable() {
    Node table = root.lookup("#process-table");
    if (table != null) {
      table.requestFocus();
    }
  }

  /** {@code d}: asks first; deletes on OK. */
  private void confirmDelete() {
    Optional<ProcessRow> row = model.processes().selected();
    if (row.isEmpty()) {
      model.report(ActionMessage.failed("Select a process first"));
      return;
    }
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
    alert.initOwner(window());
    alert.setTitle("Delete " + row.get().name());
    alert.setHeaderText("Delete " + row.get().name() + "?");
    alert.setContentText("The process is stopped and removed from " + hostLabel() + ". Its log files stay on disk.");
    alert.getDialogPane().setId("delete-confirmation");
    alert.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, key -> {
      if (key.getCode() == KeyCode.Y) {
        alert.setResult(ButtonType.OK);
        key.consume();
      } else if (key.getCode() == KeyCode.N) {
        alert.setResult(ButtonType.CANCEL);
        key.consume();
      }
    });
    alert.resultProperty().addListener((obs, old, result) -> {
      if (result == ButtonType.OK) {
        model.actions().delete();
      }
    });
    alert.show();
  }

  private void export() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the processes of " + hostLabel());
    chooser.setInitialFileName("ecosystem.json");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Ecosystem files", "*.json"));
    File file = chooser.showSaveDialog(window());
    if (file != null) {
      model.actions().exportTo(file.toPath(), false);
    }
  }

  private void importFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import an ecosystem file into " + hostLabel());
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Ecosystem files", "*.json"));
    File file = chooser.showOpenDialog(window());
    if (file != null) {
      model.actions().importFrom(file.toPath());
    }
  }

  private String hostLabel() {
    HostItem host = model.hosts().selectedProperty().get();
    return host == null ? "the daemon" : host.target().label();
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private void styleConnection(ConnectionState state) {
    connectionLabel.getStyleClass().removeAll("connected", "connecting", "reconnecting", "failed");
    if (state != null) {
      connectionLabel.getStyleClass().add(state.label());
    }
  }

  private void showMessage(ActionMessage message) {
    messageLabel.setText(message == null ? "" : message.text());
    messageLabel.getStyleClass().remove("error");
    if (message != null && message.error()) {
      messageLabel.getStyleClass().add("error");
    }
  }
}
