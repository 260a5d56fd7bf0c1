/**
 * The embedded MCP server, so AI tools can manage processes: {@link
 * io.gopm.daemon.mcp.McpService} speaks the Model Context Protocol (14 tools, 5 resources) over the
 * daemon's own protocol methods, {@link io.gopm.daemon.mcp.McpHttpServer} serves it as Streamable
 * HTTP with Host/Origin checks, a same-user check on loopback and a bearer token elsewhere. {@code
 * gopm mcp} reaches the same service through the Unix socket.
 */
package io.gopm.daemon.mcp;
