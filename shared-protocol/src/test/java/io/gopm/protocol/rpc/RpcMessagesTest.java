package io.gopm.protocol.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.TargetRequest;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcMessagesTest {

  private final JsonCodec codec = new JsonCodec(ZoneOffset.UTC);
  private final RpcMessages messages = new RpcMessages(codec);

  private JsonNode tree(byte[] frame) throws Exception {
    return codec.readTree(frame);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private RpcException parseFailure(String frame) {
    return catchThrowableOfType(RpcException.class, () -> messages.parse(bytes(frame)));
  }

  @Test
  void encodesARequestWithVersionIdMethodAndParams() throws Exception {
    byte[] frame = messages.request(7, RpcMethods.STOP, new TargetRequest("api"));

    assertThat(new String(frame, UTF_8))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"stop\",\"params\":{\"target\":\"api\"}}");
  }

  @Test
  void encodesARequestWithoutParamsForAMethodThatTakesNone() throws Exception {
    JsonNode request = tree(messages.request(1, RpcMethods.PING, null));

    assertThat(request.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(request.get("id").asLong()).isEqualTo(1);
    assertThat(request.get("method").asText()).isEqualTo("ping");
    assertThat(request.has("params")).isFalse();
  }

  @Test
  void encodesAFrameOnOneLine() {
    byte[] frame = messages.request(2, RpcMethods.STOP, new TargetRequest("line\nbreak"));

    assertThat(new String(frame, UTF_8)).doesNotContain("\n");
  }

  @Test
  void encodesAResultEchoingTheId() throws Exception {
    JsonNode response = tree(messages.result(new IntNode(7), Ack.OK));

    assertThat(response.toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"success\":true}}");
  }

  @Test
  void encodesAResultWithANullIdWhenTheRequestHadNone() throws Exception {
    JsonNode response = tree(messages.result(null, Ack.OK));

    assertThat(response.has("id")).isTrue();
    assertThat(response.get("id").isNull()).isTrue();
  }

  @Test
  void encodesAnErrorWithCodeMessageAndKind() throws Exception {
    JsonNode response = tree(messages.error(new TextNode("abc"), ErrorCode.NOT_FOUND, "process \"x\" not found"));

    assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(response.get("id").asText()).isEqualTo("abc");
    assertThat(response.has("result")).isFalse();
    assertThat(response.at("/error/code").asInt()).isEqualTo(-32001);
    assertThat(response.at("/error/message").asText()).isEqualTo("process \"x\" not found");
    assertThat(response.at("/error/data/kind").asText()).isEqualTo("not_found");
  }

  @Test
  void encodesAnErrorForAnUnparsableRequestWithANullId() throws Exception {
    JsonNode response = tree(messages.error(null, ErrorCode.PARSE_ERROR, "invalid JSON"));

    assertThat(response.get("id").isNull()).isTrue();
    assertThat(response.at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(response.at("/error/data/kind").asText()).isEqualTo("parse_error");
  }

  @Test
  void encodesANotificationWithoutId() throws Exception {
    JsonNode notification = tree(messages.notification(RpcMethods.LOG_LINE, new LogLine("api", "out", "hello", 0)));

    assertThat(notification.has("id")).isFalse();
    assertThat(notification.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(notification.get("method").asText()).isEqualTo("log");
    assertThat(notification.get("params").toString())
        .isEqualTo("{\"name\":\"api\",\"stream\":\"out\",\"line\":\"hello\",\"skipped\":0}");
  }

  @Test
  void parsesAnEncodedRequest() throws Exception {
    RpcMessages.Message message = messages.parse(messages.request(42, RpcMethods.STOP, new TargetRequest("api")));

    assertThat(message).isInstanceOf(RpcMessages.Request.class);
    RpcMessages.Request request = (RpcMessages.Request) message;
    assertThat(request.id().asLong()).isEqualTo(42);
    assertThat(request.method()).isEqualTo("stop");
    TargetRequest params = codec.convert(request.params(), TargetRequest.class);
    assertThat(params.target()).isEqualTo("api");
  }

  @Test
  void parsesARequestWithAStringIdAndNoParams() {
    RpcMessages.Message message = messages.parse(bytes("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"list\"}"));

    assertThat(message).isInstanceOf(RpcMessages.Request.class);
    RpcMessages.Request request = (RpcMessages.Request) message;
    assertThat(request.id().asText()).isEqualTo("a-1");
    assertThat(request.params()).isNull();
  }

  @Test
  void parsesARequestWithNullParams() {
    RpcMessages.Message message =
        messages.parse(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}"));

    assertThat(message).isInstanceOf(RpcMessages.Request.class);
  }

  @Test
  void parsesAnEncodedResult() {
    RpcMessages.Message message = messages.parse(messages.result(new IntNode(3), Ack.OK));

    assertThat(message).isInstanceOf(RpcMessages.Response.class);
    RpcMessages.Response response = (RpcMessages.Response) message;
    assertThat(response.id().asInt()).isEqualTo(3);
    assertThat(response.error()).isNull();
    assertThat(response.result().get("success").asBoolean()).isTrue();
  }

  @Test
  void parsesAnEncodedErrorIntoAnRpcExceptionWithItsCode() {
    RpcMessages.Message message =
        messages.parse(messages.error(new IntNode(9), ErrorCode.CONFLICT, "process \"api\" already exists"));

    assertThat(message).isInstanceOf(RpcMessages.Response.class);
    RpcMessages.Response response = (RpcMessages.Response) message;
    assertThat(response.result()).isNull();
    assertThat(response.error().code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(response.error()).hasMessage("process \"api\" already exists");
  }

  @Test
  void parsesAnErrorWithoutKindByItsNumericCode() {
    RpcMessages.Response response = (RpcMessages.Response) messages.parse(
        bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no such method\"}}"));

    assertThat(response.error().code()).isEqualTo(ErrorCode.METHOD_NOT_FOUND);
    assertThat(response.error()).hasMessage("no such method");
  }

  @Test
  void parsesAnErrorWithUnknownCodeAsInternal() {
    RpcMessages.Response response = (RpcMessages.Response) messages.parse(
        bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"data\":{\"kind\":\"surprise\"}}}"));

    assertThat(response.error().code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(response.error()).hasMessage("unknown error");
  }

  @Test
  void parsesAnEncodedNotification() {
    RpcMessages.Message message =
        messages.parse(messages.notification(RpcMethods.LOG_LINE, new LogLine("api", "err", "boom", 2)));

    assertThat(message).isInstanceOf(RpcMessages.Notification.class);
    RpcMessages.Notification notification = (RpcMessages.Notification) message;
    assertThat(notification.method()).isEqualTo("log");
    assertThat(notification.params().get("skipped").asLong()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{", "not json", "{\"jsonrpc\":\"2.0\",}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing"})
  void refusesInvalidJsonAsAParseError(String frame) {
    RpcException error = parseFailure(frame);

    assertThat(error).isNotNull();
    assertThat(error.code()).isEqualTo(ErrorCode.PARSE_ERROR);
    assertThat(error.getMessage()).startsWith("invalid JSON: ");
  }

  @Test
  void parseErrorMessageGivesLineAndColumn() {
    RpcException error = parseFailure("{\"jsonrpc\":\"2.0\",}");

    assertThat(error.getMessage()).startsWith("invalid JSON: line 1, column 18: ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "\"ping\"", "42", "null"})
  void refusesJsonThatIsNotAnObjectAsAnInvalidRequest(String frame) {
    RpcException error = parseFailure(frame);

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("expected a JSON-RPC 2.0 object");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"id\":1,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
      "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
      "{\"jsonrpc\":null,\"id\":1,\"method\":\"ping\"}"})
  void refusesAWrongOrMissingVersion(String frame) {
    RpcException error = parseFailure(frame);

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("\"jsonrpc\" must be \"2.0\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"5", "true", "null", "{}", "[\"ping\"]", "\"\""})
  void refusesAMethodThatIsNotANonEmptyString(String method) {
    RpcException error = parseFailure("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + method + "}");

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("\"method\" must be a non-empty string");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[\"api\"]", "\"api\"", "3", "true"})
  void refusesParamsThatAreNotAnObject(String params) {
    RpcException error = parseFailure("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stop\",\"params\":" + params + "}");

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("\"params\" must be an object");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.5", "true", "{}", "[1]"})
  void refusesAnIdThatIsNotANumberOrString(String id) {
    RpcException error = parseFailure("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("\"id\" must be a number or a string");
  }

  @Test
  void refusesAMessageWithNeitherMethodNorId() {
    RpcException error = parseFailure("{\"jsonrpc\":\"2.0\",\"result\":{}}");

    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(error).hasMessage("a message needs \"method\" or \"id\"");
  }

  @Test
  void exposesTheCodecItWasBuiltWith() {
    assertThat(messages.codec()).isSameAs(codec);
  }

  @Test
  void anErrorMessageQuotingAHugeValueIsCut() throws Exception {
    String method = "m".repeat(5_000_000);

    JsonNode error = tree(messages.error(IntNode.valueOf(1), ErrorCode.METHOD_NOT_FOUND, "unknown method: " + method)).get("error");

    assertThat(error.get("message").asText())
        .hasSizeLessThan(RpcMessages.MAX_ERROR_MESSAGE + 60)
        .startsWith("unknown method: mmm")
        .endsWith("... (" + (16 + 5_000_000 - RpcMessages.MAX_ERROR_MESSAGE) + " more characters left out)");
  }

  @Test
  void cuttingAMessageNeverSplitsACharacter() {
    String message = "x".repeat(RpcMessages.MAX_ERROR_MESSAGE - 1) + "\ud83d\ude00tail";

    assertThat(RpcMessages.shortened(message)).startsWith("x".repeat(RpcMessages.MAX_ERROR_MESSAGE - 1) + "...");
  }
}
