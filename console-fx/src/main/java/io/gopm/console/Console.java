package io.gopm.console;

import io.gopm.console.connect.DaemonLink;
import io.gopm.console.connect.HostSession;
import io.gopm.console.connect.ReconnectPolicy;
import io.gopm.console.connect.SshOptions;
import io.gopm.console.connect.SshTunnelLink;
import io.gopm.console.connect.Target;
import io.gopm.console.connect.TcpLink;
import io.gopm.console.connect.UnixSocketLink;
import io.gopm.console.detail.ChartsView;
import io.gopm.console.detail.DescribeView;
import io.gopm.console.hosts.HostListView;
import io.gopm.console.logs.LogFollower;
import io.gopm.console.logs.LogSource;
import io.gopm.console.logs.LogView;
import io.gopm.console.processes.ProcessListView;
import io.gopm.console.settings.Settings;
import io.gopm.console.settings.SettingsStore;
import io.gopm.console.task.TaskRunner;
import io.gopm.console.workspace.ConsoleView;
import io.gopm.console.workspace.ConsoleViewModel;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Callback;

/**
 * The composition root of the console: builds the links, sessions, view-models and views for a
 * set of launch options, and puts them in a window. {@link ConsoleApp} uses it; so do the TestFX
 * tests, with their own settings file.
 */
public final class Console implements AutoCloseable {

  /** The client name the daemon's audit trail records. */
  static final String CLIENT_NAME = "console";

  private final ConsoleViewModel model;
  private final ConsoleView view;
  private final Parent root;

  private Console(ConsoleViewModel model, ConsoleView view, Parent root) {
    this.model = model;
    this.view = view;
    this.root = root;
  }

  /**
   * Builds the console and opens its targets: the remembered ones, then those of {@code options}
   * (the first of which is selected); the local daemon when there are none.
   *
   * @param quit what {@code q} does
   */
  public static Console create(
      LaunchOptions options, Workstation workstation, TaskRunner runner, Clock clock, Runnable quit) {
    JsonCodec codec = new JsonCodec();
    RpcMessages messages = new RpcMessages(codec);
    SettingsStore store =
        new SettingsStore(options.settingsFile() != null ? options.settingsFile() : workstation.settingsFile(), codec);
    Settings settings = store.load();
    if (options.pollInterval() != null) {
      settings = settings.withPollInterval(options.pollInterval());
    }
    SshOptions ssh = sshOptions(options, settings);
    Duration interval = settings.pollIntervalOrDefault();
    ZoneId zone = clock.getZone();
    ConsoleViewModel.Sessions sessions =
        new ConsoleViewModel.Sessions() {
          @Override
          public HostSession open(Target target) {
            return new HostSession(target, link(target, workstation, ssh, messages), runner, ReconnectPolicy.standard(), interval, clock);
          }

          @Override
          public LogSource logs(HostSession session) {
            return LogFollower.sourceFor(session, runner);
          }
        };
    ConsoleViewModel model = new ConsoleViewModel(sessions, store, settings, clock, zone, codec);
    ConsoleView view = new ConsoleView(model, quit);
    Map<Class<?>, Supplier<Object>> controllers =
        Map.of(
            ConsoleView.class, () -> view,
            HostListView.class, () -> new HostListView(model.hosts()),
            ProcessListView.class, () -> new ProcessListView(model.processes()),
            LogView.class, () -> new LogView(model.logs()),
            DescribeView.class, () -> new DescribeView(model.describe()),
            ChartsView.class, () -> new ChartsView(model.charts(), zone));
    Callback<Class<?>, Object> factory =
        type -> {
          Supplier<Object> controller = controllers.get(type);
          if (controller == null) {
            throw new IllegalStateException("no controller " + type.getName());
          }
          return controller.get();
        };
    view.setControllers(factory);
    FXMLLoader loader = new FXMLLoader(ConsoleView.class.getResource("Console.fxml"));
    loader.setControllerFactory(factory);
    Parent root;
    try {
      root = loader.load();
    } catch (IOException e) {
      throw new IllegalStateException("cannot load Console.fxml: " + e.getMessage(), e);
    }
    List<Target> targets = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String spec : settings.targets()) {
      try {
        targets.add(Target.parse(spec));
      } catch (IllegalArgumentException e) {
        refused.add(spec);
      }
    }
    targets.addAll(options.targets());
    if (targets.isEmpty()) {
      targets.add(new Target.Local());
    }
    Target select = options.targets().isEmpty() ? targets.get(0) : options.targets().get(0);
    model.openAll(targets, select);
    if (!refused.isEmpty()) {
      model.status().messageProperty().set(io.gopm.console.actions.ActionMessage.failed("ignored unreadable targets in the settings: " + refused));
    }
    return new Console(model, view, root);
  }

  /** Shows the console in {@code stage} (a sensible size; closing it closes the sessions). */
  public void show(Stage stage) {
    Scene scene = new Scene(root, 1200, 760);
    scene.getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());
    stage.setScene(scene);
    stage.setTitle("GoPM console " + GopmVersion.version());
    stage.setMinWidth(800);
    stage.setMinHeight(500);
    stage.setOnHidden(event -> close());
    stage.show();
  }

  public ConsoleViewModel viewModel() {
    return model;
  }

  public ConsoleView view() {
    return view;
  }

  public Parent root() {
    return root;
  }

  @Override
  public void close() {
    model.shutdown();
  }

  private static SshOptions sshOptions(LaunchOptions options, Settings settings) {
    Path config = options.sshConfig();
    if (config == null && settings.sshConfig() != null && !settings.sshConfig().isBlank()) {
      config = Path.of(settings.sshConfig());
    }
    List<String> extra = new ArrayList<>(settings.sshOptions());
    extra.addAll(options.sshOptions());
    return new SshOptions(config, extra);
  }

  private static DaemonLink link(Target target, Workstation workstation, SshOptions ssh, RpcMessages messages) {
    if (target instanceof Target.Local) {
      return new UnixSocketLink(workstation.localDaemonSocket(), messages, CLIENT_NAME);
    }
    if (target instanceof Target.UnixSocket socket) {
      return new UnixSocketLink(socket.path(), messages, CLIENT_NAME);
    }
    if (target instanceof Target.Tcp tcp) {
      return new TcpLink(tcp.host(), tcp.port(), messages, CLIENT_NAME);
    }
    return new SshTunnelLink((Target.Ssh) target, workstation, ssh, messages, CLIENT_NAME);
  }
}
