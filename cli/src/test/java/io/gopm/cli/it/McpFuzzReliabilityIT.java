package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the MCP Streamable HTTP endpoint (docs/mcp.md) with a seeded generator: random bytes,
 * truncated and mutated messages, broken JSON-RPC envelopes, batches, notifications, unknown
 * methods and tools, wrong HTTP methods, paths and protocol-version headers, bodies over the 4 MiB
 * limit, raw garbage on the TCP connection, and for every tool that {@code tools/list} announces
 * (so a new tool is fuzzed without editing this test) arguments with a wrong type or size in each
 * property of its input schema. Budget: 800 requests in CI, 100,000 with {@code
 * -Dgopm.reliability=long}; the seed is printed ({@code -Dgopm.fuzz.seed} replays it).
 *
 * <p>What must hold: every request gets a defined HTTP status; every JSON body is a JSON-RPC 2.0
 * response with a result or an error object (a known code, never {@code -32603} internal, no stack
 * trace, no Java class names); a tool's refusal is an {@code isError} result or an
 * {@code invalid_params} error; {@code /health} and a {@code gopm_ping} call succeed throughout;
 * the daemon's PID never changes and daemon.log shows no fault.
 *
 * <p>Sandbox: a throwaway {@code GOPM_HOME} with no processes, the server on a free loopback port.
 * A {@code gopm_start} or {@code gopm_import} call that would be valid always gets a command that
 * does not exist, and paths inside the sandbox, so nothing runs; the other tools (stop, delete,
 * restart, flush, resurrect included) can only answer, there being nothing to act on. The MCP
 * server has no tool that stops the daemon.
 */
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class McpFuzzReliabilityIT {

  private static final String NO_SUCH_COMMAND = "/nonexistent/gopm-fuzz/command";
  private static final Set<Integer> JSON_RPC_CODES = Set.of(-32700, -32600, -32601, -32602, -32002);
  private static final Set<Integer> STATUSES = Set.of(200, 202, 400, 404, 405, 413);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int port;

  @Test
  void everyRequestGetsAWellFormedAnswerAndTheServerKeepsServing() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":{\"port\":" + port + "}}");
    gopm.ok("ping");
    GopmEnvironment.await(Duration.ofSeconds(30)).until(() -> gopm.daemonLog().contains("MCP HTTP listening"));
    long daemonPid = gopm.daemonPid();
    long seed = ReliabilityBudget.seed("mcp-fuzz");
    int budget = ReliabilityBudget.current().pick(800, 100_000);
    FuzzValues values = new FuzzValues(new Random(seed));
    Map<String, JsonNode> tools = new TreeMap<>();
    for (JsonNode tool : post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", Map.of()).json().path("result").path("tools")) {
      tools.put(tool.path("name").asText(), tool.path("inputSchema"));
    }
    assertThat(tools).as("tools/list").containsKeys("gopm_ping", "gopm_start", "gopm_import");
    Generator generator = new Generator(values, List.copyOf(tools.keySet()), tools);
    Map<String, Integer> outcomes = new TreeMap<>();
    long started = System.nanoTime();

    for (int i = 0; i < budget; i++) {
      Request request = generator.next();
      String context = "seed " + seed + ", request #" + i + ": " + request.shown();
      Answer answer = send(request);
      check(answer, request, context);
      outcomes.merge(answer.status() + (answer.json() != null && answer.json().has("error") ? " error " + answer.json().path("error").path("code").asInt()
          : answer.json() != null && answer.json().path("result").path("isError").asBoolean() ? " isError" : ""), 1, Integer::sum);
      if (i % 100 == 0) {
        rawGarbage(values);
        assertServing(context);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertServing("after the run");
    assertThat(gopm.daemonPid()).isEqualTo(daemonPid);
    assertThat(GopmEnvironment.alive(daemonPid)).isTrue();
    assertThat(gopm.daemonLog()).as("daemon.log shows no fault").doesNotContain("level=ERROR").doesNotContain("\tat ");
    System.out.printf("[mcp-fuzz] seed=%d requests=%d seconds=%.1f requests/s=%.0f outcomes=%s%n",
        seed, budget, seconds, budget / seconds, outcomes);
  }

  private void assertServing(String context) throws Exception {
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as("/health %s", context).isEqualTo(200);
    Answer ping = post("{\"jsonrpc\":\"2.0\",\"id\":\"alive\",\"method\":\"tools/call\",\"params\":{\"name\":\"gopm_ping\"}}", Map.of());
    assertThat(ping.json().path("result").path("content").path(0).path("text").asText()).as("gopm_ping %s", context)
        .startsWith("GoPM daemon running");
  }

  /** One HTTP request to make: method, path, headers, body. */
  private record Request(String method, String path, Map<String, String> headers, byte[] body, boolean mayBeNotification) {
    String shown() {
      String text = new String(body, StandardCharsets.UTF_8);
      return method + " " + path + " " + headers + " (" + body.length + " bytes) " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  private record Answer(int status, String body, JsonNode json) {}

  private Answer post(String body, Map<String, String> headers) throws Exception {
    return send(new Request("POST", "/mcp", headers, body.getBytes(StandardCharsets.UTF_8), false));
  }

  private Answer send(Request request) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      json = gopm.tree(response.body());
    }
    return new Answer(response.statusCode(), response.body(), json);
  }

  private void check(Answer answer, Request request, String context) {
    String shown = context + "\nanswer: " + answer.status() + " " + (answer.body().length() > 1500 ? answer.body().substring(0, 1500) + "..." : answer.body());
    assertThat(STATUSES).as("a defined status for %s", shown).contains(answer.status());
    if (answer.status() == 202) {
      assertThat(request.mayBeNotification()).as("202 only for a notification or response: %s", shown).isTrue();
      return;
    }
    if (answer.json() == null) {
      assertThat(answer.status()).as("a plain-text answer only for a refused HTTP request: %s", shown).isIn(404, 405);
      return;
    }
    JsonNode json = answer.json();
    assertThat(json.path("jsonrpc").asText()).as(shown).isEqualTo("2.0");
    assertThat(json.has("result") ^ json.has("error")).as("result or error in %s", shown).isTrue();
    if (json.has("error")) {
      JsonNode error = json.get("error");
      assertThat(JSON_RPC_CODES).as("a known error code (never internal) in %s", shown).contains(error.path("code").asInt());
      assertThat(error.path("message").isTextual() && !error.path("message").asText().isBlank()).as(shown).isTrue();
      assertClean(error.path("message").asText(), shown);
    } else {
      assertThat(answer.status()).as(shown).isEqualTo(200);
      JsonNode content = json.path("result").path("content");
      if (content.isArray()) {
        assertThat(content.path(0).path("text").isTextual()).as("tool output as text in %s", shown).isTrue();
        if (json.path("result").path("isError").asBoolean()) {
          assertClean(content.path(0).path("text").asText(), shown);
        }
      }
    }
  }

  /** A refusal meant for people: no stack trace, no Java class name, no internal error. */
  private static void assertClean(String message, String shown) {
    assertThat(message).as("no stack trace, Java class or internal error in %s", shown)
        .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.").doesNotContain("com.fasterxml")
        .doesNotContain("internal error");
  }

  /** Raw bytes on a TCP connection (not HTTP at all, or broken HTTP); whatever comes back, the server must go on. */
  private void rawGarbage(FuzzValues values) throws IOException {
    Random random = values.random();
    byte[] garbage = switch (random.nextInt(4)) {
      case 0 -> values.bytes(1 + random.nextInt(2000));
      case 1 -> ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.UTF_8);
      case 2 -> ("GET /" + "x".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      default -> ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(70_000) + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.UTF_8);
    };
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(300);
      OutputStream out = socket.getOutputStream();
      out.write(garbage);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      in.readNBytes(64 * 1024);
    } catch (IOException refusedOrClosed) {
      // a server may drop a connection that does not speak HTTP: what matters is that it goes on
    }
  }

  /** The seeded request generator; tools and their properties come from {@code tools/list}. */
  private final class Generator {
    private final FuzzValues values;
    private final Random random;
    private final List<String> toolNames;
    private final Map<String, JsonNode> schemas;

    Generator(FuzzValues values, List<String> toolNames, Map<String, JsonNode> schemas) {
      this.values = values;
      this.random = values.random();
      this.toolNames = toolNames;
      this.schemas = schemas;
    }

    Request next() {
      return switch (random.nextInt(14)) {
        case 0 -> post(values.bytes(random.nextInt(400)), true);
        case 1 -> post(utf8(values.text(random.nextInt(400))), true);
        case 2 -> post(values.mutate(utf8(validToolCall())), true);
        case 3 -> post(utf8(brokenEnvelope()), true);
        case 4, 5, 6, 7 -> post(utf8(wrongArgument()), false);
        case 8 -> post(utf8(call("\"tools/call\"", "{\"name\":" + values.value() + ",\"arguments\":" + values.value() + "}")), false);
        case 9 -> post(utf8("[" + validToolCall() + "," + validToolCall() + "]"), false);
        case 10 -> post(utf8("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/" + values.text(5).replace('"', 'q').replace('\\', 'b') + "\"}"), true);
        case 11 -> httpLevel();
        case 12 -> post(utf8(call(FuzzValues.quoted(random.nextBoolean() ? values.text(20) : "resources/read"), "{\"uri\":" + values.value() + "}")), false);
        default -> random.nextInt(60) == 0 ? post(hugeBody(), false) : post(utf8(call("\"initialize\"", values.value())), false);
      };
    }

    private Request post(byte[] body, boolean mayBeNotification) {
      return new Request("POST", "/mcp", Map.of(), defused(body), mayBeNotification);
    }

    private String brokenEnvelope() {
      List<String> members = new ArrayList<>();
      if (random.nextInt(4) > 0) {
        members.add("\"jsonrpc\":" + (random.nextBoolean() ? "\"2.0\"" : values.value()));
      }
      if (random.nextInt(4) > 0) {
        members.add("\"id\":" + (random.nextBoolean() ? id() : values.value()));
      }
      if (random.nextInt(4) > 0) {
        members.add("\"method\":" + (random.nextBoolean() ? "\"tools/call\"" : values.value()));
      }
      if (random.nextBoolean()) {
        members.add("\"params\":" + values.value());
      }
      if (random.nextInt(5) == 0) {
        members.add((random.nextBoolean() ? "\"result\":" : "\"error\":") + values.value());
      }
      return "{" + String.join(",", members) + "}";
    }

    private Request httpLevel() {
      return switch (random.nextInt(4)) {
        case 0 -> new Request(List.of("GET", "PUT", "DELETE", "PATCH").get(random.nextInt(4)), "/mcp", Map.of(), new byte[0], false);
        case 1 -> new Request("POST", "/" + values.text(8).replaceAll("[^a-z0-9]", "x"), Map.of(), utf8(validToolCall()), false);
        case 2 -> new Request("POST", "/mcp", Map.of("MCP-Protocol-Version", values.text(10).replaceAll("[^ -~]", "x").strip() + "v"), utf8(validToolCall()), false);
        default -> new Request("POST", "/mcp", Map.of("MCP-Protocol-Version", "2025-06-18"), utf8(wrongArgument()), false);
      };
    }

    private byte[] hugeBody() {
      byte[] body = new byte[4 * 1024 * 1024 + 1 + random.nextInt(1024)];
      java.util.Arrays.fill(body, (byte) ' ');
      return body;
    }

    private String id() {
      return random.nextBoolean() ? Integer.toString(random.nextInt(1_000_000)) : FuzzValues.quoted("id-" + random.nextInt(1000));
    }

    private String call(String method, String params) {
      return "{\"jsonrpc\":\"2.0\",\"id\":" + id() + ",\"method\":" + method + ",\"params\":" + params + "}";
    }

    private String validToolCall() {
      String tool = toolNames.get(random.nextInt(toolNames.size()));
      return call("\"tools/call\"", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments(tool, null, null) + "}");
    }

    /** A call of a tool with one property (or an unknown one) of a wrong type or size. */
    private String wrongArgument() {
      String tool = toolNames.get(random.nextInt(toolNames.size()));
      List<String> properties = new ArrayList<>();
      schemas.get(tool).path("properties").fieldNames().forEachRemaining(properties::add);
      String property = properties.isEmpty() || random.nextInt(8) == 0 ? values.text(1 + random.nextInt(8)) : properties.get(random.nextInt(properties.size()));
      return call("\"tools/call\"", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments(tool, property, values.value()) + "}");
    }

    private String arguments(String tool, String property, String raw) {
      StringBuilder json = new StringBuilder("{");
      boolean placed = false;
      for (Iterator<Map.Entry<String, JsonNode>> fields = schemas.get(tool).path("properties").fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String value = field.getKey().equals(property) ? raw : random.nextBoolean() ? validValue(field.getKey(), field.getValue()) : null;
        placed |= field.getKey().equals(property);
        if (value != null) {
          json.append(json.length() > 1 ? "," : "").append(FuzzValues.quoted(field.getKey())).append(':').append(value);
        }
      }
      if (property != null && !placed) {
        json.append(json.length() > 1 ? "," : "").append(FuzzValues.quoted(property)).append(':').append(raw);
      }
      return json.append('}').toString();
    }

    private String validValue(String name, JsonNode schema) {
      return switch (schema.path("type").asText()) {
        case "integer" -> name.equals("pid") ? "1" : Integer.toString(1 + random.nextInt(50));
        case "boolean" -> Boolean.toString(random.nextBoolean());
        case "array" -> name.equals("apps") ? "[{\"name\":\"fuzzapp\",\"command\":\"" + NO_SUCH_COMMAND + "\"}]" : "[]";
        case "object" -> "{\"FUZZ\":\"1\"}";
        default -> schema.has("enum") ? FuzzValues.quoted(schema.path("enum").path(0).asText())
            : FuzzValues.quoted(name.equals("command") ? NO_SUCH_COMMAND : name.equals("target") ? "fuzz-ghost" : "1s");
      };
    }

    /**
     * The body, made harmless where it parses as a tool call that would start something: every
     * scalar {@code command}, {@code cwd}, log path or {@code interpreter} of {@code gopm_start}
     * and of each {@code gopm_import} app is replaced by a sandboxed value.
     */
    private byte[] defused(byte[] body) {
      JsonNode message;
      try {
        message = gopm.codec.readTree(new String(body, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException notJson) {
        return body;
      }
      List<ObjectNode> starts = new ArrayList<>();
      for (JsonNode one : message != null && message.isArray() ? message : List.of(message == null ? gopm.codec.newObject() : message)) {
        JsonNode arguments = one.path("params").path("arguments");
        if (!arguments.isObject()) {
          continue;
        }
        starts.add((ObjectNode) arguments);
        if (arguments.path("apps").isArray()) {
          for (JsonNode app : arguments.path("apps")) {
            if (app.isObject()) {
              starts.add((ObjectNode) app);
            }
          }
        }
      }
      if (starts.isEmpty()) {
        return body;
      }
      for (ObjectNode start : starts) {
        Map<String, String> sandboxed = Map.of("command", NO_SUCH_COMMAND, "cwd", gopm.workDir.toString(),
            "log_out", gopm.workDir + "/fuzz-out.log", "log_err", gopm.workDir + "/fuzz-err.log", "interpreter", "");
        sandboxed.forEach((field, value) -> {
          JsonNode given = start.get(field);
          if (given != null && given.isValueNode() && !given.isNull()) {
            start.put(field, value);
          }
        });
      }
      return gopm.codec.writeBytes(message);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
