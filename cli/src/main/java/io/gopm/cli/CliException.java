package io.gopm.cli;

/**
 * A failure to report to the user as {@code Error: <message>} (or {@code {"error":...}} with
 * {@code --json}), without a stack trace.
 */
public final class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(String message) {
    this(message, ExitCodes.FAILURE);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
