package io.gopm.protocol.config;

import java.util.List;

/**
 * A configuration or ecosystem file that cannot be used. Each problem names the key and value;
 * the message is the problems, one per line.
 */
public final class ConfigException extends Exception {

  private final List<String> problems;

  public ConfigException(String message) {
    this(List.of(message));
  }

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<String> problems() {
    return problems;
  }
}
