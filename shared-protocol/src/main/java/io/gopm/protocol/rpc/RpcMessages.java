package io.gopm.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;

/**
 * Encodes and decodes the JSON-RPC 2.0 envelopes of the protocol, one compact JSON object per
 * frame: requests ({@code id}, {@code method}, {@code params}), responses ({@code result} or
 * {@code error} with {@code code}, {@code message} and {@code data.kind}) and notifications.
 */
public final class RpcMessages {

  /**
   * The longest error message sent: messages quote what the client sent (a method name, a field
   * value), which may be megabytes long; beyond this the quote is cut.
   */
  public static final int MAX_ERROR_MESSAGE = 1000;

  private final JsonCodec codec;

  public RpcMessages(JsonCodec codec) {
    this.codec = codec;
  }

  public JsonCodec codec() {
    return codec;
  }

  /** A request frame; {@code params} is left out for methods that take none. */
  public <P> byte[] request(long id, RpcMethod<P, ?> method, P params) {
    ObjectNode request = envelope();
    request.put("id", id);
    request.put("method", method.name());
    if (params != null) {
      request.set("params", codec.toTree(params));
    }
    return codec.writeBytes(request);
  }

  public <N> byte[] notification(RpcNotification<N> notification, N params) {
    ObjectNode message = envelope();
    message.put("method", notification.name());
    message.set("params", codec.toTree(params));
    return codec.writeBytes(message);
  }

  public byte[] result(JsonNode id, Object result) {
    ObjectNode response = envelope();
    response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    response.set("result", codec.toTree(result));
    return codec.writeBytes(response);
  }

  public byte[] error(JsonNode id, ErrorCode code, String message) {
    ObjectNode response = envelope();
    response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    ObjectNode error = response.putObject("error");
    error.put("code", code.code());
    error.put("message", shortened(message));
    error.putObject("data").put("kind", code.kind());
    return codec.writeBytes(response);
  }

  /**
   * Parses one incoming frame.
   *
   * @throws RpcException {@link ErrorCode#PARSE_ERROR} for invalid JSON, {@link
   *     ErrorCode#INVALID_REQUEST} for JSON that is not a JSON-RPC 2.0 message
   */
  public Message parse(byte[] frame) {
    JsonNode node;
    try {
      node = codec.readTree(frame);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RpcException(ErrorCode.PARSE_ERROR, "invalid JSON: " + JsonCodec.describe(e));
    } catch (IOException e) {
      throw new RpcException(ErrorCode.PARSE_ERROR, "invalid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new RpcException(ErrorCode.INVALID_REQUEST, "expected a JSON-RPC 2.0 object");
    }
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
      throw new RpcException(ErrorCode.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"");
    }
    JsonNode id = node.get("id");
    if (id != null && !(id.isIntegralNumber() || id.isTextual() || id.isNull())) {
      throw new RpcException(ErrorCode.INVALID_REQUEST, "\"id\" must be a number or a string");
    }
    JsonNode method = node.get("method");
    if (method != null) {
      if (!method.isTextual() || method.asText().isEmpty()) {
        throw new RpcException(ErrorCode.INVALID_REQUEST, "\"method\" must be a non-empty string");
      }
      JsonNode params = node.get("params");
      if (params != null && !(params.isObject() || params.isNull())) {
        throw new RpcException(ErrorCode.INVALID_REQUEST, "\"params\" must be an object");
      }
      return id == null
          ? new Notification(method.asText(), params)
          : new Request(id, method.asText(), params);
    }
    if (id == null) {
      throw new RpcException(ErrorCode.INVALID_REQUEST, "a message needs \"method\" or \"id\"");
    }
    JsonNode error = node.get("error");
    if (error != null && error.isObject()) {
      JsonNode kind = error.path("data").path("kind");
      return new Response(
          id,
          null,
          new RpcException(
              ErrorCode.of(error.path("code").asInt(), kind.isTextual() ? kind.asText() : ""),
              error.path("message").asText("unknown error")));
    }
    return new Response(id, node.get("result"), null);
  }

  /** {@code message}, cut to {@link #MAX_ERROR_MESSAGE} characters with a note of what was left out. */
  public static String shortened(String message) {
    if (message == null || message.length() <= MAX_ERROR_MESSAGE) {
      return message;
    }
    int end = MAX_ERROR_MESSAGE;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--; // never split a character
    }
    return message.substring(0, end) + "... (" + (message.length() - end) + " more characters left out)";
  }

  private static ObjectNode envelope() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("jsonrpc", "2.0");
    return node;
  }

  /** A parsed frame. */
  public sealed interface Message permits Request, Response, Notification {}

  /** A call that expects an answer with the same {@code id}. */
  public record Request(JsonNode id, String method, JsonNode params) implements Message {}

  /** An answer: exactly one of {@code result} and {@code error} is set. */
  public record Response(JsonNode id, JsonNode result, RpcException error) implements Message {}

  /** A one-way message. */
  public record Notification(String method, JsonNode params) implements Message {}
}
