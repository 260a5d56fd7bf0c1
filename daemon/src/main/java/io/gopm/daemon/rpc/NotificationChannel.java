package io.gopm.daemon.rpc;

import io.gopm.protocol.rpc.RpcNotification;
import java.io.IOException;

/** Sends notifications to one client for as long as it stays connected. Thread-safe. */
public interface NotificationChannel {

  /**
   * Sends one notification.
   *
   * @throws IOException when the client has gone
   */
  <N> void send(RpcNotification<N> notification, N params) throws IOException;

  /** False once the client hung up or the daemon closed the connection. */
  boolean isOpen();
}
