package io.gopm.protocol.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved daemon configuration ({@code gopm.config.json} merged with the defaults).
 *
 * @param file the file read, or null when running on defaults
 * @param source {@code --config flag}, {@code found}, or {@code ""} without a file
 * @param logs where process logs go and how they rotate
 * @param mcp the MCP HTTP server, or null when disabled
 * @param telemetry the Telegraf target, or null when disabled
 * @param warnings problems that did not stop loading (each names its key)
 */
public record GopmConfig(
    Path file,
    String source,
    LogsConfig logs,
    McpConfig mcp,
    TelemetryConfig telemetry,
    List<String> warnings) {

  /** Source label of a file named with {@code --config}. */
  public static final String SOURCE_FLAG = "--config flag";

  /** Source label of a file found in the search order. */
  public static final String SOURCE_FOUND = "found";

  public GopmConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(logs, "logs");
    warnings = List.copyOf(warnings);
  }

  public Optional<Path> configFile() {
    return Optional.ofNullable(file);
  }

  /**
   * Log defaults for processes that set none themselves.
   *
   * @param directory default directory of {@code <name>-out.log} and {@code <name>-err.log}
   * @param maxSize rotation threshold in bytes
   * @param maxFiles rotated files kept ({@code .1} … {@code .N}); 0 keeps none
   */
  public record LogsConfig(Path directory, long maxSize, int maxFiles) {}

  /**
   * The embedded MCP HTTP server.
   *
   * @param binds the addresses to listen on, each with the device string it came from
   * @param uri the JSON-RPC endpoint path, starting with {@code /}
   */
  public record McpConfig(List<Bind> binds, int port, String uri) {
    public McpConfig {
      binds = List.copyOf(binds);
    }
  }

  /**
   * One listening address of the MCP server.
   *
   * @param label the configured device ({@code 127.0.0.1}, {@code tailscale0}) or {@code loopback}
   */
  public record Bind(InetSocketAddress address, String label) {
    /** {@code 127.0.0.1:18999}, or {@code [::1]:18999} for IPv6. */
    public String hostPort() {
      java.net.InetAddress ip = address.getAddress();
      if (ip instanceof java.net.Inet6Address) {
        return "[" + io.gopm.protocol.procfs.InetText.ipv6(ip.getAddress()) + "]:" + address.getPort();
      }
      return ip.getHostAddress() + ":" + address.getPort();
    }

    /** True for a loopback address. */
    public boolean loopback() {
      return address.getAddress().isLoopbackAddress();
    }
  }

  /**
   * Telegraf over UDP.
   *
   * @param target the resolved socket_listener address
   * @param targetText the address as configured, for display
   * @param measurement the measurement name; the daemon summary uses {@code <measurement>_daemon}
   */
  public record TelemetryConfig(InetSocketAddress target, String targetText, String measurement) {}
}
