package io.gopm.cli;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonConnector;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.ConfigLoader;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one CLI invocation works with: its environment, output streams and colours, the global
 * options, and the way to the daemon (connected lazily, started when needed). Built by {@link
 * GopmCli}; heavier parts (the JSON codec, the connection) are created on first use.
 */
public final class Session {

  /** How long a freshly started daemon may take to answer. */
  static final Duration DAEMON_START_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Ansi outAnsi;
  private final Ansi errAnsi;
  private final Path workingDir;
  private final boolean outTerminal;
  private GlobalOptions options = new GlobalOptions();
  private JsonCodec codec;
  private boolean autoStart = true;

  /** A session whose stdout counts as a terminal when it gets colours. */
  public Session(
      Map<String, String> env, PrintWriter out, PrintWriter err, Ansi outAnsi, Ansi errAnsi, Path workingDir) {
    this(env, out, err, outAnsi, errAnsi, workingDir, outAnsi.enabled());
  }

  /**
   * @param outTerminal whether stdout is a terminal (cursor control), independent of colours
   */
  public Session(
      Map<String, String> env,
      PrintWriter out,
      PrintWriter err,
      Ansi outAnsi,
      Ansi errAnsi,
      Path workingDir,
      boolean outTerminal) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.outAnsi = outAnsi;
    this.errAnsi = errAnsi;
    this.workingDir = workingDir;
    this.outTerminal = outTerminal;
  }

  /** True when stdout is a terminal, so output may move the cursor (colours or not). */
  public boolean outTerminal() {
    return outTerminal;
  }

  /** The global options ({@code --json}, {@code --config}, {@code --debug}) after parsing. */
  public record GlobalOptions(boolean json, Path config, boolean debug) {
    GlobalOptions() {
      this(false, null, false);
    }
  }

  void options(GlobalOptions options) {
    this.options = options;
  }

  public boolean json() {
    return options.json();
  }

  public boolean debug() {
    return options.debug();
  }

  /** The {@code --config} file made absolute, or null. */
  public Path configFile() {
    return options.config() == null ? null : workingDir.resolve(options.config()).normalize();
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Colours for stdout. */
  public Ansi ansi() {
    return outAnsi;
  }

  /** Colours for stderr. */
  public Ansi errAnsi() {
    return errAnsi;
  }

  /** The directory the CLI was started in. */
  public Path workingDir() {
    return workingDir;
  }

  public GopmHome home() {
    return GopmHome.fromEnvironment(env);
  }

  public JsonCodec codec() {
    if (codec == null) {
      codec = new JsonCodec();
    }
    return codec;
  }

  /** Prints {@code value} as compact JSON on one line. */
  public void printJson(Object value) {
    out.println(codec().write(value));
  }

  /** Writes a debug trace line to stderr when {@code --debug} is on. */
  public void trace(String line) {
    if (options.debug()) {
      err.println("[debug] " + line);
      err.flush();
    }
  }

  /**
   * A connection to the daemon, starting it if it is not running.
   *
   * @throws CliException when it cannot be reached or started
   */
  public DaemonClient daemon() {
    DaemonConnector connector = connector();
    Optional<DaemonClient> running = connector.connectIfRunning();
    if (running.isPresent()) {
      return running.get();
    }
    if (!autoStart) {
      throw new CliException("gopm daemon is not running");
    }
    checkConfigBeforeStart();
    try {
      return connector.connectOrStart(daemonCommand(), DAEMON_START_TIMEOUT);
    } catch (DaemonUnavailableException e) {
      throw new CliException(e.getMessage());
    }
  }

  /** Makes {@link #daemon()} fail instead of starting a daemon (for the CDS training run). */
  void disableAutoStart() {
    this.autoStart = false;
  }

  /** A connection to the daemon if one is running; never starts one. */
  public Optional<DaemonClient> daemonIfRunning() {
    return connector().connectIfRunning();
  }

  private DaemonConnector connector() {
    Consumer<String> trace = this::trace;
    return new DaemonConnector(home(), new RpcMessages(codec()), "cli", trace);
  }

  /** A daemon would refuse an invalid config file; say why now instead of after a timeout. */
  private void checkConfigBeforeStart() {
    try {
      new ConfigLoader(codec()).load(configFile(), home(), env);
    } catch (ConfigException e) {
      throw new CliException("cannot start the daemon: " + e.getMessage());
    }
  }

  /** The command that runs a daemon: this same executable with {@code --daemon}. */
  List<String> daemonCommand() {
    List<String> command = new ArrayList<>();
    String executable = System.getProperty("gopm.executable");
    if (executable != null && !executable.isEmpty()) {
      command.add(executable);
    } else {
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(GopmCli.class.getName());
    }
    command.add("--daemon");
    if (configFile() != null) {
      command.add("--config");
      command.add(configFile().toString());
    }
    if (options.debug()) {
      command.add("--debug");
    }
    return command;
  }
}
