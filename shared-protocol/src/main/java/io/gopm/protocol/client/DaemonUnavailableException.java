package io.gopm.protocol.client;

/** The daemon could not be reached, started, or it dropped the connection. */
public final class DaemonUnavailableException extends RuntimeException {

  public DaemonUnavailableException(String message) {
    super(message);
  }

  public DaemonUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
