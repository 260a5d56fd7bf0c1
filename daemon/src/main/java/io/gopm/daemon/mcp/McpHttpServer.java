package io.gopm.daemon.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.config.GopmConfig;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MCP Streamable HTTP endpoint on the JDK's HTTP server: {@code POST <uri>} carries one
 * JSON-RPC message, {@code GET /health} answers {@code {"status":"ok"}}. Secure by default: the
 * {@code Host} and {@code Origin} headers must name this machine (no DNS rebinding from a browser),
 * a loopback listener accepts only connections from the daemon's own user (or root), and a
 * listener on any other address requires the bearer token of {@code mcp.token}.
 */
public final class McpHttpServer implements AutoCloseable {

  /** The largest request body accepted. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private final McpService service;
  private final GopmConfig.McpConfig config;
  private final Path tokenFile;
  private final long ownUid;
  private final LoopbackPeers peers;
  private final JsonCodec codec;
  private final DaemonLog log;
  private final List<HttpServer> servers = new ArrayList<>();
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
  private final Object inFlightLock = new Object();
  private int inFlight; // guarded by inFlightLock
  private final Set<String> allowedHosts = new HashSet<>();
  private ExecutorService executor;
  private McpToken token;

  /** The JDK HTTP server's switch for {@code TCP_NODELAY} on accepted connections. */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK's server writes a response's headers and body separately; with Nagle's algorithm on,
    // a client that keeps its connection open (as MCP clients do) waited for its own delayed ACK,
    // about 40 ms, on every request (52 ms a tools/list instead of 15 ms here). The property is read
    // once, when the server implementation is first loaded, which is after this class is.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  public McpHttpServer(
      McpService service, GopmConfig.McpConfig config, Path tokenFile, long ownUid, Path proc, JsonCodec codec,
      DaemonLog log) {
    this.service = service;
    this.config = config;
    this.tokenFile = tokenFile;
    this.ownUid = ownUid;
    this.peers = new LoopbackPeers(proc);
    this.codec = codec;
    this.log = log;
  }

  /**
   * Listens on every configured address. A listener that cannot start (address in use, no token
   * for a non-loopback address) is logged and skipped; the daemon runs on without it.
   */
  public void start() {
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "gopm-mcp-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    allowedHosts.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
    for (GopmConfig.Bind bind : config.binds()) {
      String hostPort = bind.hostPort();
      allowedHosts.add(hostPort.substring(0, hostPort.lastIndexOf(':')));
      if (!bind.loopback() && token == null) {
        try {
          token = McpToken.loadOrCreate(tokenFile);
        } catch (IOException e) {
          log.error("MCP HTTP listen failed", "addr", hostPort, "label", bind.label(),
              "error", "a listener beyond loopback needs a bearer token: " + e.getMessage());
          continue;
        }
      }
      try {
        HttpServer server = HttpServer.create(bind.address(), 64);
        boolean loopback = bind.loopback();
        server.createContext("/", exchange -> handle(exchange, loopback));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        log.info("MCP HTTP listening", "addr", hostPort, "label", bind.label(), "uri", config.uri(),
            "auth", loopback ? "local user" : "bearer token (" + tokenFile + ")");
      } catch (IOException | RuntimeException e) {
        log.error("MCP HTTP listen failed", "addr", hostPort, "label", bind.label(), "error", String.valueOf(e.getMessage()));
      }
    }
  }

  /** The port actually bound by the first listener (for tests binding port 0), or -1. */
  public int boundPort() {
    return servers.isEmpty() ? -1 : servers.get(0).getAddress().getPort();
  }

  private void handle(HttpExchange exchange, boolean loopbackListener) {
    synchronized (inFlightLock) {
      inFlight++;
    }
    try (exchange) {
      String refusal = refusal(exchange, loopbackListener);
      if (refusal != null) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (path.equals("/health")) {
        sendJson(exchange, 200, "{\"status\":\"ok\"}");
      } else if (path.equals(config.uri())) {
        if (method.equals("POST")) {
          post(exchange);
        } else {
          exchange.getResponseHeaders().set("Allow", "POST");
          sendText(exchange, 405, "Method not allowed: use POST");
        }
      } else {
        sendText(exchange, 404, "404 page not found");
      }
    } catch (IOException e) {
      log.debug("MCP HTTP exchange failed", "error", e.getMessage());
    } catch (RuntimeException e) {
      log.fault("MCP HTTP exchange failed", e);
    } finally {
      synchronized (inFlightLock) {
        inFlight--;
        inFlightLock.notifyAll();
      }
    }
  }

  /** Sends the refusal and returns its reason, or null when the request may go on. */
  private String refusal(HttpExchange exchange, boolean loopbackListener) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !allowedHosts.contains(hostName(host))) {
      sendText(exchange, 403, "Forbidden: unexpected Host header");
      return "host";
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !isLoopbackOrigin(origin)) {
      sendText(exchange, 403, "Forbidden: cross-origin requests are not allowed");
      return "origin";
    }
    InetSocketAddress remote = exchange.getRemoteAddress();
    if (!loopbackListener) {
      if (token == null || !token.matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"gopm\"");
        sendText(exchange, 401, "Unauthorized: send Authorization: Bearer <token from " + tokenFile + ">");
        return "token";
      }
      return null;
    }
    if (remote.getAddress().isLoopbackAddress()) {
      OptionalLong uid = peers.uidOf(remote, exchange.getLocalAddress());
      if (uid.isEmpty() || (uid.getAsLong() != ownUid && uid.getAsLong() != 0)) {
        log.warn("MCP connection refused: another user", "peer", remote, "uid", uid.isPresent() ? uid.getAsLong() : "unknown");
        sendText(exchange, 403, "Forbidden: this GoPM daemon belongs to another user");
        return "uid";
      }
    }
    return null;
  }

  private void post(HttpExchange exchange) throws IOException {
    String version = exchange.getRequestHeaders().getFirst("MCP-Protocol-Version");
    if (version != null && !McpService.VERSIONS.contains(version)) {
      sendJson(exchange, 400, codec.write(McpService.error(null, McpException.INVALID_REQUEST,
          "unsupported MCP-Protocol-Version " + version + " (supported: " + String.join(", ", McpService.VERSIONS) + ")")));
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      sendJson(exchange, 413, codec.write(McpService.error(null, McpException.INVALID_REQUEST,
          "request larger than " + (MAX_BODY / (1024 * 1024)) + " MiB")));
      return;
    }
    JsonNode message;
    try {
      message = codec.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      sendJson(exchange, 400, codec.write(McpService.error(null, McpException.PARSE_ERROR, "parse error: " + JsonCodec.describe(e))));
      return;
    }
    Optional<ObjectNode> response = service.handle(message);
    if (!message.isObject()) {
      sendJson(exchange, 400, codec.write(response.orElseThrow())); // a batch or a bare value
      return;
    }
    if (response.isEmpty()) {
      exchange.sendResponseHeaders(202, -1);
      return;
    }
    sendJson(exchange, 200, codec.write(response.get()));
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  /** {@code localhost} of {@code localhost:18999}, {@code [::1]} of {@code [::1]:18999}. */
  static String hostName(String hostHeader) {
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close > 0 ? host.substring(0, close + 1) : host;
    }
    int colon = host.indexOf(':');
    return colon >= 0 ? host.substring(0, colon) : host;
  }

  /** True for {@code http(s)://localhost}, {@code 127.0.0.1}, {@code [::1]} with any port. */
  static boolean isLoopbackOrigin(String origin) {
    try {
      URI uri = URI.create(origin.strip());
      String host = uri.getHost();
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json", json + "\n");
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text + "\n");
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Stops every listener, waiting up to 2 s for exchanges in flight. The wait is counted here, not
   * left to {@code HttpServer.stop(delay)}, which on JDK 17 waits the whole delay even when idle.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    synchronized (inFlightLock) {
      long left;
      while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          inFlightLock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    for (HttpServer server : servers) {
      server.stop(0);
    }
    servers.clear();
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
