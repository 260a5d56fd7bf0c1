package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes the daemon's JSON-RPC socket with a seeded generator: random bytes, random text,
 * truncated and mutated valid frames, broken envelopes, huge numbers and strings, deep nesting,
 * notifications, unknown methods, and a wrong value in every param of every method of {@link
 * RpcMethods#ALL} (read from the typed definitions, so a new method is fuzzed without editing
 * this test). The budget is {@link ReliabilityBudget}'s: 20,000 frames in CI, 1,000,000 in the long form.
 *
 * <p>What must hold: every frame that the protocol answers (docs/protocol.md: everything but empty
 * lines, notifications and stray responses) gets exactly one well-formed answer, in order, with the
 * request's id (or {@code null} for a frame that is not a request); an error is a JSON-RPC error
 * object with a known {@code kind}, never {@code internal}, never a stack trace or a Java class
 * name. A well-formed {@code ping} follows every batch of frames on the same connection, a fresh
 * connection asks for {@code list} regularly, and the daemon's PID never changes. The daemon.log
 * must show no fault. The expected number of answers is computed with the protocol's own parser
 * ({@link RpcMessages#parse}); the answers themselves are checked independently.
 *
 * <p>Sandbox: the daemon runs in a throwaway {@code GOPM_HOME} ({@link GopmEnvironment}) with no
 * processes. Fuzzed frames that would be valid calls may act, so: {@code kill} and {@code reboot}
 * are sent only with stray params, which the daemon refuses ({@code invalid_params}), or as
 * notifications, which it ignores; a well-formed {@code start} (and each app of a {@code
 * start_apps}) always gets a command that does not exist and a working directory and log paths inside the sandbox (so it fails with {@code
 * start_failed} and nothing runs). Every other method, destructive ones included ({@code delete},
 * {@code stop}, {@code resurrect}), is sent as generated: with no process to act on they can only
 * answer.
 *
 * <p>Replay a failure with {@code -Dgopm.fuzz.seed=<the printed seed>}.
 */
@Timeout(value = 120, unit = TimeUnit.MINUTES)
class ProtocolFuzzReliabilityIT {

  private static final int BATCH = 64;
  private static final int LIST_EVERY = 2_000;
  private static final long ANSWER_TIMEOUT_SECONDS = 30;
  private static final Set<String> STOPS_THE_DAEMON = Set.of(RpcMethods.KILL.name(), RpcMethods.REBOOT.name());

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private final RpcMessages oracle = new RpcMessages(new io.gopm.protocol.json.JsonCodec());

  @Test
  void everyFrameGetsAWellFormedAnswerAndTheDaemonKeepsServing() throws Exception {
    // no MCP listener: its port may be taken on a shared machine, which daemon.log reports as an error
    java.nio.file.Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":null}");
    gopm.ok("ping");
    long daemonPid = gopm.daemonPid();
    long seed = ReliabilityBudget.seed("protocol-fuzz");
    int budget = ReliabilityBudget.current().pick(20_000, 1_000_000);
    Generator generator = new Generator(new FuzzValues(new Random(seed)), gopm.workDir.toString());
    Map<ErrorCode, Integer> errors = new EnumMap<>(ErrorCode.class);
    int[] results = new int[1];
    long started = System.nanoTime();

    Connection connection = new Connection();
    try {
      int sent = 0;
      int batchNumber = 0;
      while (sent < budget) {
        List<Frame> batch = new ArrayList<>();
        for (int i = 0; i < BATCH && sent < budget; i++, sent++) {
          batch.add(generator.next(sent));
        }
        String syncId = "sync-" + batchNumber++;
        boolean mismatch = connection.exchange(batch, syncId, errors, results, seed);
        if (mismatch) { // a fuzzed hello with another protocol number sticks to the connection
          connection.close();
          connection = new Connection();
        }
        if (sent % LIST_EVERY < BATCH) {
          assertThat(gopm.list()).as("list on a fresh connection after %d frames (seed %d)", sent, seed).isNotNull();
          assertThat(gopm.daemonPid()).as("the daemon never restarted (seed %d)", seed).isEqualTo(daemonPid);
        }
      }
    } finally {
      connection.close();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(GopmEnvironment.alive(daemonPid)).isTrue();
    assertThat(gopm.ok("ping")).contains("PID: " + daemonPid);
    assertThat(gopm.daemonLog()).as("daemon.log shows no fault").doesNotContain("level=ERROR").doesNotContain("\tat ");
    System.out.printf("[protocol-fuzz] seed=%d frames=%d seconds=%.1f frames/s=%.0f results=%d errors=%s%n",
        seed, budget, seconds, budget / seconds, results[0], errors);
  }

  /** One generated frame and what the protocol must answer to it. */
  private record Frame(int index, byte[] bytes, Expect expect) {
    String shown() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return "frame #" + index + " (" + bytes.length + " bytes): " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  /** No answer, an answer with this id, or an error with a null id and this kind. */
  private record Expect(boolean answered, JsonNode id, ErrorCode error) {}

  private Expect expectationOf(byte[] frame) {
    byte[] line = frame.length > 0 && frame[frame.length - 1] == '\r' ? Arrays.copyOf(frame, frame.length - 1) : frame;
    if (line.length == 0) {
      return new Expect(false, null, null);
    }
    try {
      RpcMessages.Message message = oracle.parse(line);
      if (message instanceof RpcMessages.Request request) {
        return new Expect(true, request.id(), null);
      }
      return new Expect(false, null, null);
    } catch (RpcException e) {
      return new Expect(true, null, e.code());
    }
  }

  /** A raw connection; answers are read on a thread of their own so that large ones never block writes. */
  private final class Connection implements AutoCloseable {
    private final SocketChannel channel;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Connection() throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(gopm.home.resolve("gopm.sock")));
      // the channel directly: Channels' streams share one lock, so a blocked read would block writes
      out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b, off, len);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      };
      InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return channel.read(java.nio.ByteBuffer.wrap(b, off, len));
        }
      };
      Thread reader = new Thread(() -> readLines(in), "fuzz-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void readLines(InputStream in) {
      try (java.io.BufferedReader reader =
          new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // closed
      }
      lines.add("<eof>");
    }

    /** Sends the batch and a ping; checks every answer. True when the connection saw a protocol mismatch. */
    boolean exchange(List<Frame> batch, String syncId, Map<ErrorCode, Integer> errors, int[] results, long seed)
        throws Exception {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      Deque<Frame> expected = new ArrayDeque<>();
      for (Frame frame : batch) {
        bytes.write(frame.bytes());
        bytes.write('\n');
        if (frame.expect().answered()) {
          expected.add(frame);
        }
      }
      bytes.write(("{\"jsonrpc\":\"2.0\",\"id\":\"" + syncId + "\",\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
      out.write(bytes.toByteArray());
      out.flush();
      boolean mismatch = false;
      while (true) {
        String line = lines.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String context = "seed " + seed + ", " + (expected.isEmpty() ? "the ping " + syncId : expected.peek().shown());
        assertThat(line).as("an answer in %ds to %s", ANSWER_TIMEOUT_SECONDS, context).isNotNull().isNotEqualTo("<eof>");
        JsonNode answer = gopm.tree(line);
        assertThat(answer.path("jsonrpc").asText()).as("jsonrpc of the answer to %s", context).isEqualTo("2.0");
        if (answer.has("method") && !answer.has("id")) {
          continue; // a notification (log lines of a follow)
        }
        if (expected.isEmpty()) {
          assertThat(answer.path("id").asText()).as("the answer to the ping, after every fuzzed frame's (%s): %s", context, line).isEqualTo(syncId);
          assertThat(answer.path("result").path("pid").asLong()).as(line).isPositive();
          return mismatch;
        }
        Frame frame = expected.poll();
        checkAnswer(frame, answer, line, seed);
        if (answer.has("error")) {
          ErrorCode code = ErrorCode.of(answer.path("error").path("code").asInt(), answer.path("error").path("data").path("kind").asText());
          errors.merge(code, 1, Integer::sum);
          mismatch |= code == ErrorCode.PROTOCOL_MISMATCH;
        } else {
          results[0]++;
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private void checkAnswer(Frame frame, JsonNode answer, String line, long seed) {
    String context = "seed " + seed + ", " + frame.shown() + "\nanswer: " + (line.length() > 2000 ? line.substring(0, 2000) + "..." : line);
    Expect expect = frame.expect();
    assertThat(answer.has("id")).as("an id in the answer to %s", context).isTrue();
    if (expect.id() == null) {
      assertThat(answer.get("id").isNull()).as("id null for %s", context).isTrue();
    } else {
      assertThat(answer.get("id").asText()).as("the request's id in the answer to %s", context).isEqualTo(expect.id().asText());
      assertThat(answer.get("id").getNodeType()).as(context).isEqualTo(expect.id().getNodeType());
    }
    assertThat(answer.has("result") ^ answer.has("error")).as("result or error in %s", context).isTrue();
    if (expect.error() != null) {
      assertThat(answer.path("error").path("data").path("kind").asText()).as(context).isEqualTo(expect.error().kind());
    }
    if (answer.has("error")) {
      JsonNode error = answer.get("error");
      assertThat(error.path("code").isInt()).as("an integer code in %s", context).isTrue();
      assertThat(error.path("message").isTextual() && !error.path("message").asText().isBlank()).as("a message in %s", context).isTrue();
      String kind = error.path("data").path("kind").asText();
      ErrorCode code = ErrorCode.of(error.path("code").asInt(), kind);
      assertThat(code.kind()).as("a known kind in %s", context).isEqualTo(kind);
      assertThat(code.code()).as("the code of its kind in %s", context).isEqualTo(error.path("code").asInt());
      assertThat(code).as("no internal fault from bad input: %s", context).isNotEqualTo(ErrorCode.INTERNAL);
      String message = error.path("message").asText();
      assertThat(message).as("no stack trace or Java class in the message of %s", context)
          .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.").doesNotContain("com.fasterxml");
      assertThat(message.length()).as("a bounded message in %s", context).isLessThanOrEqualTo(RpcMessages.MAX_ERROR_MESSAGE + 60);
    }
  }

  /** The seeded frame generator; every method and field comes from {@link RpcMethods#ALL}. */
  private final class Generator {
    private final FuzzValues values;
    private final Random random;
    private final String sandbox;
    private final List<RpcMethod<?, ?>> methods = RpcMethods.ALL;

    Generator(FuzzValues values, String sandbox) {
      this.values = values;
      this.random = values.random();
      this.sandbox = sandbox;
    }

    Frame next(int index) {
      byte[] bytes = switch (random.nextInt(12)) {
        case 0 -> values.bytes(random.nextInt(300));
        case 1 -> values.text(random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
        case 2 -> utf8(brokenEnvelope());
        case 3, 4, 5 -> utf8(wrongParam());
        case 6 -> truncated(utf8(validCall(randomMethod())));
        case 7, 8 -> values.mutate(utf8(validCall(randomMethod())));
        case 9 -> utf8(notification());
        case 10 -> utf8(unknownMethod());
        default -> utf8(wholeParams());
      };
      bytes = defused(bytes);
      return new Frame(index, bytes, expectationOf(bytes));
    }

    private RpcMethod<?, ?> randomMethod() {
      return methods.get(random.nextInt(methods.size()));
    }

    private String id() {
      return switch (random.nextInt(6)) {
        case 0 -> FuzzValues.quoted(values.text(random.nextInt(20)));
        case 1 -> "123456789012345678901234567890";
        case 2 -> "-1";
        default -> Integer.toString(random.nextInt(1_000_000));
      };
    }

    private String call(String method, String params) {
      return "{\"jsonrpc\":\"2.0\",\"id\":" + id() + ",\"method\":" + method + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    /** A call of {@code method} with valid params (sandboxed values), or none for a method without. */
    String validCall(RpcMethod<?, ?> method) {
      return call(FuzzValues.quoted(method.name()), method.takesNoParams() ? null : paramsObject(method, null, null));
    }

    /** A call with one field (sometimes more, sometimes an unknown one) of a wrong type or size. */
    String wrongParam() {
      RpcMethod<?, ?> method = randomMethod();
      if (method.takesNoParams()) {
        return call(FuzzValues.quoted(method.name()), "{" + FuzzValues.quoted(values.text(1 + random.nextInt(10))) + ":" + values.value() + "}");
      }
      RecordComponent[] fields = method.paramsType().getRecordComponents();
      String field = random.nextInt(10) == 0 ? values.text(1 + random.nextInt(10)) : jsonName(fields[random.nextInt(fields.length)]);
      return call(FuzzValues.quoted(method.name()), paramsObject(method, field, values.value()));
    }

    /** Params that are not an object at all, or an object made only of noise. */
    String wholeParams() {
      RpcMethod<?, ?> method = randomMethod();
      return call(FuzzValues.quoted(method.name()), random.nextBoolean() ? values.value() : "{" + FuzzValues.quoted(values.text(5)) + ":" + values.value() + "}");
    }

    String brokenEnvelope() {
      StringJoiner members = new StringJoiner(",", "{", "}");
      if (random.nextInt(4) > 0) {
        members.add("\"jsonrpc\":" + (random.nextBoolean() ? "\"2.0\"" : values.value()));
      }
      if (random.nextInt(4) > 0) {
        members.add("\"id\":" + (random.nextBoolean() ? id() : values.value()));
      }
      if (random.nextInt(4) > 0) {
        members.add("\"method\":" + (random.nextBoolean() ? FuzzValues.quoted(randomMethod().name()) : values.value()));
      }
      if (random.nextBoolean()) {
        members.add("\"params\":" + values.value());
      }
      if (random.nextInt(4) == 0) {
        members.add(random.nextBoolean() ? "\"result\":" + values.value() : "\"error\":" + values.value());
      }
      return random.nextInt(10) == 0 ? "[" + members + "]" : members.toString();
    }

    String notification() {
      RpcMethod<?, ?> method = randomMethod();
      String params = method.takesNoParams() ? "{}" : paramsObject(method, null, null);
      return "{\"jsonrpc\":\"2.0\",\"method\":" + FuzzValues.quoted(method.name()) + ",\"params\":" + params + "}";
    }

    String unknownMethod() {
      String name = randomMethod().name();
      String method = switch (random.nextInt(5)) {
        case 0 -> name.toUpperCase(java.util.Locale.ROOT);
        case 1 -> " " + name;
        case 2 -> name + "\\u0000";
        case 3 -> random.nextInt(20) == 0 ? "x".repeat(values.hugeLength()) : values.text(1 + random.nextInt(40));
        default -> "rpc." + name;
      };
      return call(FuzzValues.quoted(method), random.nextBoolean() ? null : "{}");
    }

    private byte[] truncated(byte[] frame) {
      return Arrays.copyOf(frame, frame.length == 0 ? 0 : random.nextInt(frame.length));
    }

    /** The params object of {@code method}: every field valid, but {@code field} set to {@code raw}. */
    private String paramsObject(RpcMethod<?, ?> method, String field, String raw) {
      StringJoiner members = new StringJoiner(",", "{", "}");
      boolean placed = false;
      for (RecordComponent component : method.paramsType().getRecordComponents()) {
        String name = jsonName(component);
        if (name.equals(field)) {
          members.add(FuzzValues.quoted(name) + ":" + raw);
          placed = true;
        } else if (random.nextInt(4) > 0) {
          members.add(FuzzValues.quoted(name) + ":" + validValue(name, component.getGenericType()));
        }
      }
      if (field != null && !placed) {
        members.add(FuzzValues.quoted(field) + ":" + raw);
      }
      return members.toString();
    }

    private String validValue(String name, Type type) {
      Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
      if (raw == String.class) {
        return FuzzValues.quoted(switch (name) {
          case "command" -> "/nonexistent/gopm-fuzz/command";
          case "cwd" -> sandbox;
          case "log_out", "log_err" -> sandbox + "/fuzz-" + name + ".log";
          case "autorestart" -> "never";
          case "min_uptime", "restart_delay", "max_delay", "kill_timeout" -> "1s";
          case "max_log_size" -> "1M";
          case "interpreter" -> "";
          case "client" -> "fuzz";
          default -> random.nextInt(10) == 0 ? "all" : "fuzz-ghost";
        });
      }
      if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
        return name.equals("protocol") ? Integer.toString(RpcMethods.PROTOCOL_VERSION) : Integer.toString(1 + random.nextInt(5));
      }
      if (raw == boolean.class || raw == Boolean.class) {
        return "false";
      }
      if (List.class.isAssignableFrom(raw)) {
        return "[\"a\",\"b\"]";
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "{\"FUZZ\":\"1\"}";
      }
      if (JsonNode.class.isAssignableFrom(raw)) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + (random.nextBoolean() ? "tools/list" : "ping") + "\"}";
      }
      return values.value();
    }

    /**
     * The frame, made harmless where it would be a valid call that acts beyond the sandbox: {@code
     * kill}/{@code reboot} get stray params (refused), {@code start} and each app of {@code
     * start_apps} get a missing command and sandboxed paths. Everything else is sent as generated.
     */
    private byte[] defused(byte[] frame) {
      RpcMessages.Message message;
      try {
        message = oracle.parse(frame);
      } catch (RuntimeException notACall) {
        return frame;
      }
      if (!(message instanceof RpcMessages.Request request)) {
        return frame;
      }
      JsonNode params = request.params();
      ObjectNode rewritten = gopm.codec.newObject();
      rewritten.put("jsonrpc", "2.0");
      rewritten.set("id", request.id());
      rewritten.put("method", request.method());
      if (STOPS_THE_DAEMON.contains(request.method())
          && (params == null || params.isNull() || (params.isObject() && params.isEmpty()))) {
        rewritten.putObject("params").put("stray", true);
        return gopm.codec.writeBytes(rewritten);
      }
      if (request.method().equals(RpcMethods.START.name()) && params != null && params.isObject()) {
        rewritten.set("params", sandboxed((ObjectNode) params));
        return gopm.codec.writeBytes(rewritten);
      }
      if (request.method().equals(RpcMethods.START_APPS.name()) && params != null && params.isObject()
          && params.get("apps") != null && params.get("apps").isArray()) {
        ObjectNode safe = ((ObjectNode) params).deepCopy();
        ArrayNode apps = safe.putArray("apps");
        params.get("apps").forEach(app -> apps.add(app.isObject() ? sandboxed((ObjectNode) app) : app));
        rewritten.set("params", safe);
        return gopm.codec.writeBytes(rewritten);
      }
      return frame;
    }

    /**
     * A copy of start params with a missing command and sandboxed paths. Only values that would
     * convert to a usable string are replaced: a wrong-typed array or object is kept, since the
     * daemon refuses it before anything runs.
     */
    private ObjectNode sandboxed(ObjectNode params) {
      ObjectNode safe = params.deepCopy();
      Map<String, String> sandboxed = Map.of(
          "command", "/nonexistent/gopm-fuzz/command", "cwd", sandbox,
          "log_out", sandbox + "/fuzz-out.log", "log_err", sandbox + "/fuzz-err.log", "interpreter", "");
      sandboxed.forEach((field, value) -> {
        JsonNode given = safe.get(field);
        if (given != null && given.isValueNode() && !given.isNull()) {
          safe.put(field, value);
        }
      });
      return safe;
    }
  }

  private static String jsonName(RecordComponent component) {
    return new PropertyNamingStrategies.SnakeCaseStrategy().translate(component.getName());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
