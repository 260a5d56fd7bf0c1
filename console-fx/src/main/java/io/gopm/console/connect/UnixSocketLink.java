package io.gopm.console.connect;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.SocketDaemonClient;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Connections to a daemon socket on this machine (the local daemon, or {@code --socket PATH}). */
public final class UnixSocketLink implements DaemonLink {

  private final Path socket;
  private final RpcMessages messages;
  private final String clientName;

  public UnixSocketLink(Path socket, RpcMessages messages, String clientName) {
    this.socket = socket;
    this.messages = messages;
    this.clientName = clientName;
  }

  @Override
  public DaemonClient open() throws LinkException {
    return connect(socket, messages, clientName);
  }

  /** A connection to {@code socket}, or why there is none. */
  static DaemonClient connect(Path socket, RpcMessages messages, String clientName) throws LinkException {
    if (!Files.exists(socket)) {
      throw new LinkException("no daemon at " + socket + " (no socket; start one with gopm ping)", false);
    }
    try {
      return SocketDaemonClient.connect(socket, messages, clientName, line -> {});
    } catch (IOException | RuntimeException e) {
      throw new LinkException("no daemon at " + socket + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String describe() {
    return "socket " + socket;
  }

  @Override
  public void close() {
    // nothing held between connections
  }
}
