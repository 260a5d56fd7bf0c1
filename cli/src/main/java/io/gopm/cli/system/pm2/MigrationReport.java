package io.gopm.cli.system.pm2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.cli.render.Ansi;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.StartRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The text {@code gopm pm2} prints about each app: the verbose block and the dry-run JSON. */
public final class MigrationReport {

  /** Detail labels (with their colon) are left-aligned in this many columns. */
  static final int LABEL_WIDTH = 14;

  private static final String RULE = "━━━";

  private final Ansi ansi;

  public MigrationReport(Ansi ansi) {
    this.ansi = ansi;
  }

  /** {@code ━━━ [i/n] name (pm2_id=…, PID=…, status) ━━━}. */
  public String header(int index, int total, Pm2Process process) {
    return ansi.dim(RULE) + " [" + index + "/" + total + "] " + ansi.bold(process.name())
        + " (pm2_id=" + process.pmId() + ", PID=" + process.pid() + ", " + status(process.status()) + ") "
        + ansi.dim(RULE);
  }

  /** The settings of {@code request}, one line each, unset ones left out. */
  public List<String> details(StartRequest request) {
    List<String> lines = new ArrayList<>();
    lines.add(detail("command:", request.command()));
    addIfSet(lines, "interpreter:", request.interpreter());
    addIfSet(lines, "cwd:", request.cwd());
    if (!request.args().isEmpty()) {
      lines.add(detail("args:", String.join(" ", request.args())));
    }
    if (!request.env().isEmpty()) {
      lines.add(detail("env:", new TreeMap<>(request.env()).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
    }
    addIfSet(lines, "autorestart:", request.autorestart());
    if (request.maxRestarts() != null) {
      lines.add(detail("max_restarts:", request.maxRestarts().toString()));
    }
    addIfSet(lines, "min_uptime:", request.minUptime());
    addIfSet(lines, "restart_delay:", request.restartDelay());
    addIfSet(lines, "kill_timeout:", request.killTimeout());
    return lines;
  }

  /** {@code   ! text}, the {@code !} in yellow. */
  public String warning(String text) {
    return "  " + ansi.yellow("!") + " " + text;
  }

  /** {@code ━━━ name}, the line above each app's JSON in a dry run. */
  public String dryHeader(String name) {
    return ansi.dim(RULE) + " " + ansi.bold(name);
  }

  /**
   * The start parameters as pretty JSON, keys in the order of an ecosystem app ({@code command},
   * {@code name}, {@code args}, {@code cwd}, {@code env}, {@code interpreter}, the restart policy,
   * the logs), empty ones left out, {@code env} sorted by key.
   */
  public static String dryJson(StartRequest request, JsonCodec codec) {
    ObjectNode json = codec.newObject();
    putIfSet(json, "command", request.command());
    putIfSet(json, "name", request.name());
    if (!request.args().isEmpty()) {
      ArrayNode args = json.putArray("args");
      request.args().forEach(args::add);
    }
    putIfSet(json, "cwd", request.cwd());
    if (!request.env().isEmpty()) {
      ObjectNode env = json.putObject("env");
      new TreeMap<>(request.env()).forEach(env::put);
    }
    putIfSet(json, "interpreter", request.interpreter());
    putIfSet(json, "autorestart", request.autorestart());
    if (request.maxRestarts() != null) {
      json.put("max_restarts", request.maxRestarts());
    }
    putIfSet(json, "min_uptime", request.minUptime());
    putIfSet(json, "restart_delay", request.restartDelay());
    if (Boolean.TRUE.equals(request.expBackoff())) {
      json.put("exp_backoff", true);
    }
    putIfSet(json, "max_delay", request.maxDelay());
    putIfSet(json, "kill_timeout", request.killTimeout());
    putIfSet(json, "log_out", request.logOut());
    putIfSet(json, "log_err", request.logErr());
    putIfSet(json, "max_log_size", request.maxLogSize());
    return codec.writePretty(json);
  }

  /** Two spaces, the label padded to {@link #LABEL_WIDTH} columns (one space at least), the value. */
  String detail(String label, String value) {
    String padding = " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
    return "  " + ansi.dim(label) + padding + value;
  }

  private void addIfSet(List<String> lines, String label, String value) {
    if (value != null && !value.isEmpty()) {
      lines.add(detail(label, value));
    }
  }

  private String status(String status) {
    switch (status) {
      case "online":
        return ansi.green(status);
      case "stopped":
      case "stopping":
        return ansi.yellow(status);
      case "errored":
        return ansi.red(status);
      default:
        return status;
    }
  }

  private static void putIfSet(ObjectNode json, String key, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(key, value);
    }
  }
}
