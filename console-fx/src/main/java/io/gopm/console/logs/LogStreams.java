package io.gopm.console.logs;

import java.util.List;

/** Which log the pane shows; {@code e} cycles through them, as in the terminal UI. */
public enum LogStreams {
  OUT("stdout", List.of("out")),
  ERR("stderr", List.of("err")),
  BOTH("stdout + stderr", List.of("out", "err"));

  private final String label;
  private final List<String> streams;

  LogStreams(String label, List<String> streams) {
    this.label = label;
    this.streams = streams;
  }

  public String label() {
    return label;
  }

  /** The daemon's stream names to follow: {@code out}, {@code err}. */
  public List<String> streams() {
    return streams;
  }

  /** The next choice: stdout, stderr, both, stdout... */
  public LogStreams next() {
    return values()[(ordinal() + 1) % values().length];
  }

  @Override
  public String toString() {
    return label;
  }
}
