package io.gopm.console.workspace;

import io.gopm.console.actions.ActionMessage;
import io.gopm.console.connect.ConnectionStatus;
import io.gopm.console.connect.HostSession;
import io.gopm.console.connect.HostSnapshot;
import io.gopm.console.connect.Target;
import io.gopm.console.detail.ChartsViewModel;
import io.gopm.console.detail.DescribeViewModel;
import io.gopm.console.hosts.HostItem;
import io.gopm.console.hosts.HostListViewModel;
import io.gopm.console.logs.LogSource;
import io.gopm.console.logs.LogViewModel;
import io.gopm.console.processes.ProcessListViewModel;
import io.gopm.console.processes.ProcessRow;
import io.gopm.console.settings.Settings;
import io.gopm.console.settings.SettingsStore;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.StatsRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The console window's view-model: the open targets and the panes of the selected one. It opens
 * and closes {@link HostSession}s, routes their reports to the panes of the selected target,
 * runs the user's actions, and remembers the targets in the settings file. Used on the UI thread
 * only; sessions report through the task runner.
 */
public final class ConsoleViewModel implements HostSession.Listener, HostListViewModel.Hosts {

  /** Makes the session of a target (a link and its threads); the view-model starts it. */
  public interface Sessions {
    HostSession open(Target target);

    /** The log source of a session. */
    LogSource logs(HostSession session);
  }

  private final Sessions sessions;
  private final Clock clock;
  private final SettingsStore store;
  private Settings settings;
  private final HostListViewModel hosts = new HostListViewModel();
  private final ProcessListViewModel processes = new ProcessListViewModel();
  private final LogViewModel logs;
  private final DescribeViewModel describe;
  private final ChartsViewModel charts = new ChartsViewModel();
  private final StatusViewModel status = new StatusViewModel();
  private final ProcessActions actions;
  private final Map<HostItem, HostSession> open = new LinkedHashMap<>();
  private final Map<HostItem, HostSnapshot> snapshots = new HashMap<>();
  private final Map<HostItem, String> selectedByHost = new HashMap<>();
  private final ObjectProperty<Duration> pollInterval;

  public ConsoleViewModel(
      Sessions sessions, SettingsStore store, Settings settings, Clock clock, java.time.ZoneId zone, io.gopm.protocol.json.JsonCodec codec) {
    this.sessions = sessions;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.logs = new LogViewModel(settings.logLinesOrDefault());
    this.describe = new DescribeViewModel(zone);
    this.actions = new ProcessActions(this, codec);
    this.pollInterval = new SimpleObjectProperty<>(this, "pollInterval", settings.pollIntervalOrDefault());
    hosts.setActions(this);
    hosts.selectedProperty().addListener((obs, old, host) -> showHost(host));
    processes.selectedNameProperty().addListener((obs, old, name) -> showProcess(name));
    pollInterval.addListener((obs, old, interval) -> {
      open.values().forEach(session -> session.setPollInterval(interval));
      this.settings = this.settings.withPollInterval(interval);
      save();
    });
    if (!store.warning().isEmpty()) {
      status.messageProperty().set(ActionMessage.failed(store.warning()));
    }
  }

  public HostListViewModel hosts() {
    return hosts;
  }

  public ProcessListViewModel processes() {
    return processes;
  }

  public LogViewModel logs() {
    return logs;
  }

  public DescribeViewModel describe() {
    return describe;
  }

  public ChartsViewModel charts() {
    return charts;
  }

  public StatusViewModel status() {
    return status;
  }

  /** Stop, restart, delete, flush, start, export, import. */
  public ProcessActions actions() {
    return actions;
  }

  /** How often each daemon is polled; saved in the settings. */
  public ObjectProperty<Duration> pollIntervalProperty() {
    return pollInterval;
  }

  /** Opens each target (one already open is not opened twice) and selects {@code select}. */
  public void openAll(List<Target> targets, Target select) {
    for (Target target : targets) {
      if (hosts.find(target).isEmpty()) {
        open(target);
      }
    }
    if (select != null) {
      hosts.find(select).ifPresent(hosts.selectedProperty()::set);
    }
  }

