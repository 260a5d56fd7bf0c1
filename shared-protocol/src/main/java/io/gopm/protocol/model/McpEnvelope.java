package io.gopm.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MCP JSON-RPC message carried over the daemon's socket ({@code gopm mcp}, the stdio bridge
 * for clients that only start local commands).
 *
 * @param message the MCP message; in a result, null when the request was a notification
 */
public record McpEnvelope(JsonNode message) {}
