package io.gopm.cli.system.pm2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * One entry of {@code pm2 jlist}, reduced to what a migration reads and with PM2's loose typing
 * settled: numbers that may come as text are numbers, a missing or non-positive setting is null.
 *
 * @param pmId PM2's own id ({@code pm_id})
 * @param pid the OS process id, 0 when not running
 * @param status PM2's status word ({@code online}, {@code stopped}, …)
 * @param execPath the script or binary ({@code pm2_env.pm_exec_path})
 * @param interpreter PM2's {@code exec_interpreter} as written ({@code node}, {@code python},
 *     {@code none}, a path…), empty when absent
 * @param env the variables to import ({@link Pm2Env#importable})
 * @param autorestart {@code pm2_env.autorestart} when it is a boolean, else null
 * @param maxRestarts only when positive
 * @param minUptimeMs only when positive
 * @param restartDelayMs only when positive
 * @param killTimeoutMs only when positive
 * @param execMode {@code fork_mode} or {@code cluster_mode}, empty when absent
 * @param instances {@code pm2_env.instances}, at least 1
 */
public record Pm2Process(
    String name,
    int pmId,
    int pid,
    String status,
    String execPath,
    String cwd,
    List<String> args,
    String interpreter,
    SortedMap<String, String> env,
    Boolean autorestart,
    Integer maxRestarts,
    Long minUptimeMs,
    Long restartDelayMs,
    Long killTimeoutMs,
    String execMode,
    int instances) {

  public Pm2Process {
    args = List.copyOf(args);
  }

  /** True when PM2 runs it in cluster mode (or as several instances). */
  public boolean clustered() {
    return "cluster_mode".equals(execMode) || instances > 1;
  }

  /**
   * The processes of a {@code pm2 jlist} output, in PM2's order. Lines PM2 prints before the JSON
   * when it starts its daemon (a banner, {@code [PM2] Spawning PM2 daemon…}) are passed over.
   *
   * @throws Pm2Exception {@code cannot parse pm2 jlist output: <reason>}
   */
  public static List<Pm2Process> parseList(String jlistOutput, JsonCodec codec) {
    JsonNode list = readArray(jlistOutput, codec);
    List<Pm2Process> processes = new ArrayList<>();
    for (JsonNode entry : list) {
      if (entry.isObject()) {
        processes.add(fromJlistEntry(entry));
      }
    }
    return processes;
  }

  /** One jlist entry; missing fields read as absent. */
  static Pm2Process fromJlistEntry(JsonNode entry) {
    JsonNode pm2Env = entry.path("pm2_env");
    String name = text(entry.path("name"));
    if (name.isEmpty()) {
      name = text(pm2Env.path("name"));
    }
    return new Pm2Process(
        name,
        entry.path("pm_id").asInt(pm2Env.path("pm_id").asInt(0)),
        entry.path("pid").asInt(0),
        text(pm2Env.path("status")),
        text(pm2Env.path("pm_exec_path")),
        text(pm2Env.path("pm_cwd")),
        args(pm2Env.path("args")),
        text(pm2Env.path("exec_interpreter")).strip(),
        Pm2Env.importable(pm2Env.path("env"), name),
        pm2Env.path("autorestart").isBoolean() ? pm2Env.path("autorestart").booleanValue() : null,
        count(pm2Env.path("max_restarts")),
        positive(pm2Env.path("min_uptime")),
        positive(pm2Env.path("restart_delay")),
        positive(pm2Env.path("kill_timeout")),
        text(pm2Env.path("exec_mode")),
        Math.max(1, pm2Env.path("instances").asInt(1)));
  }

  private static JsonNode readArray(String output, JsonCodec codec) {
    String trimmed = output.strip();
    JsonProcessingException firstError;
    try {
      JsonNode whole = codec.readTree(trimmed);
      if (whole != null && whole.isArray()) {
        return whole;
      }
      firstError = null;
    } catch (JsonProcessingException e) {
      firstError = e;
    }
    List<String> lines = trimmed.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.startsWith("[{") || line.equals("[]")) {
        try {
          JsonNode candidate = codec.readTree(line);
          if (candidate.isArray()) {
            return candidate;
          }
        } catch (JsonProcessingException ignored) {
          // not the list; keep looking
        }
      }
    }
    String reason;
    if (trimmed.isEmpty()) {
      reason = "no output";
    } else if (firstError != null) {
      reason = JsonCodec.describe(firstError);
    } else {
      reason = "expected a JSON array";
    }
    throw new Pm2Exception("cannot parse pm2 jlist output: " + reason);
  }

  /** A JSON array's elements as text; a string split on whitespace; anything else none. */
  static List<String> args(JsonNode node) {
    List<String> args = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode arg : node) {
        if (arg.isValueNode() && !arg.isNull()) {
          args.add(arg.asText());
        }
      }
    } else if (node.isTextual()) {
      for (String word : node.asText().strip().split("\\s+")) {
        if (!word.isEmpty()) {
          args.add(word);
        }
      }
    }
    return args;
  }

  /**
   * A count or milliseconds: a JSON number, or text starting with digits ({@code "1000"}, as PM2
   * keeps some settings); null when absent, not a number, or not positive.
   */
  static Long positive(JsonNode node) {
    long value;
    if (node.isNumber()) {
      value = node.asLong();
    } else if (node.isTextual()) {
      String text = node.asText().strip();
      int end = 0;
      while (end < text.length() && end < 18 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
        end++;
      }
      if (end == 0) {
        return null;
      }
      value = Long.parseLong(text.substring(0, end));
    } else {
      return null;
    }
    return value > 0 ? value : null;
  }

  private static Integer count(JsonNode node) {
    Long value = positive(node);
    return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : "";
  }
}
