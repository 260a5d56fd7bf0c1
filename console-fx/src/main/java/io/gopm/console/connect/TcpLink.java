package io.gopm.console.connect;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.SocketDaemonClient;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Connections to a loopback TCP port that the user forwarded to a daemon socket. */
public final class TcpLink implements DaemonLink {

  private static final int CONNECT_TIMEOUT_MS = 5_000;

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
      return connect(host, port, messages, clientName);
    } catch (IOException e) {
      throw new LinkException(
          "nothing answers on " + host + ":" + port + " (" + e.getMessage() + "; is your ssh -L forward running?)", e);
    }
  }

  /**
   * A client over a TCP connection to {@code host:port}, where a forward reaches the daemon's
   * socket: the same newline-delimited JSON-RPC as over the Unix socket.
   *
   * @throws IOException when nothing listens there
   */
  static DaemonClient connect(String host, int port, RpcMessages messages, String clientName) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      return SocketDaemonClient.over(socket.getInputStream(), socket.getOutputStream(), socket, messages, clientName);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
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
