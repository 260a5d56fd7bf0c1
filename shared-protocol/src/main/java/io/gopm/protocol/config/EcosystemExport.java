package io.gopm.protocol.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.Sizes;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes processes back as an ecosystem document ({@code {"apps":[...]}}) that {@code gopm start}
 * and {@code gopm import} read: keys in GoPM's order, durations in Go syntax, sizes as {@code 1M}.
 * By default only settings that differ from the defaults are written (custom log paths and sizes
 * included, so an export re-creates every process as it was); {@code full} writes them all.
 */
public final class EcosystemExport {

  private final Path defaultLogsDir;
  private final long defaultMaxLogSize;

  /**
   * @param defaultLogsDir the daemon's default log directory (a log path equal to {@code
   *     <dir>/<name>-out.log} is the default one and is left out)
   * @param defaultMaxLogSize the daemon's default rotation size
   */
  public EcosystemExport(Path defaultLogsDir, long defaultMaxLogSize) {
    this.defaultLogsDir = defaultLogsDir;
    this.defaultMaxLogSize = defaultMaxLogSize;
  }

  /** The document for {@code processes}, in the order given. */
  public ObjectNode document(List<ProcessInfo> processes, boolean full) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    ArrayNode apps = document.putArray("apps");
    for (ProcessInfo process : processes) {
      apps.add(app(process, full));
    }
    return document;
  }

  /** One app of the document. */
  public ObjectNode app(ProcessInfo process, boolean full) {
    RestartPolicy policy = process.restartPolicy();
    RestartPolicy defaults = RestartPolicy.DEFAULTS;
    ObjectNode app = JsonNodeFactory.instance.objectNode();
    app.put("name", process.name());
    app.put("command", process.command());
    if (!process.args().isEmpty()) {
      ArrayNode args = app.putArray("args");
      process.args().forEach(args::add);
    }
    if (!process.cwd().isEmpty()) {
      app.put("cwd", process.cwd());
    }
    if (!process.interpreter().isEmpty()) {
      app.put("interpreter", process.interpreter());
    }
    if (!process.env().isEmpty()) {
      ObjectNode env = app.putObject("env");
      for (Map.Entry<String, String> entry : new TreeMap<>(process.env()).entrySet()) {
        env.put(entry.getKey(), entry.getValue());
      }
    }
    if (full || policy.autorestart() != defaults.autorestart()) {
      app.put("autorestart", policy.autorestart().wireName());
    }
    if (full || policy.maxRestarts() != defaults.maxRestarts()) {
      app.put("max_restarts", policy.maxRestarts());
    }
    duration(app, "min_uptime", policy.minUptime(), defaults.minUptime(), full);
    duration(app, "restart_delay", policy.restartDelay(), defaults.restartDelay(), full);
    if (full || policy.expBackoff()) {
      app.put("exp_backoff", policy.expBackoff());
    }
    duration(app, "max_delay", policy.maxDelay(), defaults.maxDelay(), full);
    duration(app, "kill_timeout", policy.killTimeout(), defaults.killTimeout(), full);
    if (full || !process.logOut().equals(defaultLog(process.name(), "out"))) {
      app.put("log_out", process.logOut());
    }
    if (full || !process.logErr().equals(defaultLog(process.name(), "err"))) {
      app.put("log_err", process.logErr());
    }
    if (full || process.maxLogSize() != defaultMaxLogSize) {
      app.put("max_log_size", Sizes.format(process.maxLogSize()));
    }
    return app;
  }

  private String defaultLog(String name, String stream) {
    return defaultLogsDir.resolve(name + "-" + stream + ".log").toString();
  }

  private static void duration(ObjectNode app, String key, Duration value, Duration fallback, boolean full) {
    if (full || !value.equals(fallback)) {
      app.put(key, GoDuration.format(value));
    }
  }

  /** The sample {@code gopm.config.json} that {@code gopm export --new} prints. */
  public static String sampleConfig() {
    return String.join(
        "\n",
        "{",
        "  \"logs\": {",
        "    \"directory\": \"~/.gopm/logs\",",
        "    \"max_size\": \"1M\",",
        "    \"max_files\": 3",
        "  },",
        "  \"mcpserver\": {",
        "    \"device\": [],",
        "    \"port\": 18999,",
        "    \"uri\": \"/mcp\"",
        "  },",
        "  \"telemetry\": {",
        "    \"telegraf\": {",
        "      \"udp\": \"127.0.0.1:8094\",",
        "      \"measurement\": \"gopm\"",
        "    }",
        "  }",
        "}");
  }
}
