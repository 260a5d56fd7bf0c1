package io.gopm.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.model.HelloRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import io.gopm.protocol.rpc.RpcNotification;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A {@link DaemonClient} over the daemon's Unix socket, using the JDK's own AF_UNIX channel (which
 * starts faster than a native library), or over any other byte stream that reaches it (such as a
 * loopback TCP port forwarded by {@code ssh -L}: {@link #over}). The protocol handshake ({@code
 * hello}) is sent together with the first call, so it costs no extra round trip. One thread uses a
 * client at a time; {@link #close()} may come from another thread to end a stream.
 */
public final class SocketDaemonClient implements DaemonClient {

  /** Responses can carry whole log tails; refuse anything beyond this. */
  private static final int MAX_RESPONSE_FRAME = 64 * 1024 * 1024;

  private final Closeable transport;
  private final OutputStream out;
  private final FrameReader in;
  private final RpcMessages messages;
  private final String clientName;
  private final Consumer<String> trace;
  private long nextId = 1;
  private boolean greeted;

  private SocketDaemonClient(
      InputStream input,
      OutputStream output,
      Closeable transport,
      RpcMessages messages,
      String clientName,
      Consumer<String> trace) {
    this.transport = transport;
    this.out = output;
    this.in = new FrameReader(input, MAX_RESPONSE_FRAME);
    this.messages = messages;
    this.clientName = clientName;
    this.trace = trace;
  }

  /**
   * Connects to the socket.
   *
   * @param trace receives debug lines ({@code --debug}); may be a no-op
   * @throws IOException when nothing listens there
   */
  public static SocketDaemonClient connect(
      Path socket, RpcMessages messages, String clientName, Consumer<String> trace)
      throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    trace.accept("connected to " + socket);
    return new SocketDaemonClient(
        Channels.newInputStream(channel), Channels.newOutputStream(channel), channel, messages, clientName, trace);
  }

  /**
   * A client over a connected byte stream that reaches the daemon's socket, such as a TCP
   * connection to a port that {@code ssh -L} forwards to it.
   *
   * @param transport closed by {@link #close()}, which ends both streams
   */
  public static SocketDaemonClient over(
      InputStream input, OutputStream output, Closeable transport, RpcMessages messages, String clientName) {
    return new SocketDaemonClient(
        input, new BufferedOutputStream(output), transport, messages, clientName, line -> {});
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
      if (message instanceof RpcMessages.Notification note
          && note.method().equals(notification.name())) {
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
      transport.close();
    } catch (IOException ignored) {
      // closing a socket we are done with: nothing to report
    }
  }

  private <P> long send(RpcMethod<P, ?> method, P params) {
    try {
      if (!greeted) {
        byte[] hello =
            messages.request(0, RpcMethods.HELLO, new HelloRequest(RpcMethods.PROTOCOL_VERSION, clientName));
        write(RpcMethods.HELLO.name(), hello);
      }
      long id = nextId++;
      write(method.name(), messages.request(id, method, method.takesNoParams() ? null : params));
      out.flush();
      if (!greeted) {
        greeted = true;
        awaitResult(0, RpcMethods.HELLO);
      }
      return id;
    } catch (IOException e) {
      trace.accept("send error: " + e.getMessage());
      RpcException refusal = refusalBeforeClose();
      if (refusal != null) {
        throw refusal; // e.g. "this daemon belongs to another user": say why, not "broken pipe"
      }
      throw new DaemonUnavailableException("lost the connection to the daemon: " + e.getMessage(), e);
    }
  }

  /** The error the daemon sent before hanging up on a connection it refused, if it is there to read. */
  private RpcException refusalBeforeClose() {
    try {
      RpcMessages.Message message = readMessage();
      if (message instanceof RpcMessages.Response response && response.error() != null) {
        return response.error();
      }
    } catch (RuntimeException unreadable) {
      // nothing left to read either
    }
    return null;
  }

  private void write(String method, byte[] frame) throws IOException {
    trace.accept("→ " + method + " " + new String(frame, java.nio.charset.StandardCharsets.UTF_8));
    out.write(frame);
    out.write('\n');
  }

  private <R> R awaitResult(long id, RpcMethod<?, R> method) {
    while (true) {
      RpcMessages.Message message = readMessage();
      if (message == null) {
        trace.accept("connection closed by daemon");
        throw new DaemonUnavailableException("the daemon closed the connection");
      }
      if (message instanceof RpcMessages.Response response
          && response.id().isNull()
          && response.error() != null) {
        throw response.error(); // not about one request: the daemon refused the connection
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
      trace.accept("read error: " + e.getMessage());
      throw new DaemonUnavailableException("lost the connection to the daemon: " + e.getMessage(), e);
    }
    if (frame == null) {
      return null;
    }
    traceResponse(frame);
    return messages.parse(frame);
  }

  private void traceResponse(byte[] frame) {
    String text = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...(truncated " + (text.length() - 200) + " bytes)";
    }
    trace.accept("← " + text);
  }

  private <T> T convert(JsonNode node, java.lang.reflect.Type type) {
    try {
      return messages.codec().convert(node, type);
    } catch (IOException e) {
      throw new RpcException(
          ErrorCode.INTERNAL, "unexpected answer from the daemon: " + e.getMessage(), e);
    }
  }
}
