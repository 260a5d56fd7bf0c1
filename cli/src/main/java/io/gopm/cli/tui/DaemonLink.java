package io.gopm.cli.tui;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;

/**
 * One kept connection to the daemon for one background thread: connected on first use, dropped
 * when the daemon goes away (or says it is shutting down), connected again on the next call. Used
 * by one thread at a time, like the {@link DaemonClient} it holds.
 */
final class DaemonLink implements AutoCloseable {

  private final TerminalUi.Connector connector;
  private DaemonClient client;

  DaemonLink(TerminalUi.Connector connector) {
    this.connector = connector;
  }

  /**
   * Calls a method, connecting first when needed.
   *
   * @throws DaemonUnavailableException when no daemon answers
   * @throws RpcException with the daemon's error
   */
  <P, R> R call(RpcMethod<P, R> method, P params) {
    if (client == null) {
      client = connector.connect().orElseThrow(() -> new DaemonUnavailableException("the daemon is not running"));
    }
    try {
      return client.call(method, params);
    } catch (DaemonUnavailableException e) {
      close();
      throw e;
    } catch (RpcException e) {
      if (e.code() == ErrorCode.SHUTTING_DOWN) {
        close();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
