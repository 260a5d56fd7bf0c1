package io.gopm.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.Sizes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a client asks the daemon to start: the fields of an ecosystem app, as written by the user.
 * Every field but {@code command} is optional; {@code null} or an empty string means "the default".
 * Durations and sizes stay text here so that an invalid one is reported with the field and value
 * the user typed; {@link #restartPolicy()} and {@link #maxLogSizeOr(long)} turn them into values.
 */
public record StartRequest(
    String command,
    String name,
    List<String> args,
    String cwd,
    Map<String, String> env,
    String interpreter,
    String autorestart,
    Integer maxRestarts,
    String minUptime,
    String restartDelay,
    Boolean expBackoff,
    String maxDelay,
    String killTimeout,
    String logOut,
    String logErr,
    String maxLogSize) {

  public StartRequest {
    if (args != null && args.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("field \"args\": null is not allowed, expected strings");
    }
    if (env != null && env.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
      throw new IllegalArgumentException("field \"env\": null is not allowed, expected strings");
    }
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** A request for {@code command} with every other field left to its default. */
  public static StartRequest of(String command, String name, List<String> args) {
    return new StartRequest(
        command, name, args, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /**
   * The restart policy these fields describe, defaults filled in.
   *
   * @throws InvalidFieldException naming the first invalid field
   */
  @JsonIgnore
  public RestartPolicy restartPolicy() {
    RestartPolicy defaults = RestartPolicy.DEFAULTS;
    AutoRestart mode = defaults.autorestart();
    if (!isBlank(autorestart)) {
      try {
        mode = AutoRestart.parse(autorestart);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("autorestart", autorestart, e.getMessage());
      }
    }
    if (maxRestarts != null && maxRestarts < 0) {
      throw new InvalidFieldException(
          "max_restarts", maxRestarts.toString(), "must be 0 (unlimited) or more");
    }
    return new RestartPolicy(
        mode,
        maxRestarts == null ? defaults.maxRestarts() : maxRestarts,
        duration("min_uptime", minUptime, defaults.minUptime()),
        duration("restart_delay", restartDelay, defaults.restartDelay()),
        Boolean.TRUE.equals(expBackoff),
        duration("max_delay", maxDelay, defaults.maxDelay()),
        RestartPolicy.SIGTERM,
        duration("kill_timeout", killTimeout, defaults.killTimeout()));
  }

  /**
   * The rotation threshold in bytes, or {@code fallback} when none is given.
   *
   * @throws InvalidFieldException when the size does not parse or is not positive
   */
  public long maxLogSizeOr(long fallback) {
    if (isBlank(maxLogSize)) {
      return fallback;
    }
    try {
      return Sizes.parse(maxLogSize);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("max_log_size", maxLogSize, e.getMessage());
    }
  }

  /** Checks every field that has a format, so a bad request is refused before anything changes. */
  public void validate() {
    if (isBlank(command)) {
      throw new IllegalArgumentException("command is required");
    }
    if (!isBlank(name)) {
      ProcessNames.check(name);
    }
    restartPolicy();
    maxLogSizeOr(Sizes.DEFAULT_MAX_LOG_SIZE);
    for (String key : env.keySet()) {
      if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
        throw new InvalidFieldException("env", key, "a variable name must be non-empty and contain no '=' or NUL");
      }
    }
  }

  private static Duration duration(String field, String text, Duration fallback) {
    if (isBlank(text)) {
      return fallback;
    }
    Duration value;
    try {
      value = GoDuration.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, text, e.getMessage());
    }
    if (value.isNegative()) {
      throw new InvalidFieldException(field, text, "must not be negative");
    }
    return value;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
