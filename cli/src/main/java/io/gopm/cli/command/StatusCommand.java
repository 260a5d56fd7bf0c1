package io.gopm.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.system.SystemPaths;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.ConfigLoader;
import io.gopm.protocol.config.GopmConfig;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gopm status}: the configuration as resolved here, what the running daemon uses, and
 * whether the systemd unit is installed. Never starts a daemon.
 */
@Command(
    name = "status",
    description = "Show daemon status and resolved configuration",
    footer = {
      "",
      "Examples:",
      "  gopm status                 resolved config, daemon and systemd state",
      "  gopm status --validate      check the config file (exit 1 listing every problem)",
      "  gopm status --json"
    })
public final class StatusCommand extends GopmSubcommand {

  @Option(names = "--validate", description = "Only check the config file")
  boolean validate;

  @Override
  protected int run(Session session) {
    GopmConfig config;
    try {
      config = new ConfigLoader(session.codec()).load(session.configFile(), session.home(), session.env());
    } catch (ConfigException e) {
      throw new CliException(String.join("\n", e.problems()));
    }
    if (validate) {
      for (String warning : config.warnings()) {
        session.err().println(session.errAnsi().yellow("WARNING:") + " " + warning);
      }
      session.out().println("Configuration valid");
      return ExitCodes.OK;
    }
    Optional<PingResult> daemon = ping(session);
    Path unit = unitFile(session);
    if (session.json()) {
      session.out().println(session.codec().writePretty(json(session, config, daemon, unit)));
    } else {
      human(session, config, daemon, unit);
    }
    for (String warning : config.warnings()) {
      session.err().println();
      session.err().println(session.errAnsi().yellow("WARNING:") + " " + warning);
    }
    return ExitCodes.OK;
  }

  static Path unitFile(Session session) {
    return SystemPaths.fromEnvironment(session.env()).unitFile();
  }

  private static Optional<PingResult> ping(Session session) {
    Optional<DaemonClient> running = session.daemonIfRunning();
    if (running.isEmpty()) {
      return Optional.empty();
    }
    try (DaemonClient client = running.get()) {
      return Optional.of(client.call(RpcMethods.PING, null));
    } catch (RuntimeException e) {
      session.trace("ping failed: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static void human(Session session, GopmConfig config, Optional<PingResult> daemon, Path unit) {
    Ansi ansi = session.ansi();
    PrintWriter out = session.out();
    out.println("Config file:  " + (config.file() == null ? "(none found, using defaults)" : config.file() + " (" + config.source() + ")"));
    if (daemon.isPresent()) {
      PingResult ping = daemon.get();
      out.println("Daemon using: " + (ping.configFile() == null ? "(defaults, no config file)" : ping.configFile() + " (" + ping.configSource() + ")"));
      out.println("Daemon:       PID " + ping.pid() + ", uptime " + ping.uptime() + ", version " + ping.version());
    } else {
      out.println("Daemon:       " + ansi.dim("(not running)"));
    }
    out.println();
    out.println(ansi.bold("Logs:"));
    out.println("  Directory:    " + config.logs().directory());
    out.println("  Max size:     " + HumanUnits.bytes(config.logs().maxSize()));
    out.println("  Max files:    " + config.logs().maxFiles());
    out.println();
    out.println(ansi.bold("MCP HTTP Server:"));
    if (config.mcp() == null) {
      out.println("  Enabled:      no (disabled in config)");
    } else {
      out.println("  Enabled:      yes");
      StringBuilder binds = new StringBuilder();
      for (GopmConfig.Bind bind : config.mcp().binds()) {
        binds.append(binds.length() > 0 ? " " : "").append(bind.hostPort()).append(" (").append(bind.label()).append(')');
      }
      out.println("  Bind:         [" + binds + "]");
      out.println("  URI:          " + config.mcp().uri());
      GopmConfig.Bind first = config.mcp().binds().get(0);
      boolean token = config.mcp().binds().stream().anyMatch(bind -> !bind.loopback());
      Path tokenFile = session.home().dir().resolve("mcp.token");
      if (token) {
        out.println("  Token:        " + tokenFile + " (clients send Authorization: Bearer <token>)");
      }
      out.println("  Client:       claude mcp add --transport http gopm http://" + first.hostPort() + config.mcp().uri()
          + (token && !first.loopback() ? " --header \"Authorization: Bearer $(cat " + tokenFile + ")\"" : ""));
    }
    out.println();
    out.println(ansi.bold("Telemetry:"));
    if (config.telemetry() == null) {
      out.println("  Telegraf:     disabled");
    } else {
      out.println("  Telegraf:     enabled");
      out.println("  UDP:          " + config.telemetry().targetText());
      out.println("  Measurement:  " + config.telemetry().measurement());
    }
    out.println();
    out.println(ansi.bold("Systemd:"));
    out.println("  Unit file:    " + unit);
    out.println("  Installed:    " + (Files.exists(unit) ? ansi.green("yes") : ansi.dim("no")));
  }

  private static ObjectNode json(Session session, GopmConfig config, Optional<PingResult> daemon, Path unit) {
    ObjectNode json = session.codec().newObject();
    json.put("config_file", config.file() == null ? "" : config.file().toString());
    daemon.ifPresent(
        ping -> {
          if (ping.configFile() != null) {
            json.put("daemon_config_file", ping.configFile());
            json.put("daemon_config_source", ping.configSource());
          }
          json.put("daemon_pid", ping.pid());
          json.put("daemon_uptime", ping.uptimeMs());
          json.put("daemon_uptime_str", ping.uptime());
          json.put("daemon_version", ping.version());
        });
    ObjectNode logs = json.putObject("logs");
    logs.put("directory", config.logs().directory().toString());
    logs.put("max_files", config.logs().maxFiles());
    logs.put("max_size", config.logs().maxSize());
    if (config.mcp() != null) {
      ArrayNode binds = json.putArray("mcp_bind");
      config.mcp().binds().forEach(bind -> binds.add(bind.hostPort()));
    }
    json.put("mcp_enabled", config.mcp() != null);
    json.put("mcp_uri", config.mcp() == null ? "" : config.mcp().uri());
    json.put("source", config.source());
    json.put("systemd_installed", Files.exists(unit));
    json.put("systemd_unit_file", unit.toString());
    json.put("telegraf", config.telemetry() != null);
    if (config.telemetry() != null) {
      json.put("telegraf_addr", config.telemetry().targetText());
      json.put("telegraf_measurement", config.telemetry().measurement());
    }
    return json;
  }
}
