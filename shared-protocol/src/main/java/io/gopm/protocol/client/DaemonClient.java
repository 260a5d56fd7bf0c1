package io.gopm.protocol.client;

import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcNotification;
import java.util.function.Consumer;

/**
 * A connection to a GoPM daemon. Calls are sequential: one thread uses a client at a time.
 *
 * <p>Every call either returns the result, throws {@link io.gopm.protocol.rpc.RpcException} with
 * the daemon's error code and message, or throws {@link DaemonUnavailableException} when the
 * connection fails.
 */
public interface DaemonClient extends AutoCloseable {

  /** Calls {@code method} and waits for its result. */
  <P, R> R call(RpcMethod<P, R> method, P params);

  /**
   * Calls a streaming method: hands the result to {@code onResult}, then each notification to
   * {@code onNotification}, until the daemon ends the stream or {@link #close()} is called from
   * another thread.
   */
  <P, R, N> void stream(
      RpcMethod<P, R> method,
      P params,
      Consumer<? super R> onResult,
      RpcNotification<N> notification,
      Consumer<? super N> onNotification);

  /**
   * Blocks until the daemon closes the connection (used after {@code kill}, whose connection stays
   * open until the daemon has exited).
   */
  void awaitClose();

  @Override
  void close();
}
