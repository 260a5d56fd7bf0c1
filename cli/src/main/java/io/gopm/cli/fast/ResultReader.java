package io.gopm.cli.fast;

import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.PingResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the daemon's flat result objects into the protocol's records with {@link JsonScanner}
 * (the records' snake_case keys, as {@link io.gopm.protocol.json.JsonCodec} writes them). Returns
 * null for anything it does not expect, so the caller can fall back.
 */
final class ResultReader {

  private ResultReader() {}

  /** An {@code isrunning} result, or null. */
  static IsRunningResult isRunning(byte[] result) {
    Map<String, Object> fields = fields(result);
    if (fields == null || !(fields.get("name") instanceof String name)
        || !(fields.get("running") instanceof Boolean running)
        || !(fields.get("status") instanceof String status)
        || !(fields.get("pid") instanceof Long pid)) {
      return null;
    }
    return new IsRunningResult(
        name,
        running,
        status,
        pid.intValue(),
        (String) fields.get("uptime"),
        integerOrNull(fields.get("exit_code")),
        integerOrNull(fields.get("restarts")));
  }

  /** A {@code ping} result, or null. */
  static PingResult ping(byte[] result) {
    Map<String, Object> fields = fields(result);
    if (fields == null || !(fields.get("pid") instanceof Long pid)
        || !(fields.get("uptime") instanceof String uptime)
        || !(fields.get("version") instanceof String version)) {
      return null;
    }
    return new PingResult(
        pid.intValue(),
        uptime,
        longOrZero(fields.get("uptime_ms")),
        longOrZero(fields.get("uptime_seconds")),
        version,
        (int) longOrZero(fields.get("protocol")),
        (String) fields.get("config_file"),
        (String) fields.get("config_source"),
        (String) fields.get("logs_dir"),
        longOrZero(fields.get("log_max_size")));
  }

  /**
   * The scalar members of a JSON object (see {@link JsonScanner#scalar}); others are left out.
   * Null when the text is not an object.
   */
  private static Map<String, Object> fields(byte[] object) {
    Map<String, JsonScanner.Span> members;
    try {
      members = JsonScanner.members(object);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    Map<String, Object> fields = new HashMap<>();
    for (Map.Entry<String, JsonScanner.Span> member : members.entrySet()) {
      Object value = JsonScanner.scalar(member.getValue());
      if (value != JsonScanner.NOT_SCALAR) {
        fields.put(member.getKey(), value);
      }
    }
    return fields;
  }

  private static Integer integerOrNull(Object value) {
    return value instanceof Long number ? Integer.valueOf(number.intValue()) : null;
  }

  private static long longOrZero(Object value) {
    return value instanceof Long number ? number : 0;
  }
}
