package io.gopm.console.connect;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;

/** Connections to a loopback TCP port that the user forwarded to a daemon socket. */
public final class TcpLink implements DaemonLink {

  private final String host;
  private final int port;
  private final RpcMessages messages;
  private final String clientName;

  public TcpLink(String host, int port, RpcMessages messages, String clientName) {
    this.host = host;
    this.port = port;
    this.messages = messages;
    this.clientName = clientName;
  }

  @Override
  public DaemonClient open() throws LinkException {
    try {
      return TcpDaemonClient.connect(host, port, messages, clientName);
    } catch (IOException e) {
      throw new LinkException(
          "nothing answers on " + host + ":" + port + " (" + e.getMessage() + "; is your ssh -L forward running?)", e);
    }
  }

  @Override
  public String describe() {
    return "forwarded port " + host + ":" + port;
  }

  @Override
  public void close() {
    // nothing held between connections
  }
}
