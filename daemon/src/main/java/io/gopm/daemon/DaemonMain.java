package io.gopm.daemon;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.events.DaemonLogListener;
import io.gopm.daemon.events.ProcessEvent;
import io.gopm.daemon.logs.LogBroadcaster;
import io.gopm.daemon.mcp.McpHttpServer;
import io.gopm.daemon.mcp.McpService;
import io.gopm.daemon.metrics.ListenerScanner;
import io.gopm.daemon.metrics.MetricsSampler;
import io.gopm.daemon.metrics.ProcStat;
import io.gopm.daemon.metrics.StatsHistory;
import io.gopm.daemon.rpc.CallContext;
import io.gopm.daemon.rpc.DaemonHandlers;
import io.gopm.daemon.rpc.LogHandlers;
import io.gopm.daemon.rpc.ProcessHandlers;
import io.gopm.daemon.rpc.RpcDispatcher;
import io.gopm.daemon.rpc.RpcServer;
import io.gopm.daemon.rpc.StatsHandlers;
import io.gopm.daemon.state.RuntimeStore;
import io.gopm.daemon.state.StateStore;
import io.gopm.daemon.supervision.ProcessLaunchers;
import io.gopm.daemon.supervision.LeftoverSweep;
import io.gopm.daemon.supervision.ProcessGroups;
import io.gopm.daemon.supervision.RunMarker;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.daemon.telemetry.HostName;
import io.gopm.daemon.telemetry.LineProtocol;
import io.gopm.daemon.telemetry.TelegrafEmitter;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.client.DaemonConnector;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.ConfigLoader;
import io.gopm.protocol.config.GopmConfig;
import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.McpEnvelope;
import io.gopm.protocol.procfs.ProcessInspector;
import io.gopm.protocol.rpc.RpcMethods;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's entry point and composition root: {@code gopm --daemon [--config FILE] [--debug]}
 * runs a daemon in the foreground (the CLI detaches it; systemd runs it directly).
 *
 * <p>Exit status: 0 after a shutdown, 1 when it cannot start, 2 for an invalid configuration or
 * command line, {@value DaemonConnector#EXIT_ALREADY_RUNNING} when another daemon runs for the same
 * home.
 */
public final class DaemonMain {

  private DaemonMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  /** Runs a daemon until it shuts down; the exit status. */
  static int run(String[] args, Map<String, String> env) {
    Path configFile = null;
    boolean debug = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--daemon":
          break;
        case "--debug":
          debug = true;
          break;
        case "--config":
          if (i + 1 >= args.length) {
            System.err.println("ERROR: --config needs a file path");
            return 2;
          }
          configFile = Path.of(args[++i]);
          break;
        default:
          System.err.println("ERROR: unknown daemon argument \"" + args[i] + "\" (expected --config FILE or --debug)");
          return 2;
      }
    }
    GopmHome home = GopmHome.fromEnvironment(env);
    JsonCodec codec = new JsonCodec();
    GopmConfig config;
    try {
      home.ensureExists();
      config = new ConfigLoader(codec).load(configFile, home, env);
    } catch (ConfigException e) {
      System.err.println("ERROR: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("ERROR: cannot create " + home.dir() + ": " + e.getMessage());
      return 1;
    }
    long pid = ProcessHandle.current().pid();
    DaemonLock lock;
    try {
      lock = DaemonLock.acquire(home.pidFile(), pid);
    } catch (DaemonLock.AlreadyRunningException e) {
      System.err.println("ERROR: " + e.getMessage());
      return DaemonConnector.EXIT_ALREADY_RUNNING;
    } catch (IOException e) {
      System.err.println("ERROR: cannot write PID file " + home.pidFile() + ": " + e.getMessage());
      return 1;
    }
    try (DaemonLog log = DaemonLog.open(home.daemonLog(), debug)) {
      return serve(home, config, codec, log, lock, pid, env);
    } catch (IOException e) {
      System.err.println("ERROR: cannot open log file: " + e.getMessage());
      return 1;
    }
  }

  private static int serve(
      GopmHome home,
      GopmConfig config,
      JsonCodec codec,
      DaemonLog log,
      DaemonLock lock,
      long pid,
      Map<String, String> env) {
    String version = GopmVersion.version();
    log.info(
        "GoPM starting",
        "version", version,
        "pid", pid,
        "config", config.file() == null ? "(none found, using defaults)" : config.file() + " (" + config.source() + ")",
        "home", home.dir(),
        "log_dir", config.logs().directory(),
        "log_max_size", HumanUnits.bytes(config.logs().maxSize()),
        "log_max_files", config.logs().maxFiles());
    config.warnings().forEach(log::warn);
    try {
      Files.createDirectories(
          config.logs().directory(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      log.error("cannot create the log directory", "path", config.logs().directory(), "error", e.getMessage());
      return 1;
    }

    Clock clock = Clock.systemDefaultZone();
    Instant started = Instant.now(clock);
    RpcMessages messages = new RpcMessages(codec);
    LogBroadcaster broadcaster = new LogBroadcaster();
    ProcessGroups groups = new ProcessGroups();
    StateStore state = new StateStore(home.dumpFile(), codec, log);
    Path proc = Path.of("/proc");
    RunMarker marker = new RunMarker(pid, ownStartTicks(proc, pid), home.dir().toAbsolutePath());
    RuntimeStore runtime = new RuntimeStore(home.runtimeFile(), codec, pid, marker.text(), log);
    Map<String, String> childEnvironment = new java.util.HashMap<>(env);
    childEnvironment.put(RunMarker.VARIABLE, marker.text());
    StatsHistory stats = new StatsHistory(clock);
    Consumer<ProcessEvent> events =
        new DaemonLogListener(log)
            .andThen(
                event -> {
                  if (event instanceof ProcessEvent.Deleted deleted) {
                    stats.forget(deleted.name());
                  }
                });
    Supervisor supervisor =
        new Supervisor(
            new Supervisor.Settings(
                Path.of("").toAbsolutePath(),
                childEnvironment,
                config.logs().directory(),
                config.logs().maxSize(),
                config.logs().maxFiles(),
                clock,
                Timestamps.localZone(),
                broadcaster),
            ProcessLaunchers.forThisSystem(home.dir().resolve("native"), log),
            groups,
            events,
            state::save,
            runtime::record,
            log);
    ListenerScanner listeners = new ListenerScanner(supervisor, proc, log);
    RpcDispatcher dispatcher = new RpcDispatcher(messages, log);
    long uid = ownUid();
    RpcServer server = new RpcServer(home.socket(), dispatcher, messages, log, uid);
    McpService mcp = McpService.create(dispatcher, new CallContext.Peer(uid, pid), codec, ProcessInspector.system(), log);
    Optional<McpHttpServer> mcpHttp =
        config.mcp() == null
            ? Optional.empty()
            : Optional.of(new McpHttpServer(mcp, config.mcp(), home.dir().resolve("mcp.token"), uid, proc, codec, log));
    Daemon daemon =
        new Daemon(
            log,
            new Daemon.Core(supervisor, state, server, new Background(log), groups, lock),
            new Daemon.Recovery(runtime, new LeftoverSweep(proc, groups, marker, pid, log)),
            new Daemon.Periodic(
                new MetricsSampler(supervisor, proc), listeners, stats, statsInterval(env),
                telegraf(config.telemetry(), HostName.of(proc), started, clock, log)),
            mcpHttp);
    new ProcessHandlers(supervisor, state, listeners::scan).registerWith(dispatcher);
    new LogHandlers(supervisor, broadcaster, config.logs().maxFiles()).registerWith(dispatcher);
    new StatsHandlers(supervisor, stats).registerWith(dispatcher);
    dispatcher.register(
        RpcMethods.MCP, (envelope, context) -> new McpEnvelope(mcp.handle(envelope.message()).orElse(null)));
    new DaemonHandlers(
            supervisor, state, config, clock, started, (int) pid, daemon::shutdown)
        .registerWith(dispatcher);

    ShutdownSignals.install(daemon::shutdown, log);
    try {
      daemon.start(home.socket(), pid, version);
    } catch (IOException e) {
      log.error("cannot start", "path", home.socket(), "error", e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    try {
      daemon.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * The Telegraf emitter when {@code telemetry.telegraf} is configured and its UDP socket opens;
   * otherwise the daemon runs without telemetry.
   */
  private static Optional<TelegrafEmitter> telegraf(
      GopmConfig.TelemetryConfig telemetry, String host, Instant started, Clock clock, DaemonLog log) {
    if (telemetry == null) {
      return Optional.empty();
    }
    LineProtocol format = new LineProtocol(telemetry.measurement(), host, started);
    try {
      TelegrafEmitter emitter = TelegrafEmitter.open(telemetry.target(), format, clock, log);
      log.info(
          "telegraf telemetry started",
          "addr", telemetry.targetText(),
          "measurement", telemetry.measurement(),
          "max_datagram_bytes", TelegrafEmitter.MAX_PAYLOAD_BYTES);
      return Optional.of(emitter);
    } catch (IOException e) {
      log.warn(
          "telegraf emitter failed to start, continuing without telemetry",
          "addr", telemetry.targetText(), "error", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * How often the stats history takes a snapshot: a minute, or {@code GOPM_STATS_INTERVAL} (a Go
   * duration, at least 100ms; meant for tests, which cannot wait minutes).
   */
  static Duration statsInterval(Map<String, String> env) {
    String text = env.get("GOPM_STATS_INTERVAL");
    if (text == null || text.isEmpty()) {
      return StatsHistory.INTERVAL;
    }
    try {
      Duration interval = GoDuration.parse(text);
      return interval.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : interval;
    } catch (IllegalArgumentException e) {
      return StatsHistory.INTERVAL;
    }
  }

  /** This daemon's start time in clock ticks after boot (part of its {@link RunMarker}). */
  private static long ownStartTicks(Path proc, long pid) {
    try {
      return ProcStat.read(proc, (int) pid).startTicks();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the daemon's own /proc entry", e);
    }
  }

  /** The user this daemon runs as (the owner of {@code /proc/self}). */
  private static long ownUid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot determine the daemon's user id", e);
    }
  }
}
