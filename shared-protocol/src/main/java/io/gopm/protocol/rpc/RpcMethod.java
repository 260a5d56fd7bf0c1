package io.gopm.protocol.rpc;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One method of the daemon's protocol, typed on both ends: the client calls it and the daemon
 * registers its handler with the same constant, so a parameter or result type cannot drift.
 *
 * @param <P> the parameter record ({@link Void} for none)
 * @param <R> the result type
 * @param name the JSON-RPC method name
 * @param paramsType the class of the parameters
 * @param resultType the result type, generic types included ({@code List<ProcessInfo>})
 * @param mutates true when a call changes process state (used for the audit trail)
 * @param paramsOptional true when the params may be left out (every field then has its default)
 */
public record RpcMethod<P, R>(
    String name, Class<P> paramsType, Type resultType, boolean mutates, boolean paramsOptional) {

  public RpcMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(paramsType, "paramsType");
    Objects.requireNonNull(resultType, "resultType");
  }

  /** A method whose params, if it takes any, are required. */
  public RpcMethod(String name, Class<P> paramsType, Type resultType, boolean mutates) {
    this(name, paramsType, resultType, mutates, false);
  }

  /** True when the method takes no parameters. */
  public boolean takesNoParams() {
    return paramsType == Void.class;
  }
}
