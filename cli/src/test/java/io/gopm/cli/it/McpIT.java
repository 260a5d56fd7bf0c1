package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded MCP server against real clients: the official TypeScript SDK (over HTTP and over
 * the {@code gopm mcp} stdio bridge) and the MCP Inspector CLI, both installed by .ci/run into
 * tools/npm; plus the protocol and security refusals.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class McpIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int mcpOnLoopback() throws IOException {
    int port = freePort();
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":{\"port\":" + port + "}}");
    gopm.ok("ping");
    GopmEnvironment.await(WAIT).until(() -> gopm.daemonLog().contains("MCP HTTP listening"));
    return port;
  }

  private Path npmBin(String tool) {
    Path bin = Path.of(System.getProperty("gopm.npm.bin", "tools/npm/node_modules/.bin")).resolve(tool);
    String reason = tool + " is not installed in " + bin.getParent() + " (run `cd tools/npm && npm ci`, as .ci/run does)";
    if (System.getenv("CI") != null) {
      assertThat(bin).as(reason).isExecutable();
    }
    assumeTrue(Files.isExecutable(bin), reason);
    return bin;
  }

  private HttpResponse<String> post(int port, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode runNode(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of(System.getProperty("gopm.npm.dir", "tools/npm")).toFile());
    builder.environment().put("GOPM_HOME", gopm.home.toString());
    builder.redirectError(ProcessBuilder.Redirect.appendTo(gopm.workDir.resolve("node-stderr.log").toFile()));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out + GopmEnvironment.read(gopm.workDir.resolve("node-stderr.log"))).isZero();
    String json = out.strip();
    return gopm.tree(json.isEmpty() ? "{}" : json.substring(Math.max(0, json.indexOf('{'))));
  }

  private Path plan(ObjectNode plan) throws IOException {
    Path file = gopm.workDir.resolve("plan.json");
    Files.writeString(file, gopm.codec.write(plan));
    return file;
  }

  private static String text(JsonNode callResult) {
    return callResult.path("result").path("content").get(0).path("text").asText();
  }

  @Test
  void theOfficialSdkClientCallsEveryToolAndReadsEveryResource() throws Exception {
    Path node = Path.of("/usr/bin/env");
    Path npmDir = Path.of(System.getProperty("gopm.npm.dir", "tools/npm"));
    npmBin("mcp-inspector");
    int port = mcpOnLoopback();
    ProcessInfo api = gopm.startApp("api", List.of(), "--run-forever", "--stdout-every", "100ms");
    gopm.awaitFileContains(gopm.logFile("api", "out"), "stdout heartbeat", WAIT);

    ObjectNode plan = gopm.codec.newObject();
    ArrayNode calls = plan.putArray("calls");
    calls.addObject().put("name", "gopm_ping");
    calls.addObject().put("name", "gopm_list");
    ObjectNode start = calls.addObject().put("name", "gopm_start");
    ObjectNode startArgs = start.putObject("arguments");
    startArgs.put("command", gopm.testapp.toString()).put("name", "worker").put("cwd", gopm.workDir.toString());
    startArgs.putArray("args").add("--run-forever");
    startArgs.putObject("env").put("FROM_MCP", "yes");
    calls.addObject().put("name", "gopm_describe").putObject("arguments").put("target", "worker");
    calls.addObject().put("name", "gopm_isrunning").putObject("arguments").put("target", "api");
    calls.addObject().put("name", "gopm_logs").putObject("arguments").put("target", "api").put("lines", 3);
    calls.addObject().put("name", "gopm_pid").putObject("arguments").put("pid", api.pid());
    calls.addObject().put("name", "gopm_export").putObject("arguments").put("target", "worker");
    calls.addObject().put("name", "gopm_stop").putObject("arguments").put("target", "worker");
    calls.addObject().put("name", "gopm_restart").putObject("arguments").put("target", "worker");
    calls.addObject().put("name", "gopm_flush").putObject("arguments").put("target", "worker");
    ObjectNode importCall = calls.addObject().put("name", "gopm_import");
    ObjectNode app = importCall.putObject("arguments").putArray("apps").addObject();
    app.put("name", "imported").put("command", gopm.testapp.toString()).put("cwd", "/tmp");
    app.putArray("args").add("--run-forever");
    calls.addObject().put("name", "gopm_resurrect");
    calls.addObject().put("name", "gopm_delete").putObject("arguments").put("target", "imported");
    calls.addObject().put("name", "gopm_describe").putObject("arguments").put("target", "ghost");
    ArrayNode reads = plan.putArray("reads");
    reads.add("gopm://processes").add("gopm://status").add("gopm://process/api").add("gopm://logs/api/stdout")
        .add("gopm://logs/api/stderr");

    JsonNode out = runNode(List.of(node.toString(), "node", npmDir.resolve("checks/mcp-sdk-client.mjs").toString(),
        "http", "http://127.0.0.1:" + port + "/mcp", plan(plan).toString()));

    assertThat(out.path("serverVersion").path("name").asText()).isEqualTo("gopm");
    assertThat(out.path("tools")).hasSize(14);
    for (JsonNode tool : out.path("tools")) {
      assertThat(tool.path("inputSchema").path("type").asText()).as(tool.toString()).isEqualTo("object");
      assertThat(tool.path("title").asText()).isNotEmpty();
    }
    List<String> readOnly = new ArrayList<>();
    out.path("tools").forEach(t -> {
      if (t.path("annotations").path("readOnlyHint").asBoolean()) {
        readOnly.add(t.path("name").asText());
      }
    });
    assertThat(readOnly).containsExactlyInAnyOrder("gopm_ping", "gopm_list", "gopm_describe", "gopm_isrunning",
        "gopm_logs", "gopm_pid", "gopm_export");
    JsonNode results = out.path("calls");
    assertThat(text(results.get(0))).startsWith("GoPM daemon running (PID: " + gopm.daemonPid());
    assertThat(text(results.get(1))).contains("\"name\": \"api\"");
    assertThat(text(results.get(2))).contains("\"name\": \"worker\"").contains("\"FROM_MCP\": \"yes\"");
    assertThat(text(results.get(4))).contains("\"running\": true");
    assertThat(text(results.get(5))).contains("stdout heartbeat");
    assertThat(text(results.get(6))).contains("\"pid\": " + api.pid()).contains("\"managed\": true");
    assertThat(text(results.get(7))).contains("\"apps\"").contains("\"worker\"").doesNotContain("\"api\"");
    assertThat(text(results.get(11))).contains("OK imported (PID: ").contains("Imported 1/1 processes");
    assertThat(results.get(14).path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(results.get(14))).isEqualTo("process \"ghost\" not found");
    assertThat(out.path("resources")).hasSize(2);
    assertThat(out.path("templates")).hasSize(3);
    assertThat(out.path("reads").get(2).path("result").path("contents").get(0).path("text").asText()).contains("\"api\"");
    assertThat(out.path("reads").get(3).path("result").path("contents").get(0).path("mimeType").asText()).isEqualTo("text/plain");
    assertThat(gopm.find("imported")).isEmpty();
    assertThat(gopm.process("worker").online()).isTrue();
  }

  @Test
  void theInspectorCliListsToolsAndCallsOne() throws Exception {
    Path inspector = npmBin("mcp-inspector");
    int port = mcpOnLoopback();
    gopm.startApp("api", List.of(), "--run-forever");
    String url = "http://127.0.0.1:" + port + "/mcp";

    JsonNode tools = runNode(List.of(inspector.toString(), "--cli", url, "--transport", "http", "--method", "tools/list"));
    JsonNode call = runNode(List.of(inspector.toString(), "--cli", url, "--transport", "http", "--method", "tools/call",
        "--tool-name", "gopm_isrunning", "--tool-arg", "target=api"));

    assertThat(tools.path("tools")).hasSize(14);
    assertThat(call.path("content").get(0).path("text").asText()).contains("\"running\": true");
  }

  @Test
  void theStdioBridgeServesTheSameTools() throws Exception {
    npmBin("mcp-inspector");
    gopm.startApp("api", List.of(), "--run-forever");
    ObjectNode plan = gopm.codec.newObject();
    plan.putArray("calls").addObject().put("name", "gopm_isrunning").putObject("arguments").put("target", "api");

    JsonNode out = runNode(List.of("/usr/bin/env", "node",
        Path.of(System.getProperty("gopm.npm.dir", "tools/npm")).resolve("checks/mcp-sdk-client.mjs").toString(),
        "stdio", gopm.gopm.toString(), plan(plan).toString()));

    assertThat(out.path("tools")).hasSize(14);
    assertThat(text(out.path("calls").get(0))).contains("\"running\": true");
  }

  @Test
  void protocolMistakesGetTheRightErrors() throws Exception {
    int port = mcpOnLoopback();

    HttpResponse<String> origin = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Origin", "http://evil.example"));
    assertThat(origin.statusCode()).isEqualTo(403);
    HttpResponse<String> version = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("MCP-Protocol-Version", "1999-01-01"));
    assertThat(version.statusCode()).isEqualTo(400);
    HttpResponse<String> batch = post(port, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", Map.of());
    assertThat(batch.statusCode()).isEqualTo(400);
    assertThat(gopm.tree(batch.body()).path("error").path("code").asInt()).isEqualTo(-32600);
    JsonNode unknownTool = gopm.tree(post(port, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"gopm_explode\"}}", Map.of()).body());
    assertThat(unknownTool.path("error").path("code").asInt()).isEqualTo(-32602);
    JsonNode unknownResource = gopm.tree(post(port, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":\"gopm://nothing\"}}", Map.of()).body());
    assertThat(unknownResource.path("error").path("code").asInt()).isEqualTo(-32002);
    HttpResponse<String> malformed = post(port, "{\"jsonrpc\":", Map.of());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(gopm.tree(malformed.body()).path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("\tat ");
    HttpResponse<String> notification = post(port, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
    assertThat(notification.statusCode()).isEqualTo(202);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.body().strip()).isEqualTo("{\"status\":\"ok\"}");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String rebinding = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(rebinding).as("a DNS-rebinding Host is refused").startsWith("HTTP/1.1 403");
    }
    assertThat(gopm.ok("ping")).contains("running");
  }

  @Test
  void anotherLocalUserIsRefusedOnLoopback() throws Exception {
    boolean root = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    if (System.getenv("CI") != null) {
      assertThat(root).as("CI runs as root and creates a second user").isTrue();
    }
    assumeTrue(root, "creating a second OS user needs root");
    String user = "gopmit" + ProcessHandle.current().pid() % 100000;
    assertThat(new ProcessBuilder("useradd", "--system", "--no-create-home", "--shell", "/bin/sh", user).inheritIO().start().waitFor()).isZero();
    try {
      int port = mcpOnLoopback();
      String request = "exec 3<>/dev/tcp/127.0.0.1/" + port
          + "; printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3; cat <&3";
      Process other = new ProcessBuilder("runuser", "-u", user, "--", "bash", "-c", request).redirectErrorStream(true).start();
      String answer = new String(other.getInputStream().readAllBytes());
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(answer).startsWith("HTTP/1.1 403").contains("belongs to another user");
      assertThat(gopm.daemonLog()).contains("MCP connection refused: another user");
      HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(mine.statusCode()).isEqualTo(200);
    } finally {
      new ProcessBuilder("userdel", user).inheritIO().start().waitFor();
    }
  }

  @Test
  void aListenerBeyondLoopbackNeedsTheToken() throws Exception {
    int port = freePort();
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":{\"device\":[\"0.0.0.0\"],\"port\":" + port + "}}");
    gopm.ok("ping");
    GopmEnvironment.await(WAIT).until(() -> gopm.daemonLog().contains("MCP HTTP listening"));
    Path tokenFile = gopm.home.resolve("mcp.token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
    String token = Files.readString(tokenFile).strip();
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    assertThat(post(port, ping, Map.of()).statusCode()).isEqualTo(401);
    assertThat(post(port, ping, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = post(port, ping, Map.of("Authorization", "Bearer " + token));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(gopm.ok("status")).contains("Token:        " + tokenFile).contains("Authorization: Bearer");
  }

  @Test
  void aListenerBeyondLoopbackWithoutAUsableTokenIsRefusedAtStartup() throws Exception {
    int port = freePort();
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":{\"device\":[\"0.0.0.0\"],\"port\":" + port + "}}");
    Path tokenFile = gopm.home.resolve("mcp.token");
    Files.writeString(tokenFile, "0123456789abcdef0123456789abcdef\n");
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

    gopm.ok("ping");

    GopmEnvironment.await(WAIT).until(() -> gopm.daemonLog().contains("MCP HTTP listen failed"));
    assertThat(gopm.daemonLog()).contains("needs a bearer token").contains("can be read by other users");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      throw new AssertionError("nothing should listen on " + port);
    } catch (ConnectException expected) {
      assertThat(expected).hasMessageContaining("refused");
    }
  }
}
