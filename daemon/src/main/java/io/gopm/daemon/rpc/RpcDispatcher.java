package io.gopm.daemon.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Routes requests to the handler registered for their method, converting parameters to the
 * method's record type and every failure to a protocol error: {@link RpcException}s keep their
 * code, {@link IllegalArgumentException}s become {@code invalid_params}, anything else {@code
 * internal} (and is logged with its stack trace).
 */
public final class RpcDispatcher {

  /** Methods a client with another protocol version may still call. */
  private static final Set<String> VERSION_INDEPENDENT =
      Set.of(RpcMethods.HELLO.name(), RpcMethods.PING.name(), RpcMethods.KILL.name());

  private final Map<String, Registration<?, ?>> handlers = new HashMap<>();
  private final RpcMessages messages;
  private final DaemonLog log;

  public RpcDispatcher(RpcMessages messages, DaemonLog log) {
    this.messages = messages;
    this.log = log;
  }

  /** Registers the handler of {@code method}; one per method. */
  public <P, R> void register(RpcMethod<P, R> method, RpcHandler<P, R> handler) {
    if (handlers.putIfAbsent(method.name(), new Registration<>(method, handler)) != null) {
      throw new IllegalStateException("two handlers for " + method.name());
    }
  }

  /**
   * Calls a method in-process, as a client on the socket would (the embedded MCP server uses this,
   * so its tools behave exactly like the CLI's commands).
   *
   * @throws RpcException with the daemon's error, like a remote call
   */
  @SuppressWarnings("unchecked")
  public <P, R> R invoke(RpcMethod<P, R> method, P params, CallContext.Peer caller) {
    Registration<P, R> registration = (Registration<P, R>) handlers.get(method.name());
    if (registration == null) {
      throw new RpcException(ErrorCode.METHOD_NOT_FOUND, "unknown method: " + method.name());
    }
    CallContext context = new CallContext(caller);
    try {
      return registration.handler().handle(params, context);
    } catch (RpcException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(e.getMessage());
    } catch (java.util.concurrent.CompletionException | java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      RpcException refusal = refusal(cause);
      if (refusal != null) {
        throw refusal;
      }
      log.fault("in-process call failed: " + method.name(), cause);
      throw new RpcException(ErrorCode.INTERNAL, "internal error: " + cause);
    } catch (Exception e) {
      log.fault("in-process call failed: " + method.name(), e);
      throw new RpcException(ErrorCode.INTERNAL, "internal error: " + e);
    }
  }

  /**
   * The protocol error a failed call answers with ({@link RpcException} as it is, {@link
   * IllegalArgumentException} as {@code invalid_params}), or null when {@code cause} is a fault
   * of the daemon.
   */
  static RpcException refusal(Throwable cause) {
    if (cause instanceof RpcException rpc) {
      return rpc;
    }
    if (cause instanceof IllegalArgumentException invalid) {
      return RpcException.invalidParams(invalid.getMessage());
    }
    return null;
  }

  /** True when every method of the protocol has a handler. */
  public boolean handlesEveryMethod() {
    return RpcMethods.ALL.stream().allMatch(method -> handlers.containsKey(method.name()));
  }

  /** Serves one request; the response frame. */
  byte[] dispatch(RpcMessages.Request request, CallContext context) {
    Registration<?, ?> registration = handlers.get(request.method());
    if (registration == null) {
      return messages.error(
          request.id(), ErrorCode.METHOD_NOT_FOUND, "unknown method: " + request.method());
    }
    if (context.protocolMismatch() && !VERSION_INDEPENDENT.contains(request.method())) {
      return messages.error(
          request.id(),
          ErrorCode.PROTOCOL_MISMATCH,
          "this client speaks another protocol than the daemon: run `gopm kill`, then try again");
    }
    if (registration.method().mutates()) {
      log.info(
          "request",
          "method", request.method(),
          "client", context.clientName(),
          "peer_pid", context.peer().pid(),
          "peer_uid", context.peer().uid());
    } else {
      log.debug("request received", "method", request.method(), "peer_pid", context.peer().pid());
    }
    try {
      return messages.result(request.id(), registration.call(request.params(), context, messages.codec()));
    } catch (RpcException e) {
      return messages.error(request.id(), e.code(), e.getMessage());
    } catch (IllegalArgumentException e) {
      return messages.error(request.id(), ErrorCode.INVALID_PARAMS, e.getMessage());
    } catch (Exception e) {
      log.fault("request failed: " + request.method(), e);
      return messages.error(request.id(), ErrorCode.INTERNAL, "internal error: " + e);
    }
  }

  private record Registration<P, R>(RpcMethod<P, R> method, RpcHandler<P, R> handler) {

    Object call(JsonNode params, CallContext context, JsonCodec codec) throws Exception {
      P typed = null;
      if (method.takesNoParams()) {
        if (params != null && !params.isNull() && !(params.isObject() && params.isEmpty())) {
          // a mistyped call must not act: `kill` with stray params is refused, not obeyed
          throw RpcException.invalidParams(method.name() + " takes no params");
        }
      } else {
        if (params == null || params.isNull()) {
          if (!method.paramsOptional()) {
            throw RpcException.invalidParams(method.name() + ": params are required");
          }
          params = codec.newObject();
        }
        try {
          typed = codec.convert(params, method.paramsType());
        } catch (JsonProcessingException e) {
          throw RpcException.invalidParams("invalid " + method.name() + " params: " + JsonCodec.describe(e));
        } catch (IOException e) {
          throw RpcException.invalidParams("invalid " + method.name() + " params: " + e.getMessage());
        }
      }
      try {
        return handler.handle(typed, context);
      } catch (CompletionException | ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof Exception exception) {
          throw exception;
        }
        throw e;
      }
    }
  }
}
