package io.gopm.daemon.state;

/** {@code dump.json} could not be read or is not a process list. */
public final class StateException extends Exception {
  public StateException(String message) {
    super(message);
  }
}
