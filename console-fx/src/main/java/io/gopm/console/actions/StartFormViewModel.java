package io.gopm.console.actions;

import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessNames;
import io.gopm.protocol.model.StartRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The start dialog: every option of {@code gopm start} as text the user types, checked here with
 * a message per field before anything is sent (durations, sizes, names and restart settings are
 * checked by {@link StartRequest#validate()}, the daemon's own rules), then sent; a refusal from
 * the daemon is shown too. Used on the UI thread only.
 */
public final class StartFormViewModel {

  /** Field keys: the names of {@code gopm start}'s JSON fields. */
  public static final String COMMAND = "command";
  public static final String NAME = "name";
  public static final String ARGS = "args";
  public static final String CWD = "cwd";
  public static final String ENV = "env";
  public static final String INTERPRETER = "interpreter";
  public static final String AUTORESTART = "autorestart";
  public static final String MAX_RESTARTS = "max_restarts";
  public static final String MIN_UPTIME = "min_uptime";
  public static final String RESTART_DELAY = "restart_delay";
  public static final String MAX_DELAY = "max_delay";
  public static final String KILL_TIMEOUT = "kill_timeout";
  public static final String LOG_OUT = "log_out";
  public static final String LOG_ERR = "log_err";
  public static final String MAX_LOG_SIZE = "max_log_size";

  /** Starts a request on the target; exactly one callback follows, on the UI thread. */
  public interface Starter {
    void start(StartRequest request, Consumer<ProcessInfo> onStarted, Consumer<String> onFailed);
  }

  private final Map<String, StringProperty> text = new LinkedHashMap<>();
  private final BooleanProperty expBackoff = new SimpleBooleanProperty(this, "expBackoff");
  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
  private final ReadOnlyStringWrapper daemonError = new ReadOnlyStringWrapper(this, "daemonError", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
  private final String targetLabel;

  /** @param targetLabel the target the process will be started on, for the dialog's title */
  public StartFormViewModel(String targetLabel) {
    this.targetLabel = targetLabel;
    for (String key : List.of(COMMAND, NAME, ARGS, CWD, ENV, INTERPRETER, AUTORESTART, MAX_RESTARTS, MIN_UPTIME,
        RESTART_DELAY, MAX_DELAY, KILL_TIMEOUT, LOG_OUT, LOG_ERR, MAX_LOG_SIZE)) {
      StringProperty property = new SimpleStringProperty(this, key, "");
      property.addListener((obs, old, now) -> errors.remove(key));
      text.put(key, property);
    }
    text.get(AUTORESTART).set("always");
  }

  public String targetLabel() {
    return targetLabel;
  }

  /** The text of a field, by key ({@link #MIN_UPTIME}, ...). */
  public StringProperty field(String key) {
    StringProperty property = text.get(key);
    if (property == null) {
      throw new IllegalArgumentException("no start field " + key);
    }
    return property;
  }

  public BooleanProperty expBackoffProperty() {
    return expBackoff;
  }

  /** The message of each field that is wrong, by key. */
  public ObservableMap<String, String> errors() {
    return errors;
  }

  /** The daemon's answer when it refused the request. */
  public ReadOnlyStringProperty daemonErrorProperty() {
    return daemonError.getReadOnlyProperty();
  }

  /** True while the request is on its way. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** True once the process was started: the dialog closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }

  /** Checks every field; true when the request can be sent. */
  public boolean validate() {
    Map<String, String> found = new LinkedHashMap<>();
    String command = value(COMMAND);
    String cwd = value(CWD);
    if (command == null) {
      found.put(COMMAND, "a command is required (a path on the target's machine, or a name found in its PATH)");
    } else if (command.contains("/") && !command.startsWith("/") && cwd == null) {
      found.put(COMMAND, "a relative path needs a working directory; or give an absolute path");
    }
    if (cwd != null && !cwd.startsWith("/")) {
      found.put(CWD, "use an absolute path on the target's machine");
    }
    String name = value(NAME);
    if (name != null && !ProcessNames.isValid(name)) {
      try {
        ProcessNames.check(name);
      } catch (InvalidFieldException e) {
        found.put(NAME, e.detail());
      }
    }
    try {
      CommandLineWords.split(text.get(ARGS).get());
    } catch (IllegalArgumentException e) {
      found.put(ARGS, e.getMessage());
    }
    try {
      environment();
    } catch (IllegalArgumentException e) {
      found.put(ENV, e.getMessage());
    }
    Integer maxRestarts = null;
    String restartsText = value(MAX_RESTARTS);
    if (restartsText != null) {
      try {
        maxRestarts = Integer.valueOf(restartsText);
      } catch (NumberFormatException e) {
        found.put(MAX_RESTARTS, "must be a whole number (0 = unlimited)");
      }
    }
    found.putAll(formatErrors(maxRestarts));
    errors.clear();
    errors.putAll(found);
    return found.isEmpty();
  }

  /**
   * The request the fields describe; call after {@link #validate()} returned true.
   *
   * @throws IllegalArgumentException when a field is invalid
   */
  public StartRequest request() {
    Integer maxRestarts = value(MAX_RESTARTS) == null ? null : Integer.valueOf(value(MAX_RESTARTS));
    return new StartRequest(
        value(COMMAND), value(NAME), CommandLineWords.split(text.get(ARGS).get()), value(CWD), environment(),
        value(INTERPRETER), value(AUTORESTART), maxRestarts, value(MIN_UPTIME), value(RESTART_DELAY),
        expBackoff.get() ? Boolean.TRUE : null, value(MAX_DELAY), value(KILL_TIMEOUT), value(LOG_OUT),
        value(LOG_ERR), value(MAX_LOG_SIZE));
  }

  /** Validates, then hands the request to {@code starter}; false when a field is wrong. */
  public boolean submit(Starter starter) {
    daemonError.set("");
    if (!validate() || busy.get()) {
      return false;
    }
    busy.set(true);
    starter.start(
        request(),
        started -> {
          busy.set(false);
          done.set(true);
        },
        message -> {
          busy.set(false);
          daemonError.set(message);
          fieldOf(message).ifPresent(key -> errors.put(key, message));
        });
    return true;
  }

  /**
   * Every field {@link StartRequest#validate()} refuses: it stops at the first, so each refused
   * field is left out and the rest checked again.
   */
  private Map<String, String> formatErrors(Integer maxRestarts) {
    Map<String, String> found = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    for (String key : List.of(AUTORESTART, MIN_UPTIME, RESTART_DELAY, MAX_DELAY, KILL_TIMEOUT, MAX_LOG_SIZE)) {
      fields.put(key, value(key));
    }
    Integer restarts = maxRestarts;
    for (int round = 0; round <= fields.size() + 1; round++) {
      StartRequest probe = new StartRequest(
          "probe", null, null, null, null, null, fields.get(AUTORESTART), restarts, fields.get(MIN_UPTIME),
          fields.get(RESTART_DELAY), null, fields.get(MAX_DELAY), fields.get(KILL_TIMEOUT), null, null,
          fields.get(MAX_LOG_SIZE));
      try {
        probe.validate();
        return found;
      } catch (InvalidFieldException e) {
        found.put(e.field(), e.detail());
        if (e.field().equals(MAX_RESTARTS)) {
          restarts = null;
        } else {
          fields.put(e.field(), null);
        }
      }
    }
    return found;
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    String[] lines = text.get(ENV).get().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected KEY=VALUE");
      }
      env.put(line.substring(0, equals).strip(), line.substring(equals + 1));
    }
    return env;
  }

  private String value(String key) {
    String value = text.get(key).get();
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The field an {@code invalid <field> "...": ...} message from the daemon names. */
  private java.util.Optional<String> fieldOf(String message) {
    if (message != null && message.startsWith("invalid ")) {
      int space = message.indexOf(' ', "invalid ".length());
      if (space > 0) {
        String key = message.substring("invalid ".length(), space);
        if (text.containsKey(key)) {
          return java.util.Optional.of(key);
        }
      }
    }
    return java.util.Optional.empty();
  }
}