  /** The session of the selected target, if any. */
  public Optional<HostSession> currentSession() {
    HostItem host = hosts.selectedProperty().get();
    return host == null ? Optional.empty() : Optional.ofNullable(open.get(host));
  }

  /** The session of an open target, if any (tests reach the SSH tunnel through it). */
  public Optional<HostSession> session(Target target) {
    return hosts.find(target).map(open::get);
  }

  /** The last process list of the selected target. */
  public Optional<HostSnapshot> currentSnapshot() {
    HostItem host = hosts.selectedProperty().get();
    return host == null ? Optional.empty() : Optional.ofNullable(snapshots.get(host));
  }

  /** The selected process as last listed. */
  public Optional<ProcessInfo> selectedProcess() {
    Optional<ProcessRow> row = processes.selected();
    return row.flatMap(r -> currentSnapshot().flatMap(s -> s.processes().stream().filter(p -> p.name().equals(r.name())).findFirst()));
  }

  @Override
  public void open(Target target) {
    HostItem host = new HostItem(target);
    HostSession session = sessions.open(target);
    session.setListener(this);
    open.put(host, session);
    hosts.hosts().add(host);
    hosts.selectedProperty().set(host);
    session.start();
    saveTargets();
  }

  @Override
  public void close(HostItem host) {
    HostSession session = open.remove(host);
    int index = hosts.hosts().indexOf(host);
    hosts.hosts().remove(host);
    snapshots.remove(host);
    selectedByHost.remove(host);
    if (hosts.selectedProperty().get() == host) {
      hosts.selectedProperty().set(hosts.hosts().isEmpty() ? null : hosts.hosts().get(Math.max(0, index - 1)));
    }
    if (session != null) {
      Thread closer = new Thread(session::close, "gopm-console-close");
      closer.setDaemon(true);
      closer.start();
    }
    saveTargets();
  }

  @Override
  public void retry(HostItem host) {
    HostSession session = open.get(host);
    if (session != null) {
      session.retryNow();
    }
  }

  /** Closes every session (the window is closing); the settings keep the targets. */
  public void shutdown() {
    logs.stop();
    for (HostSession session : open.values()) {
      session.close();
    }
    open.clear();
  }

  @Override
  public void statusChanged(HostSession session, ConnectionStatus connection) {
    HostItem host = hostOf(session);
    if (host == null) {
      return;
    }
    host.statusProperty().set(connection);
    if (host == hosts.selectedProperty().get()) {
      processes.staleProperty().set(connection.stale());
      status.connection(host.target().label(), connection, session.link().describe());
      if (connection.connected()) {
        logs.reconnected();
      }
    }
  }

  @Override
  public void snapshot(HostSession session, HostSnapshot snapshot) {
    HostItem host = hostOf(session);
    if (host == null) {
      return;
    }
    snapshots.put(host, snapshot);
    if (host != hosts.selectedProperty().get()) {
      return;
    }
    processes.update(snapshot.processes(), snapshot.at());
    processes.staleProperty().set(session.status().stale());
    status.daemon(snapshot.daemon());
    status.connection(host.target().label(), session.status(), session.link().describe());
    String name = processes.selectedNameProperty().get();
    if (name != null) {
      snapshot.processes().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(info -> {
        describe.show(info, snapshot.at());
        charts.sample(info, snapshot.at());
      });
      if (charts.historyDue(snapshot.at())) {
        fetchHistory(session, name);
      }
    }
  }

  /** Runs {@code method} on the selected process, reporting {@code done} or the daemon's error. */
  <P> void onSelected(String verb, RpcMethod<TargetRequest, P> method, String done) {
    Optional<ProcessRow> row = processes.selected();
    Optional<HostSession> session = currentSession();
    if (row.isEmpty() || session.isEmpty()) {
      report(ActionMessage.failed("Select a process first"));
      return;
    }
    String name = row.get().name();
    report(ActionMessage.ok(verb + " " + name + "…"));
    session.get().call(
        daemon -> daemon.call(method, new TargetRequest(name)),
        result -> report(ActionMessage.ok(done + " " + name)),
        error -> report(ActionMessage.failed(verb + " " + name + " failed: " + error)));
  }

