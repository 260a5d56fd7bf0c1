package io.gopm.cli.fast;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.PingResult;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the daemon's flat result objects into the protocol's records with jackson-core's
 * streaming parser (the records' snake_case keys, as {@link io.gopm.protocol.json.JsonCodec}
 * writes them). Returns null for anything it does not expect, so the caller can fall back.
 */
final class ResultReader {

  private ResultReader() {}

  /** An {@code isrunning} result, or null. */
  static IsRunningResult isRunning(JsonFactory json, byte[] result) throws IOException {
    Map<String, Object> fields = fields(json, result);
    if (fields == null
        || !(fields.get("name") instanceof String name)
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
  static PingResult ping(JsonFactory json, byte[] result) throws IOException {
    Map<String, Object> fields = fields(json, result);
    if (fields == null
        || !(fields.get("pid") instanceof Long pid)
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
   * The scalar members of a JSON object: strings, booleans, integers (as Long) and nulls; nested
   * values and fractions are left out. Null when the text is not an object.
   */
  private static Map<String, Object> fields(JsonFactory json, byte[] object) throws IOException {
    try (JsonParser parser = json.createParser(object)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, Object> fields = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          fields.put(name, parser.getText());
        } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
          fields.put(name, value == JsonToken.VALUE_TRUE);
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
          fields.put(name, parser.getLongValue());
        } else if (value == JsonToken.VALUE_NULL) {
          fields.put(name, null);
        } else {
          parser.skipChildren();
        }
      }
      return fields;
    }
  }

  private static Integer integerOrNull(Object value) {
    return value instanceof Long number ? Integer.valueOf(number.intValue()) : null;
  }

  private static long longOrZero(Object value) {
    return value instanceof Long number ? number : 0;
  }
}
