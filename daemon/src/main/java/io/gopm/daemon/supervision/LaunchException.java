package io.gopm.daemon.supervision;

/** A process could not be started; the message is for the user ({@code start process: ...}). */
public final class LaunchException extends Exception {
  public LaunchException(String message) {
    super(message);
  }
}
