package io.gopm.daemon.mcp;

/** A JSON-RPC error of the MCP endpoint: its code and message. */
final class McpException extends Exception {

  /** Not JSON. */
  static final int PARSE_ERROR = -32700;
  /** JSON, but not a JSON-RPC request (or a batch). */
  static final int INVALID_REQUEST = -32600;
  /** No such method. */
  static final int METHOD_NOT_FOUND = -32601;
  /** Bad params, also an unknown tool. */
  static final int INVALID_PARAMS = -32602;
  /** A fault of the server. */
  static final int INTERNAL = -32603;
  /** No such resource. */
  static final int RESOURCE_NOT_FOUND = -32002;

  private final int code;

  McpException(int code, String message) {
    super(message);
    this.code = code;
  }

  int code() {
    return code;
  }
}
