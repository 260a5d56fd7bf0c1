package io.gopm.cli.system.pm2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The environment of a PM2 process as GoPM should start it: {@code pm2_env.env} without the
 * variables PM2 adds for itself. What PM2 copied from its own environment ({@code PATH}, {@code
 * HOME}, …) is kept, as PM2 gives it to the process too.
 */
public final class Pm2Env {

  /** Keys PM2 sets for its own bookkeeping (besides those starting with {@code pm_} or {@code PM2_}). */
  static final Set<String> INTERNAL_KEYS =
      Set.of(
          "status", "unique_id", "instances", "exec_mode", "vizion", "merge_logs", "axm_actions",
          "axm_monitor", "axm_options", "axm_dynamic", "automation", "name", "node_args",
          "unstable_restarts", "treekill", "exit_code", "prev_restart_delay", "version",
          "versioning", "restart_time", "created_at", "watch", "filter_env", "namespace",
          "kill_retry_time", "username", "windowsHide", "instance_var");

  private Pm2Env() {}

  /** True for a key PM2 sets for itself, which is not imported. */
  public static boolean isInternal(String key) {
    return key.startsWith("pm_") || key.startsWith("PM2_") || INTERNAL_KEYS.contains(key);
  }

  /**
   * The variables to import, sorted by key: internal keys dropped, numbers and booleans written as
   * text ({@code 5} → {@code "5"}, {@code true} → {@code "true"}). Values that are not text
   * (objects, arrays, null) are dropped, and so is the entry PM2 keeps under the app's own name
   * (its per-app settings, {@code {}} or the text {@code "{}"}), as are keys a process environment
   * cannot hold (empty, with {@code =} or NUL).
   */
  public static SortedMap<String, String> importable(JsonNode env, String appName) {
    SortedMap<String, String> kept = new TreeMap<>();
    if (env == null || !env.isObject()) {
      return kept;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = env.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (isInternal(key) || !isUsableKey(key) || !value.isValueNode() || value.isNull()) {
        continue;
      }
      String text = value.asText();
      if (key.equals(appName) && text.startsWith("{") && text.endsWith("}")) {
        continue;
      }
      kept.put(key, text);
    }
    return kept;
  }

  private static boolean isUsableKey(String key) {
    return !key.isEmpty() && key.indexOf('=') < 0 && key.indexOf('\0') < 0;
  }
}
