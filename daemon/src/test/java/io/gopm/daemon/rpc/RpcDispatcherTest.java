package io.gopm.daemon.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.HelloRequest;
import io.gopm.protocol.model.HelloResult;
import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.KillResult;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcDispatcherTest {

  private static final PingResult PONG = new PingResult(42, "1m", 60_000, 60, "0.1.0", 1, null, null, "/tmp/logs", 1024);

  @TempDir Path home;
  private Path logFile;
  private DaemonLog log;
  private final JsonCodec codec = new JsonCodec();
  private final RpcMessages messages = new RpcMessages(codec);
  private RpcDispatcher dispatcher;
  private final CallContext context = new CallContext(new CallContext.Peer(1000, 4242));

  @BeforeEach
  void createDispatcher() throws IOException {
    logFile = home.resolve("daemon.log");
    log = DaemonLog.open(logFile, true);
    dispatcher = new RpcDispatcher(messages, log);
  }

  @AfterEach
  void closeLog() throws IOException {
    log.close();
  }

  private JsonNode call(String method, String paramsJson) throws IOException {
    JsonNode params = paramsJson == null ? null : codec.readTree(paramsJson);
    byte[] response = dispatcher.dispatch(new RpcMessages.Request(IntNode.valueOf(7), method, params), context);
    JsonNode tree = codec.readTree(response);
    assertThat(tree.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(tree.path("id").asInt()).isEqualTo(7);
    return tree;
  }

  private static void assertError(JsonNode response, ErrorCode code) {
    assertThat(response.has("result")).as("no result next to an error").isFalse();
    assertThat(response.path("error").path("code").asInt()).isEqualTo(code.code());
    assertThat(response.path("error").path("data").path("kind").asText()).isEqualTo(code.kind());
  }

  private static String message(JsonNode response) {
    return response.path("error").path("message").asText();
  }

  private String daemonLog() throws IOException {
    return Files.readString(logFile, UTF_8);
  }

  private <P, R> void registerThrowing(RpcMethod<P, R> method, Exception error) {
    dispatcher.register(
        method,
        (params, ctx) -> {
          throw error;
        });
  }

  @Test
  void aRegisteredHandlerGetsItsTypedParamsAndItsResultIsReturned() throws IOException {
    AtomicReference<LogsRequest> seen = new AtomicReference<>();
    dispatcher.register(
        RpcMethods.LOGS,
        (params, ctx) -> {
          seen.set(params);
          return new LogsResult("line 1\nline 2", "/tmp/api-out.log", null);
        });

    JsonNode response = call("logs", "{\"target\": \"api\", \"lines\": 50, \"err_only\": true, \"follow\": false}");

    assertThat(response.has("error")).as("%s", response).isFalse();
    assertThat(seen.get()).isEqualTo(new LogsRequest("api", 50, true, false));
    assertThat(response.has("error")).isFalse();
    assertThat(response.path("result").path("content").asText()).isEqualTo("line 1\nline 2");
  }

  @Test
  void theHandlerSeesTheCallContext() throws IOException {
    AtomicReference<CallContext> seen = new AtomicReference<>();
    dispatcher.register(
        RpcMethods.PING,
        (params, ctx) -> {
          seen.set(ctx);
          return PONG;
        });

    call("ping", null);

    assertThat(seen.get()).isSameAs(context);
    assertThat(seen.get().peer()).isEqualTo(new CallContext.Peer(1000, 4242));
  }

  @Test
  void aMethodWithoutParamsIsCalledWithNullForAbsentNullOrEmptyParams() throws IOException {
    AtomicReference<Object> seen = new AtomicReference<>("not called");
    dispatcher.register(
        RpcMethods.PING,
        (params, ctx) -> {
          seen.set(params);
          return PONG;
        });

    for (String params : new String[] {null, "null", "{}"}) {
      seen.set("not called");
      JsonNode response = call("ping", params);

      assertThat(seen.get()).as(params).isNull();
      assertThat(response.path("result").path("pid").asInt()).isEqualTo(42);
      assertThat(response.path("result").path("uptime_ms").asLong()).isEqualTo(60_000);
    }
  }

  @Test
  void aMethodWithoutParamsRefusesStrayParamsInsteadOfActing() throws IOException {
    AtomicReference<Object> seen = new AtomicReference<>("not called");
    dispatcher.register(
        RpcMethods.KILL,
        (params, ctx) -> {
          seen.set("called");
          return null;
        });

    JsonNode response = call("kill", "{\"ignored\": true}");

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(message(response)).isEqualTo("kill takes no params");
    assertThat(seen.get()).isEqualTo("not called");
  }

  @Test
  void theRequestIdIsEchoedWhateverItsType() {
    dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG);

    JsonNode response =
        parse(dispatcher.dispatch(new RpcMessages.Request(TextNode.valueOf("abc"), "ping", null), context));

    assertThat(response.path("id").asText()).isEqualTo("abc");
  }

  @Test
  void anUnknownMethodIsMethodNotFound() throws IOException {
    JsonNode response = call("frobnicate", "{}");

    assertError(response, ErrorCode.METHOD_NOT_FOUND);
    assertThat(response.path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(message(response)).isEqualTo("unknown method: frobnicate");
  }

  @Test
  void aKnownButUnregisteredMethodIsMethodNotFound() throws IOException {
    assertError(call("list", null), ErrorCode.METHOD_NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null"})
  void missingParamsForAMethodThatTakesThemAreInvalidParams(String params) throws IOException {
    AtomicReference<Boolean> called = new AtomicReference<>(false);
    dispatcher.register(
        RpcMethods.STOP,
        (p, ctx) -> {
          called.set(true);
          return new Ack(true);
        });

    JsonNode response = call("stop", params.isEmpty() ? null : params);

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(response.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(message(response)).isEqualTo("stop: params are required");
    assertThat(called.get()).isFalse();
  }

  @Test
  void aParamOfTheWrongTypeIsInvalidParamsNamingTheField() throws IOException {
    dispatcher.register(RpcMethods.LOGS, (params, ctx) -> new LogsResult("", "", null));

    JsonNode response = call("logs", "{\"target\": \"api\", \"lines\": \"many\"}");

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(message(response)).startsWith("invalid logs params: ").contains("\"lines\"");
  }

  @Test
  void anObjectWhereAStringIsExpectedIsInvalidParamsNamingTheField() throws IOException {
    dispatcher.register(RpcMethods.DESCRIBE, (params, ctx) -> null);

    JsonNode response = call("describe", "{\"target\": {\"name\": \"api\"}}");

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(message(response)).startsWith("invalid describe params: ").contains("\"target\"");
  }

  @Test
  void optionalPrimitiveParamsMayBeLeftOut() throws IOException {
    AtomicReference<LogsRequest> seen = new AtomicReference<>();
    dispatcher.register(
        RpcMethods.LOGS,
        (params, ctx) -> {
          seen.set(params);
          return new LogsResult("", "", null);
        });

    JsonNode withoutFollow = call("logs", "{\"target\": \"a1\", \"lines\": 3, \"err_only\": false}");
    assertThat(withoutFollow.has("error")).as("%s", withoutFollow).isFalse();
    assertThat(seen.get()).isEqualTo(new LogsRequest("a1", 3, false, false));

    JsonNode targetOnly = call("logs", "{\"target\": \"a1\"}");
    assertThat(targetOnly.has("error")).as("%s", targetOnly).isFalse();
    assertThat(seen.get().effectiveLines()).isEqualTo(LogsRequest.DEFAULT_LINES);
  }

  @Test
  void anRpcExceptionFromTheHandlerKeepsItsCodeAndMessage() throws IOException {
    registerThrowing(RpcMethods.DESCRIBE, RpcException.notFound("x"));

    JsonNode response = call("describe", "{\"target\": \"x\"}");

    assertError(response, ErrorCode.NOT_FOUND);
    assertThat(response.path("error").path("code").asInt()).isEqualTo(-32001);
    assertThat(response.path("error").path("data").path("kind").asText()).isEqualTo("not_found");
    assertThat(message(response)).isEqualTo("process \"x\" not found");
  }

  @Test
  void anRpcExceptionWrappedInACompletionExceptionIsUnwrapped() throws IOException {
    registerThrowing(
        RpcMethods.STOP,
        new CompletionException(new RpcException(ErrorCode.CONFLICT, "process \"api\" already exists")));

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.CONFLICT);
    assertThat(message(response)).isEqualTo("process \"api\" already exists");
  }

  @Test
  void aFailedFutureJoinedByTheHandlerIsUnwrapped() throws IOException {
    dispatcher.register(
        RpcMethods.STOP,
        (params, ctx) ->
            CompletableFuture.<Ack>failedFuture(new RpcException(ErrorCode.SHUTTING_DOWN, "daemon is shutting down"))
                .get());

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.SHUTTING_DOWN);
    assertThat(message(response)).isEqualTo("daemon is shutting down");
  }

  @Test
  void anIllegalArgumentExceptionIsInvalidParamsWithItsMessage() throws IOException {
    registerThrowing(RpcMethods.STOP, new IllegalArgumentException("target must not be blank"));

    JsonNode response = call("stop", "{\"target\": \" \"}");

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(message(response)).isEqualTo("target must not be blank");
  }

  @Test
  void anInvalidFieldExceptionIsInvalidParamsNamingTheField() throws IOException {
    registerThrowing(RpcMethods.STOP, new InvalidFieldException("min_uptime", "5", "missing unit"));

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.INVALID_PARAMS);
    assertThat(message(response)).isEqualTo("invalid min_uptime \"5\": missing unit");
  }

  @Test
  void anUnexpectedExceptionIsInternalAndLoggedWithItsStackTrace() throws IOException {
    registerThrowing(RpcMethods.STOP, new IllegalStateException("boom"));

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.INTERNAL);
    assertThat(response.path("error").path("code").asInt()).isEqualTo(-32603);
    assertThat(message(response)).isEqualTo("internal error: java.lang.IllegalStateException: boom");
    assertThat(daemonLog())
        .contains("level=ERROR msg=\"request failed: stop\" error=\"java.lang.IllegalStateException: boom\"")
        .contains("\tat " + RpcDispatcherTest.class.getName());
  }

  @Test
  void aCheckedExceptionFromTheHandlerIsInternal() throws IOException {
    registerThrowing(RpcMethods.STOP, new IOException("disk on fire"));

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.INTERNAL);
    assertThat(message(response)).contains("disk on fire");
  }

  @Test
  void anExecutionExceptionWithACheckedCauseIsInternalWithTheCause() throws IOException {
    registerThrowing(RpcMethods.STOP, new ExecutionException(new IOException("pipe broke")));

    JsonNode response = call("stop", "{\"target\": \"api\"}");

    assertError(response, ErrorCode.INTERNAL);
    assertThat(message(response)).isEqualTo("internal error: java.io.IOException: pipe broke");
  }

  @Test
  void afterAProtocolMismatchOnlyHelloPingAndKillAreServed() throws IOException {
    dispatcher.register(RpcMethods.HELLO, (params, ctx) -> new HelloResult(1, "0.1.0", 42));
    dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG);
    dispatcher.register(RpcMethods.KILL, (params, ctx) -> new KillResult("daemon stopping", 42));
    dispatcher.register(RpcMethods.LIST, (params, ctx) -> List.of());
    dispatcher.register(RpcMethods.STOP, (params, ctx) -> new Ack(true));

    context.markProtocolMismatch("old-cli");

    assertThat(context.clientName()).isEqualTo("old-cli");
    assertThat(call("hello", "{\"protocol\": 99, \"client\": \"old-cli\"}").path("result").path("pid").asInt())
        .isEqualTo(42);
    assertThat(call("ping", null).has("result")).isTrue();
    assertThat(call("kill", null).path("result").path("status").asText()).isEqualTo("daemon stopping");
    for (String method : List.of("list", "stop")) {
      JsonNode response = call(method, "{\"target\": \"all\"}");
      assertError(response, ErrorCode.PROTOCOL_MISMATCH);
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32004);
      assertThat(message(response)).contains("gopm kill");
    }
  }

  @Test
  void helloParamsAreConvertedForTheHandshake() throws IOException {
    AtomicReference<HelloRequest> seen = new AtomicReference<>();
    dispatcher.register(
        RpcMethods.HELLO,
        (params, ctx) -> {
          seen.set(params);
          ctx.acceptClient(params.client());
          return new HelloResult(1, "0.1.0", 42);
        });

    call("hello", "{\"protocol\": 1, \"client\": \"cli\"}");

    assertThat(seen.get()).isEqualTo(new HelloRequest(1, "cli"));
    assertThat(context.clientName()).isEqualTo("cli");
  }

  @Test
  void mutatingRequestsAreAuditedAtInfoLevel() throws IOException {
    dispatcher.register(RpcMethods.STOP, (params, ctx) -> new Ack(true));
    dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG);
    context.acceptClient("cli");

    call("stop", "{\"target\": \"api\"}");
    call("ping", null);

    assertThat(daemonLog())
        .contains("level=INFO msg=request method=stop client=cli peer_pid=4242 peer_uid=1000")
        .contains("level=DEBUG msg=\"request received\" method=ping peer_pid=4242")
        .doesNotContain("level=INFO msg=request method=ping");
  }

  @Test
  void registeringTheSameMethodTwiceIsRefused() {
    dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG);

    assertThatThrownBy(() -> dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two handlers for ping");
  }

  @Test
  void handlesEveryMethodOnlyOnceEachMethodHasAHandler() {
    assertThat(dispatcher.handlesEveryMethod()).isFalse();
    for (RpcMethod<?, ?> method : RpcMethods.ALL) {
      assertThat(dispatcher.handlesEveryMethod()).isFalse();
      registerNull(method);
    }

    assertThat(dispatcher.handlesEveryMethod()).isTrue();
  }

  @Test
  void aNullResultIsSentAsJsonNull() throws IOException {
    dispatcher.register(RpcMethods.DESCRIBE, (params, ctx) -> null);

    JsonNode response = call("describe", "{\"target\": \"api\"}");

    assertThat(response.has("result")).isTrue();
    assertThat(response.get("result")).isEqualTo(NullNode.getInstance());
  }

  private <P, R> void registerNull(RpcMethod<P, R> method) {
    dispatcher.register(method, (params, ctx) -> null);
  }

  private JsonNode parse(byte[] response) {
    try {
      return codec.readTree(response);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theResponseIsOneCompactJsonLineWithoutNewlines() {
    dispatcher.register(RpcMethods.PING, (params, ctx) -> PONG);

    byte[] response = dispatcher.dispatch(new RpcMessages.Request(IntNode.valueOf(1), "ping", null), context);

    assertThat(new String(response, UTF_8)).doesNotContain("\n").startsWith("{\"jsonrpc\":\"2.0\"");
  }

  @Test
  void targetRequestsAreConvertedToTheirRecord() throws IOException {
    AtomicReference<TargetRequest> seen = new AtomicReference<>();
    dispatcher.register(
        RpcMethods.DELETE,
        (params, ctx) -> {
          seen.set(params);
          return new Ack(true);
        });

    JsonNode response = call("delete", "{\"target\": \"all\"}");

    assertThat(seen.get()).isEqualTo(new TargetRequest("all"));
    assertThat(response.path("result").isObject()).isTrue();
  }
}
