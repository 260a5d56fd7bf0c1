package io.gopm.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.McpEnvelope;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/**
 * {@code gopm mcp}: the daemon's MCP server over stdio (newline-delimited JSON-RPC on stdin and
 * stdout), for clients that only run local commands, such as Claude Desktop. Messages go to the
 * daemon through its Unix socket, so no HTTP listener is needed; logs go to stderr only.
 */
@Command(
    name = "mcp",
    description = "Serve the MCP tools over stdio (for Claude Desktop and other stdio clients)",
    footer = {"", "See docs/mcp.md for the client configuration."})
public final class McpCommand extends GopmSubcommand {

  @Override
  protected int run(Session session) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    JsonCodec codec = session.codec();
    DaemonClient daemon = null;
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode message;
        try {
          message = codec.readTree(line);
        } catch (JsonProcessingException e) {
          write(out, codec.write(errorMessage(codec, null, -32700, "parse error: " + JsonCodec.describe(e))));
          continue;
        }
        McpEnvelope answer;
        try {
          if (daemon == null) {
            daemon = session.daemon();
          }
          answer = daemon.call(RpcMethods.MCP, new McpEnvelope(message));
        } catch (DaemonUnavailableException | io.gopm.cli.CliException e) {
          if (daemon != null) {
            daemon.close();
            daemon = null;
          }
          session.err().println("gopm mcp: " + e.getMessage());
          answer = new McpEnvelope(errorMessage(codec, message.get("id"), -32603, "the GoPM daemon is not reachable: " + e.getMessage()));
        } catch (RpcException e) {
          answer = new McpEnvelope(errorMessage(codec, message.get("id"), -32603, e.getMessage()));
        }
        if (answer.message() != null && message.has("id")) {
          write(out, codec.write(answer.message()));
        }
      }
    } finally {
      if (daemon != null) {
        daemon.close();
      }
    }
    return ExitCodes.OK;
  }

  private static void write(PrintStream out, String json) {
    out.print(json);
    out.print('\n');
    out.flush();
  }

  private static JsonNode errorMessage(JsonCodec codec, JsonNode id, int code, String message) {
    var node = codec.newObject();
    node.put("jsonrpc", "2.0");
    if (id != null && (id.isIntegralNumber() || id.isTextual())) {
      node.set("id", id);
    }
    node.putObject("error").put("code", code).put("message", message);
    return node;
  }
}
