package io.gopm.protocol.rpc;

/**
 * The stable error codes of the protocol. Each has a JSON-RPC numeric code and a name sent in
 * {@code error.data.kind}; clients branch on these, never on message text.
 */
public enum ErrorCode {
  /** The line was not valid JSON. */
  PARSE_ERROR(-32700, "parse_error"),
  /** Valid JSON, but not a JSON-RPC request (or a frame over the size limit). */
  INVALID_REQUEST(-32600, "invalid_request"),
  /** No method of that name. */
  METHOD_NOT_FOUND(-32601, "method_not_found"),
  /** Parameters missing, of the wrong type, or with a value GoPM refuses. */
  INVALID_PARAMS(-32602, "invalid_params"),
  /** A fault inside the daemon; the message says what failed. */
  INTERNAL(-32603, "internal"),
  /** The target names no process. */
  NOT_FOUND(-32001, "not_found"),
  /** The request conflicts with the current state (a name that already exists). */
  CONFLICT(-32002, "conflict"),
  /** The process could not be started (missing executable, bad working directory...). */
  START_FAILED(-32003, "start_failed"),
  /** Client and daemon speak different protocol versions. */
  PROTOCOL_MISMATCH(-32004, "protocol_mismatch"),
  /** The connecting user may not use this daemon. */
  UNAUTHORIZED(-32005, "unauthorized"),
  /** The daemon is shutting down and accepts no new work. */
  SHUTTING_DOWN(-32006, "shutting_down"),
  /** Reading or writing a file failed. */
  IO_ERROR(-32007, "io_error");

  private final int code;
  private final String kind;

  ErrorCode(int code, String kind) {
    this.code = code;
    this.kind = kind;
  }

  public int code() {
    return code;
  }

  public String kind() {
    return kind;
  }

  /** The code for a numeric JSON-RPC code and optional kind, {@link #INTERNAL} when unknown. */
  public static ErrorCode of(int code, String kind) {
    for (ErrorCode value : values()) {
      if (value.kind.equals(kind)) {
        return value;
      }
    }
    for (ErrorCode value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    return INTERNAL;
  }
}
