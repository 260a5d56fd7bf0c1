package io.gopm.console.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The log pane: a thin controller over {@link LogViewModel}. */
public final class LogView {

  private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  @FXML private Label titleLabel;
  @FXML private ComboBox<LogStreams> streamsBox;
  @FXML private ToggleButton followButton;
  @FXML private TextField searchField;
  @FXML private Label matchLabel;
  @FXML private Button previousButton;
  @FXML private Button nextButton;
  @FXML private Button copyButton;
  @FXML private Button clearButton;
  @FXML private Label noticeLabel;
  @FXML private ListView<LogEntry> list;

  private final LogViewModel model;

  public LogView(LogViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    titleLabel.textProperty().bind(model.titleProperty());
    streamsBox.getItems().setAll(LogStreams.values());
    streamsBox.valueProperty().bindBidirectional(model.streamsProperty());
    followButton.selectedProperty().bindBidirectional(model.followingProperty());
    followButton.textProperty().bind(
        javafx.beans.binding.Bindings.when(model.followingProperty()).then("Following").otherwise("Paused"));
    searchField.textProperty().bindBidirectional(model.searchProperty());
    matchLabel.textProperty().bind(model.matchCountProperty().asString("%d matches"));
    noticeLabel.textProperty().bind(model.noticeProperty());
    list.setItems(model.lines());
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(view -> new LogCell());
    list.setOnKeyPressed(event -> {
      if (COPY.match(event)) {
        copy();
        event.consume();
      }
    });
    model.lines().addListener((ListChangeListener<LogEntry>) change -> {
      if (model.followingProperty().get() && !model.lines().isEmpty()) {
        list.scrollTo(model.lines().size() - 1);
      }
    });
    model.searchProperty().addListener((obs, old, text) -> list.refresh());
    searchField.setOnAction(event -> jump(true));
    nextButton.setOnAction(event -> jump(true));
    previousButton.setOnAction(event -> jump(false));
    copyButton.setOnAction(event -> copy());
    clearButton.setOnAction(event -> model.clear());
  }

  /** The list of lines (for focus). */
  public ListView<LogEntry> list() {
    return list;
  }

  public TextField searchField() {
    return searchField;
  }

  private void jump(boolean forward) {
    int from = list.getSelectionModel().getSelectedIndex();
    int index = forward ? model.findNext(from) : model.findPrevious(from);
    if (index >= 0) {
      model.followingProperty().set(false);
      list.getSelectionModel().clearAndSelect(index);
      list.scrollTo(Math.max(0, index - 3));
    }
  }

  /** Copies the selected lines, or every line when none is selected. */
  private void copy() {
    List<Integer> selected = new ArrayList<>(list.getSelectionModel().getSelectedIndices());
    ClipboardContent content = new ClipboardContent();
    content.putString(model.text(selected));
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** One line: stderr and notices styled, search matches highlighted (only they get a TextFlow). */
  private final class LogCell extends ListCell<LogEntry> {
    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
      super.updateItem(entry, empty);
      getStyleClass().removeAll("log-err", "log-notice", "log-match");
      setText(null);
      if (empty || entry == null) {
        setGraphic(null);
        return;
      }
      if (entry.notice()) {
        getStyleClass().add("log-notice");
      } else if (entry.stream().equals("err")) {
        getStyleClass().add("log-err");
      }
      if (model.matches(entry)) {
        getStyleClass().add("log-match");
        setGraphic(highlighted(entry.text(), model.searchProperty().get()));
      } else {
        // plain text is far cheaper than a TextFlow: most lines take this path
        setGraphic(null);
        setText(entry.text());
      }
    }
  }

  private static TextFlow highlighted(String line, String wanted) {
    TextFlow flow = new TextFlow();
    String lower = line.toLowerCase(Locale.ROOT);
    String key = wanted.toLowerCase(Locale.ROOT);
    int at = 0;
    while (at < line.length()) {
      int found = lower.indexOf(key, at);
      if (found < 0) {
        flow.getChildren().add(styled(line.substring(at), "log-text"));
        break;
      }
      if (found > at) {
        flow.getChildren().add(styled(line.substring(at, found), "log-text"));
      }
      flow.getChildren().add(styled(line.substring(found, found + key.length()), "log-highlight"));
      at = found + key.length();
    }
    return flow;
  }

  private static Text styled(String text, String styleClass) {
    Text node = new Text(text);
    node.getStyleClass().add(styleClass);
    return node;
  }
}
