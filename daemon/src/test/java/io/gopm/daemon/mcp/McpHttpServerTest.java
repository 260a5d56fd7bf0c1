package io.gopm.daemon.mcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.config.GopmConfig;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.procfs.ProcessInspector;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class McpHttpServerTest {

  // ---- pure helpers ----------------------------------------------------------------------------

  @Nested
  class HostName {

    @Test
    void dropsThePortOfANameOrIpv4Address() {
      assertThat(McpHttpServer.hostName("localhost:18999")).isEqualTo("localhost");
      assertThat(McpHttpServer.hostName("127.0.0.1:18999")).isEqualTo("127.0.0.1");
    }

    @Test
    void keepsTheBracketsOfAnIpv6Address() {
      assertThat(McpHttpServer.hostName("[::1]:18999")).isEqualTo("[::1]");
      assertThat(McpHttpServer.hostName("[::1]")).isEqualTo("[::1]");
    }

    @Test
    void keepsAHostWithoutPort() {
      assertThat(McpHttpServer.hostName("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void lowerCasesAndStrips() {
      assertThat(McpHttpServer.hostName("  LocalHost:80 ")).isEqualTo("localhost");
      assertThat(McpHttpServer.hostName("EVIL.example")).isEqualTo("evil.example");
    }
  }

  @Nested
  class LoopbackOrigin {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "https://127.0.0.1", "http://[::1]:8080", "http://localhost"})
    void acceptsLoopbackWebOrigins(String origin) {
      assertThat(McpHttpServer.isLoopbackOrigin(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.com", "https://evil.com:443", "http://localhost.evil.com", "file://",
        "file:///etc/passwd", "null", "", "   ", "not a url", "http://", "ftp://localhost", "http://[::1"})
    void refusesEverythingElse(String origin) {
      assertThat(McpHttpServer.isLoopbackOrigin(origin)).isFalse();
    }
  }

  // ---- real servers ------------------------------------------------------------------------------

  /**
   * A service over a fake daemon, and the means to start servers and send requests to them. Each
   * server is closed by the test class that started it.
   */
  abstract static class HttpFixture {
    final JsonCodec codec = new JsonCodec(ZoneOffset.UTC);
    final FakeDaemonCalls daemon = new FakeDaemonCalls();
    final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    DaemonLog log;
    McpService service;
    long ownUid;
    McpHttpServer server;
    Path home;

    void createService(Path home) throws IOException {
      this.home = home;
      log = DaemonLog.open(home.resolve("daemon.log"), true);
      service =
          new McpService(new GopmTools(daemon, codec, ProcessInspector.system()), new GopmResources(daemon, codec), codec, log);
      ownUid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
      daemon.with(FakeDaemonCalls.process(0, "api", "/srv/api/server", "/srv/api", ProcessStatus.ONLINE, 1234));
    }

    void closeServerAndLog() throws IOException {
      if (server != null) {
        server.close();
      }
      log.close();
    }

    /** Starts a server on {@code address} with port 0 and returns its port. */
    int start(String address, Path proc) {
      GopmConfig.Bind bind = new GopmConfig.Bind(new InetSocketAddress(address, 0), address);
      server = new McpHttpServer(service, new GopmConfig.McpConfig(List.of(bind), 0, "/mcp"), home.resolve("mcp.token"),
          ownUid, proc, codec, log);
      server.start();
      assertThat(server.boundPort()).as("bound port").isPositive();
      return server.boundPort();
    }

    static HttpRequest.Builder request(int port, String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    static HttpRequest.BodyPublisher json(String body) {
      return HttpRequest.BodyPublishers.ofString(body);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
      return send(request(port, "/mcp").header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream").POST(json(body)));
    }

    /** Sends {@code request} as is from {@code socket} (connecting it if needed) and reads the whole answer. */
    static String raw(Socket socket, int port, String request) throws IOException {
      if (!socket.isConnected()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      }
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String raw(int port, String request) throws IOException {
      try (Socket socket = new Socket()) {
        return raw(socket, port, request);
      }
    }
  }

  /**
   * One server on 127.0.0.1 shared by the class: the JDK 17 HTTP server's {@code stop(2)} always
   * waits its full 2 s, so a server per test would add minutes.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnLoopback extends HttpFixture {

    int port;

    @BeforeAll
    void startServer(@TempDir Path home) throws IOException {
      createService(home);
      port = start("127.0.0.1", Path.of("/proc"));
    }

    @AfterAll
    void stopServer() throws IOException {
      closeServerAndLog();
    }

    @Test
    void acceptedConnectionsSendWithoutNaglesDelay() {
      assertThat(System.getProperty(McpHttpServer.NODELAY_PROPERTY)).isEqualTo("true");
    }

    @Test
    void answersHealth() throws Exception {
      HttpResponse<String> response = send(request(port, "/health").GET());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(codec.readTree(response.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void answersAJsonRpcRequestWithOneJsonObject() throws Exception {
      HttpResponse<String> response =
          post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
      JsonNode body = codec.readTree(response.body());
      assertThat(body.path("id").asInt()).isEqualTo(1);
      assertThat(body.path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    }

    @Test
    void callsAToolOverHttp() throws Exception {
      HttpResponse<String> response = send(request(port, "/mcp").header("MCP-Protocol-Version", "2025-11-25")
          .POST(json("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"gopm_stop\","
              + "\"arguments\":{\"target\":\"api\"}}}")));

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode result = codec.readTree(response.body()).path("result");
      assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("{\n  \"success\": true\n}");
      assertThat(daemon.calls).contains("stop");
    }

    @Test
    void acknowledgesANotificationWithAnEmptyAccepted() throws Exception {
      HttpResponse<String> response = post(port, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.body()).isEmpty();
    }

    @Test
    void answersGetAndDeleteOfTheEndpointWithMethodNotAllowed() throws Exception {
      HttpResponse<String> get = send(request(port, "/mcp").GET());
      HttpResponse<String> delete = send(request(port, "/mcp").DELETE());

      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).hasValue("POST");
      assertThat(delete.statusCode()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mcp/", "/other", "/", "/.well-known/oauth-protected-resource"})
    void answersUnknownPathsWithNotFound(String path) throws Exception {
      HttpResponse<String> response = send(request(port, path).POST(json("{}")));

      assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAForeignOrigin() throws Exception {
      HttpResponse<String> response = send(request(port, "/health").header("Origin", "http://evil.com").GET());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("cross-origin");
    }

    @Test
    void acceptsALoopbackOrigin() throws Exception {
      HttpResponse<String> response = send(request(port, "/health").header("Origin", "http://localhost:3000").GET());

      assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAForeignHostHeader() throws Exception {
      String response = raw(port, "GET /health HTTP/1.1\r\nHost: rebind.evil.example:" + port + "\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 403").contains("Host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "[::1]"})
    void acceptsALoopbackHostHeader(String host) throws Exception {
      String response = raw(port, "GET /health HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
    }

    @Test
    void refusesARequestWithoutHostHeader() throws Exception {
      String response = raw(port, "GET /health HTTP/1.0\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 403");
    }

    @Test
    void refusesAnUnsupportedProtocolVersionHeader() throws Exception {
      HttpResponse<String> response = send(request(port, "/mcp").header("MCP-Protocol-Version", "2026-07-28")
          .POST(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode body = codec.readTree(response.body());
      assertThat(body.path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(body.path("error").path("message").asText()).contains("2026-07-28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
    void acceptsASupportedProtocolVersionHeader(String version) throws Exception {
      HttpResponse<String> response = send(request(port, "/mcp").header("MCP-Protocol-Version", version)
          .POST(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(codec.readTree(response.body()).path("result").isObject()).isTrue();
    }

    @Test
    void refusesABodyOverFourMebibytes() throws Exception {
      byte[] body = new byte[McpHttpServer.MAX_BODY + 1];
      Arrays.fill(body, (byte) ' ');

      HttpResponse<String> response =
          send(request(port, "/mcp").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(codec.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void answersMalformedJsonWithAParseErrorWithoutId() throws Exception {
      HttpResponse<String> response = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,");

      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode body = codec.readTree(response.body());
      assertThat(body.has("id")).isFalse();
      assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void refusesABatch() throws Exception {
      HttpResponse<String> response = post(port, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(codec.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void answersAJsonRpcErrorWithOk() throws Exception {
      HttpResponse<String> response = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such\"}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(codec.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32601);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void answersAnEmptyBodyWithAClientError(String body) throws Exception {
      HttpResponse<String> response = post(port, body);

      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode error = codec.readTree(response.body());
      assertThat(error.has("id")).isFalse();
      assertThat(error.path("error").path("code").asInt()).isIn(-32700, -32600);
    }

    @Test
    void answersHeadOfHealth() throws Exception {
      String response = raw(port, "HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 200");
    }
  }

  /** Servers of their own: a fixture {@code /proc}, a listener beyond loopback, closing. */
  @Nested
  class WhoMayConnect extends HttpFixture {

    @BeforeEach
    void prepare(@TempDir Path home) throws IOException {
      createService(home);
    }

    @AfterEach
    void closeServer() throws IOException {
      closeServerAndLog();
    }

    /** A fixture {@code /proc} whose tcp table says {@code client} belongs to {@code uid}. */
    Path procSaying(InetSocketAddress client, int serverPort, long uid) throws IOException {
      Path net = Files.createDirectories(home.resolve("proc/self/net"));
      String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
      String row = String.format(Locale.ROOT,
          "   0: 0100007F:%04X 0100007F:%04X 01 00000000:00000000 00:00000000 00000000  %d        0 4711 1 0000000000000000 20 4 30 10 -1%n",
          client.getPort(), serverPort, uid);
      Files.writeString(net.resolve("tcp"), header + (uid >= 0 ? row : ""), US_ASCII);
      Files.writeString(net.resolve("tcp6"), header, US_ASCII);
      return home.resolve("proc");
    }

    @Test
    void refusesALoopbackClientOfAnotherUser() throws Exception {
      try (Socket socket = new Socket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress client = (InetSocketAddress) socket.getLocalSocketAddress();
        int port = start("127.0.0.1", home.resolve("proc"));
        procSaying(client, port, ownUid + 4321);

        String response = raw(socket, port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403").contains("another user");
      }
    }

    @Test
    void refusesALoopbackClientWhoseSocketCannotBeFound() throws Exception {
      int port = start("127.0.0.1", home.resolve("proc"));
      procSaying(new InetSocketAddress("127.0.0.1", 1), port, -1);

      HttpResponse<String> response = send(request(port, "/health").GET());

      assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsALoopbackClientOfTheDaemonsUser() throws Exception {
      try (Socket socket = new Socket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress client = (InetSocketAddress) socket.getLocalSocketAddress();
        int port = start("127.0.0.1", home.resolve("proc"));
        procSaying(client, port, ownUid);

        String response = raw(socket, port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200");
      }
    }

    @Test
    void requiresTheBearerTokenOnAListenerBeyondLoopback() throws Exception {
      int port = start("0.0.0.0", Path.of("/proc"));
      Path tokenFile = home.resolve("mcp.token");
      assertThat(tokenFile).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      String token = Files.readString(tokenFile, US_ASCII).strip();

      HttpResponse<String> anonymous = send(request(port, "/health").GET());
      HttpResponse<String> wrong = send(request(port, "/health").header("Authorization", "Bearer " + "0".repeat(64)).GET());
      HttpResponse<String> authorized = send(request(port, "/health").header("Authorization", "Bearer " + token).GET());

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(anonymous.body()).doesNotContain(token);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(authorized.statusCode()).isEqualTo(200);
    }

    @Test
    void closesItsListener() throws Exception {
      int port = start("127.0.0.1", Path.of("/proc"));

      server.close();

      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000))
            .isInstanceOf(IOException.class);
      }
    }

    @Test
    void closesPromptlyWhenNoExchangeIsInFlight() throws Exception {
      int port = start("127.0.0.1", Path.of("/proc"));
      assertThat(send(request(port, "/health").GET()).statusCode()).isEqualTo(200);

      long started = System.nanoTime();
      server.close();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(took).isLessThan(Duration.ofSeconds(1));
    }
  }
}
