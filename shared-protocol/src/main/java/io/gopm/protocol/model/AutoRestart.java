package io.gopm.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When a process that exits on its own is started again. */
public enum AutoRestart {
  /** Restart on any exit. */
  ALWAYS("always"),
  /** Restart only when the exit code is not 0. */
  ON_FAILURE("on-failure"),
  /** Never restart. */
  NEVER("never");

  private final String wireName;

  AutoRestart(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * The mode named by {@code text}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  @JsonCreator
  public static AutoRestart parse(String text) {
    for (AutoRestart mode : values()) {
      if (mode.wireName.equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("expected always, on-failure or never");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
