package io.gopm.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of a managed process, as shown by every client. */
public enum ProcessStatus {
  /** An OS process is running for this record. */
  ONLINE("online"),
  /** Not running: stopped by the user, exited for good, or waiting in its restart delay. */
  STOPPED("stopped"),
  /** Given up on: max restarts reached, or a start failed. */
  ERRORED("errored");

  private final String wireName;

  ProcessStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in JSON and in human output. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  static ProcessStatus fromWireName(String name) {
    for (ProcessStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status \"" + name + "\" (expected online, stopped or errored)");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
