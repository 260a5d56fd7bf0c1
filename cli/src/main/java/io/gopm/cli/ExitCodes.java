package io.gopm.cli;

import io.gopm.protocol.rpc.ErrorCode;

/**
 * The CLI's exit statuses. GoPM's contract is simple: 0 for success, 1 for any failure (and for
 * {@code isrunning} when the process is not online), so scripts can rely on {@code gopm ... ||}.
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** Any failure: bad input, unknown target, daemon error, daemon unreachable. */
  public static final int FAILURE = 1;

  private ExitCodes() {}

  /** The exit status for a daemon error: every protocol error is a failure. */
  public static int of(ErrorCode code) {
    return FAILURE;
  }
}