  /** Starts a process on the selected target (the start dialog's {@code Starter}). */
  public void start(StartRequest request, Consumer<ProcessInfo> onStarted, Consumer<String> onFailed) {
    Optional<HostSession> session = currentSession();
    if (session.isEmpty()) {
      onFailed.accept("no target selected");
      return;
    }
    session.get().call(
        daemon -> daemon.call(RpcMethods.START, request),
        started -> {
          report(ActionMessage.ok("Started " + started.name() + " (PID " + started.pid() + ")"));
          onStarted.accept(started);
          processes.selectedNameProperty().set(started.name());
        },
        error -> {
          report(ActionMessage.failed("Start failed: " + error));
          onFailed.accept(error);
        });
  }

  void report(ActionMessage message) {
    status.messageProperty().set(message);
  }

  Clock clock() {
    return clock;
  }

  /** Whether the selected target runs on this machine (relative import paths then make sense). */
  boolean currentTargetIsLocal() {
    HostItem host = hosts.selectedProperty().get();
    return host != null && host.target().onThisMachine();
  }

  private void showHost(HostItem host) {
    logs.stop();
    describe.clear();
    charts.clear();
    processes.clear();
    if (host == null) {
      status.clear();
      processes.staleProperty().set(true);
      return;
    }
    HostSession session = open.get(host);
    ConnectionStatus connection = host.statusProperty().get();
    status.connection(host.target().label(), connection, session == null ? "" : session.link().describe());
    HostSnapshot snapshot = snapshots.get(host);
    if (snapshot != null) {
      processes.update(snapshot.processes(), snapshot.at());
      status.daemon(snapshot.daemon());
    }
    processes.staleProperty().set(connection.stale());
    String remembered = selectedByHost.get(host);
    if (remembered != null && processes.find(remembered).isPresent()) {
      processes.selectedNameProperty().set(remembered);
    }
  }

  private void showProcess(String name) {
    HostItem host = hosts.selectedProperty().get();
    if (host == null) {
      return;
    }
    if (name == null) {
      logs.stop();
      describe.clear();
      charts.clear();
      return;
    }
    selectedByHost.put(host, name);
    HostSession session = open.get(host);
    if (name.equals(logs.process()) || session == null) {
      return;
    }
    logs.show(sessions.logs(session), name);
    charts.show(name);
    HostSnapshot snapshot = snapshots.get(host);
    if (snapshot != null) {
      snapshot.processes().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(info -> {
        describe.show(info, snapshot.at());
        charts.sample(info, snapshot.at());
      });
    }
    fetchHistory(session, name);
  }

  private void fetchHistory(HostSession session, String name) {
    Instant asked = clock.instant();
    charts.historyRequested(asked);
    session.call(
        daemon -> daemon.call(RpcMethods.STATS, new StatsRequest(name, 1)),
        history -> charts.history(name, history.getOrDefault(name, List.of()), asked),
        error -> charts.history(name, List.of(), asked));
  }

  private HostItem hostOf(HostSession session) {
    for (Map.Entry<HostItem, HostSession> entry : open.entrySet()) {
      if (entry.getValue() == session) {
        return entry.getKey();
      }
    }
    return null;
  }

  private void saveTargets() {
    List<String> specs = new ArrayList<>();
    for (HostItem host : hosts.hosts()) {
      specs.add(host.target().spec());
    }
    settings = settings.withTargets(specs);
    save();
  }

  private void save() {
    try {
      store.save(settings);
    } catch (IOException e) {
      report(ActionMessage.failed("cannot save " + store.file() + ": " + e.getMessage()));
    }
  }

  /** The settings as they stand (saved after every change). */
  public Settings settings() {
    return settings;
  }

}
