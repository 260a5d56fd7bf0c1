package io.gopm.daemon.rpc;

/**
 * Serves one RPC method. Runs on the calling connection's thread and may block (a stop waits for
 * the process to exit); it must never touch process state except through the supervisor.
 *
 * @param <P> the method's parameter record
 * @param <R> its result
 */
@FunctionalInterface
public interface RpcHandler<P, R> {

  /**
   * Handles one call.
   *
   * @throws io.gopm.protocol.rpc.RpcException with the error code for the client; other
   *     exceptions become {@code internal} errors (and are logged), {@link
   *     IllegalArgumentException}s {@code invalid_params}
   */
  R handle(P params, CallContext context) throws Exception;
}
