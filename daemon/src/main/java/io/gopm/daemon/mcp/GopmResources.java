package io.gopm.daemon.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;

/**
 * The MCP resources: the process list, one process, its logs, the daemon's status. Fixed URIs are
 * listed by {@code resources/list}, the per-process ones by {@code resources/templates/list}.
 */
final class GopmResources {

  static final String SCHEME = "gopm://";
  private static final int LOG_LINES = 100;

  private final DaemonCalls daemon;
  private final JsonCodec codec;

  GopmResources(DaemonCalls daemon, JsonCodec codec) {
    this.daemon = daemon;
    this.codec = codec;
  }

  /** {@code resources/list}. */
  ObjectNode list() {
    ObjectNode result = codec.newObject();
    ArrayNode resources = result.putArray("resources");
    resource(resources.addObject(), "uri", "gopm://processes", "Process List", "Current process list as JSON", "application/json");
    resource(resources.addObject(), "uri", "gopm://status", "Daemon Status", "Daemon PID, uptime, version", "application/json");
    return result;
  }

  /** {@code resources/templates/list}. */
  ObjectNode templates() {
    ObjectNode result = codec.newObject();
    ArrayNode templates = result.putArray("resourceTemplates");
    resource(templates.addObject(), "uriTemplate", "gopm://process/{name}", "Process Details", "Full describe output for a process", "application/json");
    resource(templates.addObject(), "uriTemplate", "gopm://logs/{name}/stdout", "Process Stdout", "Last 100 lines of stdout", "text/plain");
    resource(templates.addObject(), "uriTemplate", "gopm://logs/{name}/stderr", "Process Stderr", "Last 100 lines of stderr", "text/plain");
    return result;
  }

  private static void resource(ObjectNode node, String uriKey, String uri, String name, String description, String mimeType) {
    node.put(uriKey, uri);
    node.put("name", name);
    node.put("title", name);
    node.put("description", description);
    node.put("mimeType", mimeType);
  }

  /**
   * {@code resources/read} of {@code uri}.
   *
   * @throws McpException {@code -32002} for an unknown resource or process, {@code -32602} for a
   *     malformed URI
   */
  ObjectNode read(String uri) throws McpException {
    String path = uri.startsWith(SCHEME) ? uri.substring(SCHEME.length()) : uri;
    String mimeType = "application/json";
    String text;
    try {
      if (path.equals("processes")) {
        text = codec.writePretty(daemon.call(RpcMethods.LIST, ListRequest.PLAIN));
      } else if (path.equals("status")) {
        text = codec.writePretty(daemon.call(RpcMethods.PING, null));
      } else if (path.startsWith("process/")) {
        String name = path.substring("process/".length());
        if (name.isEmpty()) {
          throw new McpException(McpException.INVALID_PARAMS, "process name required");
        }
        text = codec.writePretty(daemon.call(RpcMethods.DESCRIBE, new TargetRequest(name)));
      } else if (path.startsWith("logs/")) {
        String[] parts = path.substring("logs/".length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || !(parts[1].equals("stdout") || parts[1].equals("stderr"))) {
          throw new McpException(McpException.INVALID_PARAMS, "expected logs/{name}/stdout or logs/{name}/stderr");
        }
        mimeType = "text/plain";
        text = daemon.call(RpcMethods.LOGS, new LogsRequest(parts[0], LOG_LINES, parts[1].equals("stderr"), false)).content();
      } else {
        throw new McpException(McpException.RESOURCE_NOT_FOUND, "unknown resource: " + uri);
      }
    } catch (RpcException e) {
      int code = e.code() == ErrorCode.NOT_FOUND ? McpException.RESOURCE_NOT_FOUND : McpException.INVALID_PARAMS;
      throw new McpException(code, e.getMessage());
    }
    ObjectNode result = codec.newObject();
    ObjectNode content = result.putArray("contents").addObject();
    content.put("uri", uri);
    content.put("mimeType", mimeType);
    content.put("text", text);
    return result;
  }
}
