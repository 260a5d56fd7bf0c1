package io.gopm.daemon.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.rpc.RpcException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP protocol itself, independent of the transport: one JSON-RPC message in, at most one
 * out. Used by the HTTP endpoint and by {@code gopm mcp} (the stdio bridge, through the daemon's
 * socket). Revision 2025-11-25, negotiating 2025-06-18 and 2025-03-26; stateless (no sessions).
 * Thread-safe.
 */
public final class McpService {

  /** The revisions served, newest first. */
  public static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

  /** Assumed when a client sends no {@code MCP-Protocol-Version} header. */
  public static final String DEFAULT_VERSION = "2025-03-26";

  private final Map<String, McpTool> tools;
  private final GopmResources resources;
  private final JsonCodec codec;
  private final DaemonLog log;

  McpService(GopmTools tools, GopmResources resources, JsonCodec codec, DaemonLog log) {
    this.tools = tools.all();
    this.resources = resources;
    this.codec = codec;
    this.log = log;
  }

  /** Builds the service over the daemon's protocol. */
  public static McpService create(
      io.gopm.daemon.rpc.RpcDispatcher dispatcher,
      io.gopm.daemon.rpc.CallContext.Peer self,
      JsonCodec codec,
      io.gopm.protocol.procfs.ProcessInspector inspector,
      DaemonLog log) {
    DaemonCalls calls =
        new DaemonCalls() {
          @Override
          public <P, R> R call(io.gopm.protocol.rpc.RpcMethod<P, R> method, P params) {
            return dispatcher.invoke(method, params, self);
          }
        };
    return new McpService(new GopmTools(calls, codec, inspector), new GopmResources(calls, codec), codec, log);
  }

  /**
   * Handles one message; the response, or empty for a notification (or a response a client sent
   * us), which the transport acknowledges without a body.
   */
  public Optional<ObjectNode> handle(JsonNode message) {
    if (message == null || !message.isObject()) {
      String what = message != null && message.isArray() ? "batches are not supported: send one JSON-RPC message per request" : "expected a JSON-RPC object";
      return Optional.of(error(null, McpException.INVALID_REQUEST, what));
    }
    JsonNode id = message.get("id");
    JsonNode method = message.get("method");
    if (!"2.0".equals(message.path("jsonrpc").asText())) {
      return Optional.of(error(id, McpException.INVALID_REQUEST, "invalid jsonrpc version: expected \"2.0\""));
    }
    if (method == null || !method.isTextual()) {
      if (id != null && (message.has("result") || message.has("error"))) {
        return Optional.empty(); // a response to a request we never sent: nothing to do
      }
      return Optional.of(error(id, McpException.INVALID_REQUEST, "\"method\" must be a string"));
    }
    if (id == null || id.isNull()) {
      return Optional.empty(); // notifications/initialized, notifications/cancelled, ...
    }
    if (!(id.isIntegralNumber() || id.isTextual())) {
      return Optional.of(error(null, McpException.INVALID_REQUEST, "\"id\" must be a string or an integer"));
    }
    JsonNode params = message.get("params") == null ? codec.newObject() : message.get("params");
    try {
      return Optional.of(result(id, dispatch(method.asText(), params)));
    } catch (McpException e) {
      return Optional.of(error(id, e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      log.fault("MCP request failed: " + method.asText(), e);
      return Optional.of(error(id, McpException.INTERNAL, "internal error: " + e.getClass().getSimpleName()));
    }
  }

  private JsonNode dispatch(String method, JsonNode params) throws McpException {
    if (!params.isObject()) {
      throw new McpException(McpException.INVALID_PARAMS, "\"params\" must be an object");
    }
    switch (method) {
      case "initialize":
        return initialize(params);
      case "ping":
        return codec.newObject();
      case "tools/list":
        return toolList();
      case "tools/call":
        return callTool(params);
      case "resources/list":
        return resources.list();
      case "resources/templates/list":
        return resources.templates();
      case "resources/read":
        JsonNode uri = params.get("uri");
        if (uri == null || !uri.isTextual()) {
          throw new McpException(McpException.INVALID_PARAMS, "\"uri\" is required");
        }
        return resources.read(uri.asText());
      default:
        throw new McpException(McpException.METHOD_NOT_FOUND, "method not found: " + method);
    }
  }

  /** Echoes the client's revision when served, else offers the newest. */
  private JsonNode initialize(JsonNode params) {
    String requested = params.path("protocolVersion").asText("");
    ObjectNode result = codec.newObject();
    result.put("protocolVersion", VERSIONS.contains(requested) ? requested : VERSIONS.get(0));
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", false);
    capabilities.putObject("resources").put("listChanged", false).put("subscribe", false);
    ObjectNode server = result.putObject("serverInfo");
    server.put("name", "gopm");
    server.put("title", "GoPM process manager");
    server.put("version", GopmVersion.version());
    result.put(
        "instructions",
        "GoPM manages long-running processes on this machine. Call gopm_list first; targets are a process name, an ID or 'all'. "
            + "Logs come from gopm_logs (stdout, or err=true for stderr with GoPM's own [gopm] lines).");
    return result;
  }

  private JsonNode toolList() {
    ObjectNode result = codec.newObject();
    ArrayNode list = result.putArray("tools");
    for (McpTool tool : tools.values()) {
      ObjectNode node = list.addObject();
      node.put("name", tool.name());
      node.put("title", tool.title());
      node.put("description", tool.description());
      node.set("inputSchema", tool.inputSchema());
      ObjectNode annotations = node.putObject("annotations");
      annotations.put("title", tool.title());
      annotations.put("readOnlyHint", tool.readOnly());
      annotations.put("destructiveHint", tool.destructive());
      annotations.put("openWorldHint", false);
    }
    return result;
  }

  private JsonNode callTool(JsonNode params) throws McpException {
    JsonNode name = params.get("name");
    if (name == null || !name.isTextual()) {
      throw new McpException(McpException.INVALID_PARAMS, "\"name\" of the tool is required");
    }
    McpTool tool = tools.get(name.asText());
    if (tool == null) {
      throw new McpException(McpException.INVALID_PARAMS, "unknown tool: " + name.asText());
    }
    JsonNode arguments = params.get("arguments");
    if (arguments == null || arguments.isNull()) {
      arguments = codec.newObject();
    }
    if (!arguments.isObject()) {
      throw new McpException(McpException.INVALID_PARAMS, "\"arguments\" must be an object");
    }
    McpTool.ToolResult outcome;
    try {
      outcome = tool.handler().call(arguments);
    } catch (RpcException e) {
      outcome = McpTool.ToolResult.failure(e.getMessage());
    } catch (Exception e) {
      log.fault("MCP tool failed: " + tool.name(), e);
      outcome = McpTool.ToolResult.failure("internal error: " + e.getMessage());
    }
    ObjectNode result = codec.newObject();
    ObjectNode content = result.putArray("content").addObject();
    content.put("type", "text");
    content.put("text", outcome.text());
    if (outcome.error()) {
      result.put("isError", true);
    }
    return result;
  }

  private ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  /** An error response; without {@code id} when the request's id could not be read. */
  public static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    if (id != null && (id.isIntegralNumber() || id.isTextual())) {
      response.set("id", id);
    }
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", io.gopm.protocol.rpc.RpcMessages.shortened(message)); // it may quote a huge value
    return response;
  }
}
