package io.gopm.console.detail;

import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The describe pane: every field of the process object, grouped, with environment values masked
 * until the user reveals them. Used on the UI thread only.
 */
public final class DescribeViewModel {

  /** What a masked value shows. */
  public static final String MASK = "••••••••";

  private final ObservableList<DescribeField> fields = FXCollections.observableArrayList();
  /** One read-only view, kept: a view made per call would drop its listeners when collected. */
  private final ObservableList<DescribeField> fieldsView = FXCollections.unmodifiableObservableList(fields);
  private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No process selected");
  private final ZoneId zone;
  private ProcessInfo shown;
  private Instant at;

  public DescribeViewModel(ZoneId zone) {
    this.zone = zone;
    revealed.addListener((obs, old, now) -> rebuild());
  }

  public ObservableList<DescribeField> fields() {
    return fieldsView;
  }

  /** True while environment values are shown in clear. */
  public BooleanProperty revealedProperty() {
    return revealed;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The process shown, or null. */
  public ProcessInfo shown() {
    return shown;
  }

  /** Shows {@code process} as of {@code now}; values are masked again when another process is shown. */
  public void show(ProcessInfo process, Instant now) {
    if (shown == null || !shown.name().equals(process.name())) {
      revealed.set(false);
    }
    shown = process;
    at = now;
    rebuild();
  }

  public void clear() {
    shown = null;
    revealed.set(false);
    fields.clear();
    title.set("No process selected");
  }

  private void rebuild() {
    if (shown == null) {
      fields.clear();
      return;
    }
    ProcessInfo p = shown;
    title.set(p.name() + " (id " + p.id() + ")");
    List<DescribeField> next = new ArrayList<>();
    String process = "Process";
    next.add(field(process, "ID", Integer.toString(p.id())));
    next.add(field(process, "Name", p.name()));
    next.add(field(process, "Status", p.status().wireName() + (p.statusReason().isEmpty() ? "" : " (" + p.statusReason() + ")")));
    next.add(field(process, "PID", p.online() ? Integer.toString(p.pid()) : "-"));
    next.add(field(process, "Command", p.command()));
    next.add(field(process, "Arguments", p.args().isEmpty() ? "-" : String.join(" ", p.args())));
    next.add(field(process, "Working directory", p.cwd().isEmpty() ? "-" : p.cwd()));
    next.add(field(process, "Interpreter", p.interpreter().isEmpty() ? "-" : p.interpreter()));
    next.add(field(process, "Restarts", Integer.toString(p.restarts())));
    next.add(field(process, "Uptime", p.online() && at != null ? HumanUnits.duration(Duration.between(p.uptime(), at)) : "-"));
    next.add(field(process, "Started at", time(p.uptime())));
    next.add(field(process, "Created at", time(p.createdAt())));
    next.add(field(process, "Exit code", p.exitCode() == -1 ? "-1 (ended by a signal)" : Integer.toString(p.exitCode())));
    next.add(field(process, "CPU", HumanUnits.cpu(p.cpu())));
    next.add(field(process, "Memory", HumanUnits.bytes(p.memory())));
    next.add(field(process, "Ports", p.listeners().isEmpty() ? "-" : String.join(", ", p.listeners())));

    RestartPolicy policy = p.restartPolicy();
    String restart = "Restart policy";
    next.add(field(restart, "Autorestart", policy.autorestart().wireName()));
    next.add(field(restart, "Max restarts", policy.unlimitedRestarts() ? "unlimited" : Integer.toString(policy.maxRestarts())));
    next.add(field(restart, "Min uptime", GoDuration.format(policy.minUptime())));
    next.add(field(restart, "Restart delay", GoDuration.format(policy.restartDelay())));
    next.add(field(restart, "Exponential backoff", policy.expBackoff() ? "yes" : "no"));
    next.add(field(restart, "Max delay", GoDuration.format(policy.maxDelay())));
    next.add(field(restart, "Kill signal", policy.killSignal() == RestartPolicy.SIGTERM ? "SIGTERM (15)" : Integer.toString(policy.killSignal())));
    next.add(field(restart, "Kill timeout", GoDuration.format(policy.killTimeout())));

    String logs = "Logs";
    next.add(field(logs, "Stdout log", p.logOut()));
    next.add(field(logs, "Stderr log", p.logErr()));
    next.add(field(logs, "Max log size", HumanUnits.size(p.maxLogSize())));

    Map<String, String> env = new TreeMap<>(p.env());
    if (env.isEmpty()) {
      next.add(field("Environment", "(none)", "-"));
    }
    for (Map.Entry<String, String> entry : env.entrySet()) {
      next.add(new DescribeField("Environment", entry.getKey(), revealed.get() ? entry.getValue() : MASK, true));
    }
    if (next.size() == fields.size()) {
      for (int i = 0; i < next.size(); i++) {
        if (!next.get(i).equals(fields.get(i))) {
          fields.set(i, next.get(i));
        }
      }
    } else {
      fields.setAll(next);
    }
  }

  private String time(Instant instant) {
    return instant.equals(Timestamps.NEVER) ? "-" : Timestamps.rfc3339(instant, zone);
  }

  private static DescribeField field(String section, String label, String value) {
    return new DescribeField(section, label, value, false);
  }
}
