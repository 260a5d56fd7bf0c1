package io.gopm.cli.command;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcNotification;
import java.util.function.Consumer;

/** A base for fake daemons of commands that only make calls: streaming fails the test. */
abstract class CallOnlyDaemon implements DaemonClient {

  @Override
  public <P, R, N> void stream(
      RpcMethod<P, R> method, P params, Consumer<? super R> onResult, RpcNotification<N> notification,
      Consumer<? super N> onNotification) {
    throw new AssertionError("unexpected stream " + method.name());
  }

  @Override
  public void awaitClose() {}

  @Override
  public void close() {}
}
