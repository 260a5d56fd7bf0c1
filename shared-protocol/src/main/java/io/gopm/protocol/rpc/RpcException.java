package io.gopm.protocol.rpc;

import java.util.Objects;

/**
 * A request that failed with a protocol error: thrown by daemon handlers (and turned into the
 * JSON-RPC error object by the dispatcher) and by the client when the daemon answers with one.
 */
public final class RpcException extends RuntimeException {

  private final ErrorCode code;

  public RpcException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public RpcException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** {@code process "<target>" not found}. */
  public static RpcException notFound(String target) {
    return new RpcException(ErrorCode.NOT_FOUND, "process \"" + target + "\" not found");
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(ErrorCode.INVALID_PARAMS, message);
  }
}
