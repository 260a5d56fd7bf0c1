package io.gopm.console.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;

/**
 * The start dialog's controller: binds each field and its message line to {@link
 * StartFormViewModel}. The window around it is made by the workspace.
 */
public final class StartDialog {

  @FXML private Label titleLabel;
  @FXML private javafx.scene.control.TextField commandField;
  @FXML private javafx.scene.control.TextField nameField;
  @FXML private javafx.scene.control.TextField argsField;
  @FXML private javafx.scene.control.TextField cwdField;
  @FXML private javafx.scene.control.TextField interpreterField;
  @FXML private TextArea envField;
  @FXML private ComboBox<String> autorestartBox;
  @FXML private javafx.scene.control.TextField maxRestartsField;
  @FXML private javafx.scene.control.TextField minUptimeField;
  @FXML private javafx.scene.control.TextField restartDelayField;
  @FXML private CheckBox expBackoffBox;
  @FXML private javafx.scene.control.TextField maxDelayField;
  @FXML private javafx.scene.control.TextField killTimeoutField;
  @FXML private javafx.scene.control.TextField logOutField;
  @FXML private javafx.scene.control.TextField logErrField;
  @FXML private javafx.scene.control.TextField maxLogSizeField;
  @FXML private Label commandError;
  @FXML private Label nameError;
  @FXML private Label argsError;
  @FXML private Label cwdError;
  @FXML private Label interpreterError;
  @FXML private Label envError;
  @FXML private Label autorestartError;
  @FXML private Label maxRestartsError;
  @FXML private Label minUptimeError;
  @FXML private Label restartDelayError;
  @FXML private Label maxDelayError;
  @FXML private Label killTimeoutError;
  @FXML private Label logOutError;
  @FXML private Label logErrError;
  @FXML private Label maxLogSizeError;
  @FXML private Label daemonErrorLabel;
  @FXML private Button startButton;
  @FXML private Button cancelButton;

  private final StartFormViewModel model;
  private final StartFormViewModel.Starter starter;
  private final Runnable close;
  private final Map<String, Label> errorLabels = new LinkedHashMap<>();

  /**
   * @param starter sends the request to the target
   * @param close closes the dialog's window
   */
  public StartDialog(StartFormViewModel model, StartFormViewModel.Starter starter, Runnable close) {
    this.model = model;
    this.starter = starter;
    this.close = close;
  }

  @FXML
  private void initialize() {
    titleLabel.setText("Start a process on " + model.targetLabel());
    bind(StartFormViewModel.COMMAND, commandField, commandError);
    bind(StartFormViewModel.NAME, nameField, nameError);
    bind(StartFormViewModel.ARGS, argsField, argsError);
    bind(StartFormViewModel.CWD, cwdField, cwdError);
    bind(StartFormViewModel.INTERPRETER, interpreterField, interpreterError);
    bind(StartFormViewModel.ENV, envField, envError);
    autorestartBox.getItems().setAll("always", "on-failure", "never");
    autorestartBox.valueProperty().bindBidirectional(model.field(StartFormViewModel.AUTORESTART));
    errorLabels.put(StartFormViewModel.AUTORESTART, autorestartError);
    bind(StartFormViewModel.MAX_RESTARTS, maxRestartsField, maxRestartsError);
    bind(StartFormViewModel.MIN_UPTIME, minUptimeField, minUptimeError);
    bind(StartFormViewModel.RESTART_DELAY, restartDelayField, restartDelayError);
    expBackoffBox.selectedProperty().bindBidirectional(model.expBackoffProperty());
    bind(StartFormViewModel.MAX_DELAY, maxDelayField, maxDelayError);
    bind(StartFormViewModel.KILL_TIMEOUT, killTimeoutField, killTimeoutError);
    bind(StartFormViewModel.LOG_OUT, logOutField, logOutError);
    bind(StartFormViewModel.LOG_ERR, logErrField, logErrError);
    bind(StartFormViewModel.MAX_LOG_SIZE, maxLogSizeField, maxLogSizeError);
    model.errors().addListener((MapChangeListener<String, String>) change -> showErrors());
    showErrors();
    daemonErrorLabel.textProperty().bind(model.daemonErrorProperty());
    daemonErrorLabel.visibleProperty().bind(model.daemonErrorProperty().isNotEmpty());
    startButton.disableProperty().bind(model.busyProperty());
    startButton.setOnAction(event -> model.submit(starter));
    cancelButton.setOnAction(event -> close.run());
    model.doneProperty().addListener((obs, old, done) -> {
      if (done) {
        close.run();
      }
    });
  }

  /** The first field, focused when the dialog opens. */
  public javafx.scene.control.TextField commandField() {
    return commandField;
  }

  private void bind(String key, TextInputControl field, Label error) {
    field.textProperty().bindBidirectional(model.field(key));
    errorLabels.put(key, error);
  }

  private void showErrors() {
    errorLabels.forEach((key, label) -> {
      String message = model.errors().get(key);
      label.setText(message == null ? "" : message);
      label.setVisible(message != null);
      label.setManaged(message != null);
    });
  }
}
