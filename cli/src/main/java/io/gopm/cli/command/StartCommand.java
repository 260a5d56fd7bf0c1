package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.EcosystemFile;
import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gopm start}: one process, or every app of an ecosystem file. */
@Command(
    name = "start",
    description = "Start a process or load an ecosystem config",
    customSynopsis = "gopm start <binary|script|config.json> [flags] [-- process-args...]",
    footer = {
      "",
      "Examples:",
      "  gopm start ./myapp --name api -- --port 8080",
      "  gopm start worker.py --interpreter python3 --name worker",
      "  gopm start ./myapp --name api --env APP_ENV=production --cwd /opt/app",
      "  gopm start ecosystem.json",
      "",
      "A relative command is taken from the current directory, a bare name from PATH (else the",
      "working directory). In an ecosystem file, cwd defaults to the file's directory."
    })
public final class StartCommand extends GopmSubcommand {

  @Parameters(index = "0", paramLabel = "<binary|script|config.json>", description = "What to start")
  String target;

  @Parameters(index = "1..*", paramLabel = "process-args", description = "Arguments of the process")
  List<String> processArgs = new ArrayList<>();

  @Option(names = "--name", description = "Process name (default: binary basename)")
  String name;

  @Option(names = "--cwd", description = "Working directory (default: current directory)")
  String cwd;

  @Option(names = "--interpreter", description = "Interpreter: python3, node, bash, etc.")
  String interpreter;

  @Option(names = "--env", paramLabel = "KEY=VAL", description = "Environment variable (repeatable)")
  List<String> env = new ArrayList<>();

  @Option(names = "--autorestart", paramLabel = "MODE", description = "always|on-failure|never (default: always)")
  String autorestart;

  @Option(names = "--max-restarts", paramLabel = "N", description = "Max consecutive restarts, 0=unlimited (default: unlimited)")
  Integer maxRestarts;

  @Option(names = "--min-uptime", paramLabel = "DURATION", description = "Min uptime to reset the restart counter (default: 5s)")
  String minUptime;

  @Option(names = "--restart-delay", paramLabel = "DURATION", description = "Base delay between restarts (default: 2s)")
  String restartDelay;

  @Option(names = "--exp-backoff", description = "Double the restart delay after each consecutive restart")
  boolean expBackoff;

  @Option(names = "--max-delay", paramLabel = "DURATION", description = "Max backoff delay (default: 30s)")
  String maxDelay;

  @Option(names = "--kill-timeout", paramLabel = "DURATION", description = "Time between SIGTERM and SIGKILL (default: 5s)")
  String killTimeout;

  @Option(names = "--log-out", paramLabel = "FILE", description = "Custom stdout log path")
  String logOut;

  @Option(names = "--log-err", paramLabel = "FILE", description = "Custom stderr log path")
  String logErr;

  @Option(names = "--max-log-size", paramLabel = "SIZE", description = "Max log file size before rotation (default: 1M)")
  String maxLogSize;

  @Override
  protected int run(Session session) {
    if (target.endsWith(".json")) {
      return startEcosystem(session, session.workingDir().resolve(target).normalize());
    }
    StartRequest request = singleRequest(session);
    try (DaemonClient daemon = session.daemon()) {
      ProcessInfo started = daemon.call(RpcMethods.START, request);
      report(session, started);
    }
    return ExitCodes.OK;
  }

  private StartRequest singleRequest(Session session) {
    Path workDir = cwd == null ? session.workingDir() : session.workingDir().resolve(cwd).normalize();
    StartRequest request =
        new StartRequest(
            resolveCommand(target, session.workingDir(), workDir, session.env().get("PATH")),
            name,
            processArgs,
            workDir.toString(),
            parseEnv(env),
            interpreter,
            autorestart,
            maxRestarts,
            minUptime,
            restartDelay,
            expBackoff ? Boolean.TRUE : null,
            maxDelay,
            killTimeout,
            logOut == null ? null : session.workingDir().resolve(logOut).normalize().toString(),
            logErr == null ? null : session.workingDir().resolve(logErr).normalize().toString(),
            maxLogSize);
    try {
      request.validate();
    } catch (InvalidFieldException e) {
      throw new CliException(e.field().equals("name") || e.field().equals("env") ? e.getMessage() : e.flagMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    return request;
  }

  private int startEcosystem(Session session, Path file) {
    if (name != null || cwd != null || interpreter != null || !env.isEmpty() || autorestart != null
        || maxRestarts != null || minUptime != null || restartDelay != null || expBackoff
        || maxDelay != null || killTimeout != null || logOut != null || logErr != null
        || maxLogSize != null || !processArgs.isEmpty()) {
      throw new CliException(
          "process flags and arguments do not apply to an ecosystem file: set them per app in " + file.getFileName());
    }
    List<StartRequest> apps;
    try {
      apps = EcosystemFile.load(file, session.codec());
    } catch (ConfigException e) {
      throw new CliException("failed to load ecosystem config: " + e.getMessage());
    }
    Path fileDir = file.getParent();
    List<StartRequest> located = apps.stream().map(app -> withCwd(app, fileDir)).toList();
    try (DaemonClient daemon = session.daemon()) {
      new EcosystemStart(daemon, started -> report(session, started)).start(located);
    }
    return ExitCodes.OK;
  }

  /** An ecosystem app runs in its cwd, taken relative to the file's directory (the default). */
  static StartRequest withCwd(StartRequest app, Path fileDir) {
    String cwd = app.cwd() == null || app.cwd().isBlank() ? fileDir.toString() : fileDir.resolve(app.cwd()).normalize().toString();
    return new StartRequest(
        app.command(), app.name(), app.args(), cwd, app.env(), app.interpreter(), app.autorestart(),
        app.maxRestarts(), app.minUptime(), app.restartDelay(), app.expBackoff(), app.maxDelay(),
        app.killTimeout(), app.logOut(), app.logErr(), app.maxLogSize());
  }

  private static void report(Session session, ProcessInfo started) {
    if (session.json()) {
      session.printJson(started);
    } else {
      session
          .out()
          .println(
              "Process "
                  + session.ansi().bold(started.name())
                  + " "
                  + session.ansi().green("started")
                  + " (PID: "
                  + session.ansi().cyan(Integer.toString(started.pid()))
                  + ")");
    }
  }

  /**
   * Where the command lives: an absolute path as is, a path with {@code /} from the current
   * directory, a bare name from {@code PATH}, else from the working directory (so {@code gopm start
   * app.js --interpreter node} finds {@code ./app.js}).
   */
  static String resolveCommand(String command, Path cliDir, Path workDir, String path) {
    if (command.startsWith("/")) {
      return command;
    }
    if (command.indexOf('/') >= 0) {
      return cliDir.resolve(command).normalize().toString();
    }
    if (path != null) {
      for (String dir : path.split(":")) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir).resolve(command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toAbsolutePath().toString();
        }
      }
    }
    return workDir.resolve(command).normalize().toString();
  }

  /** {@code KEY=VAL} pairs, split at the first {@code =}; later keys win. */
  static Map<String, String> parseEnv(List<String> pairs) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CliException("invalid --env value \"" + pair + "\": expected KEY=VAL");
      }
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return env;
  }
}
