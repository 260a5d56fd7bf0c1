package io.gopm.daemon.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One MCP tool: what {@code tools/list} shows (name, title, description, input schema,
 * annotations) and what {@code tools/call} runs.
 *
 * @param readOnly the tool changes nothing ({@code readOnlyHint})
 * @param destructive the tool may stop or remove something ({@code destructiveHint})
 */
record McpTool(
    String name,
    String title,
    String description,
    ObjectNode inputSchema,
    boolean readOnly,
    boolean destructive,
    Handler handler) {

  McpTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(handler, "handler");
  }

  /** Runs the tool on its arguments (an object, possibly empty). */
  @FunctionalInterface
  interface Handler {
    ToolResult call(JsonNode arguments) throws Exception;
  }

  /**
   * What a call produced: text for the model, and whether it is a business failure ({@code
   * isError}: the model can correct itself).
   */
  record ToolResult(String text, boolean error) {
    static ToolResult ok(String text) {
      return new ToolResult(text, false);
    }

    static ToolResult failure(String text) {
      return new ToolResult(text, true);
    }
  }
}
