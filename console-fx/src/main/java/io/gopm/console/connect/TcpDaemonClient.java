package io.gopm.console.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.model.HelloRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import io.gopm.protocol.rpc.RpcNotification;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A {@link DaemonClient} over a loopback TCP connection that reaches the daemon's socket through
 * a forward ({@code ssh -L PORT:/home/u/.gopm/gopm.sock}): the same newline-delimited JSON-RPC as
 * {@link io.gopm.protocol.client.SocketDaemonClient}, which speaks it over a Unix socket only.
 * Like that client it sends {@code hello} with the first call, and one thread uses it at a time
 * ({@link #close()} may come from another thread to end a stream).
 */
public final class TcpDaemonClient implements DaemonClient {

  private static final int MAX_RESPONSE_FRAME = 64 * 1024 * 1024;
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Socket socket;
  private final OutputStream out;
  private final FrameReader in;
  private final RpcMessages messages;
  private final String clientName;
  private long nextId = 1;
  private boolean greeted;

  private TcpDaemonClient(Socket socket, RpcMessages messages, String clientName) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream());
    this.in = new FrameReader(socket.getInputStream(), MAX_RESPONSE_FRAME);
    this.messages = messages;
    this.clientName = clientName;
  }

  /**
   * Connects to {@code host:port}.
   *
   * @throws IOException when nothing listens there
   */
  public static TcpDaemonClient connect(String host, int port, RpcMessages messages, String clientName)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      return new TcpDaemonClient(socket, messages, clientName);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public <P, R> R call(RpcMethod<P, R> method, P params) {
    long id = send(method, params);
    return awaitResult(id, method);
  }

  @Override
  public <P, R, N> void stream(
      RpcMethod<P, R> method,
      P params,
      Consumer<? super R> onResult,
      RpcNotification<N> notification,
      Consumer<? super N> onNotification) {
    long id = send(method, params);
    onResult.accept(awaitResult(id, method));
    while (true) {
      RpcMessages.Message message = readMessage();
      if (message == null) {
        return;
      }
      if (message instanceof RpcMessages.Notification note && note.method().equals(notification.name())) {
        onNotification.accept(convert(note.params(), notification.paramsType()));
      }
    }
  }

  @Override
  public void awaitClose() {
    while (readMessage() != null) {
      // drain until the daemon hangs up
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket we are done with: nothing to report
    }
  }

  private <P> long send(RpcMethod<P, ?> method, P params) {
    try {
      if (!greeted) {
        out.write(messages.request(0, RpcMethods.HELLO, new HelloRequest(RpcMethods.PROTOCOL_VERSION, clientName)));
        out.write('\n');
      }
      long id = nextId++;
      out.write(messages.request(id, method, method.takesNoParams() ? null : params));
      out.write('\n');
      out.flush();
      if (!greeted) {
        greeted = true;
        awaitResult(0, RpcMethods.HELLO);
      }
      return id;
    } catch (IOException e) {
      throw new DaemonUnavailableException("lost the connection to the daemon: " + e.getMessage(), e);
    }
  }

  private <R> R awaitResult(long id, RpcMethod<?, R> method) {
    while (true) {
      RpcMessages.Message message = readMessage();
      if (message == null) {
        throw new DaemonUnavailableException("the daemon closed the connection");
      }
      if (message instanceof RpcMessages.Response response
          && response.id().isIntegralNumber()
          && response.id().asLong() == id) {
        if (response.error() != null) {
          throw response.error();
        }
        return convert(response.result(), method.resultType());
      }
    }
  }

  private RpcMessages.Message readMessage() {
    byte[] frame;
    try {
      frame = in.next();
    } catch (IOException e) {
      throw new DaemonUnavailableException("lost the connection to the daemon: " + e.getMessage(), e);
    }
    return frame == null ? null : messages.parse(frame);
  }

  private <T> T convert(JsonNode node, java.lang.reflect.Type type) {
    try {
      return messages.codec().convert(node, type);
    } catch (IOException e) {
      throw new RpcException(ErrorCode.INTERNAL, "unexpected answer from the daemon: " + e.getMessage(), e);
    }
  }
}
