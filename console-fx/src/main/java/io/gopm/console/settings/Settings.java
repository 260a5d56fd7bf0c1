package io.gopm.console.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gopm.protocol.format.GoDuration;
import java.time.Duration;
import java.util.List;

/**
 * What the console remembers between runs, in {@code settings.json}.
 *
 * @param targets the open targets, in sidebar order ({@code local}, {@code ssh://deploy@web1})
 * @param pollInterval how often each daemon is asked for its table (a Go duration, {@code 2s})
 * @param logLines how many log lines the log pane keeps
 * @param sshConfig a file for {@code ssh -F}, or null
 * @param sshOptions extra {@code ssh -o} options
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
    List<String> targets, String pollInterval, Integer logLines, String sshConfig, List<String> sshOptions) {

  /** The default poll interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

  /** The shortest poll interval accepted. */
  public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(200);

  /** Lines the log pane keeps by default. */
  public static final int DEFAULT_LOG_LINES = 5_000;

  public Settings {
    targets = targets == null ? List.of() : List.copyOf(targets);
    sshOptions = sshOptions == null ? List.of() : List.copyOf(sshOptions);
  }

  /** Nothing remembered yet. */
  public static Settings defaults() {
    return new Settings(List.of(), null, null, null, null);
  }

  /** The poll interval, the default when unset or unreadable, never under {@link #MIN_POLL_INTERVAL}. */
  public Duration pollIntervalOrDefault() {
    if (pollInterval == null || pollInterval.isBlank()) {
      return DEFAULT_POLL_INTERVAL;
    }
    try {
      Duration value = GoDuration.parse(pollInterval.strip());
      return value.compareTo(MIN_POLL_INTERVAL) < 0 ? MIN_POLL_INTERVAL : value;
    } catch (IllegalArgumentException e) {
      return DEFAULT_POLL_INTERVAL;
    }
  }

  /** Log lines kept: the default when unset, between 100 and 100,000. */
  public int logLinesOrDefault() {
    if (logLines == null) {
      return DEFAULT_LOG_LINES;
    }
    return Math.max(100, Math.min(100_000, logLines));
  }

  public Settings withTargets(List<String> newTargets) {
    return new Settings(newTargets, pollInterval, logLines, sshConfig, sshOptions);
  }

  public Settings withPollInterval(Duration interval) {
    return new Settings(targets, GoDuration.format(interval), logLines, sshConfig, sshOptions);
  }
}
