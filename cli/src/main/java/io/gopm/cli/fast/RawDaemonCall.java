package io.gopm.cli.fast;

import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One call to the daemon with hand-written frames: the {@code hello} handshake and the request go
 * out together (as {@link io.gopm.protocol.client.SocketDaemonClient} sends them), and the answer
 * is the raw JSON text of the {@code result}, found with {@link JsonScanner}, not a tree or a
 * record.
 */
final class RawDaemonCall {

  /** The same limit as the full client's. */
  private static final int MAX_RESPONSE_FRAME = 64 * 1024 * 1024;

  private static final long HELLO_ID = 0;
  private static final long CALL_ID = 1;

  private RawDaemonCall() {}

  /**
   * Calls {@code method} on the daemon listening at {@code socket}.
   *
   * @param params the params object as JSON text, or null for none
   * @return the UTF-8 JSON text of the result (an object or an array), or null when no daemon
   *     answers, the handshake or the call fails, or the answer is not what a result looks like
   */
  static byte[] call(Path socket, String method, String params) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      String frames =
          "{\"jsonrpc\":\"2.0\",\"id\":" + HELLO_ID + ",\"method\":\"hello\",\"params\":{\"protocol\":"
              + RpcMethods.PROTOCOL_VERSION + ",\"client\":\"cli\"}}\n"
              + "{\"jsonrpc\":\"2.0\",\"id\":" + CALL_ID + ",\"method\":\"" + method + "\""
              + (params == null ? "" : ",\"params\":" + params) + "}\n";
      ByteBuffer request = ByteBuffer.wrap(frames.getBytes(StandardCharsets.UTF_8));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      FrameReader in = new FrameReader(Channels.newInputStream(channel), MAX_RESPONSE_FRAME);
      boolean greeted = false;
      for (byte[] frame = in.next(); frame != null; frame = in.next()) {
        Answer answer = answer(frame);
        if (answer == null) {
          return null;
        }
        if (answer.id() == HELLO_ID) {
          if (answer.result() == null) {
            return null;
          }
          greeted = true;
        } else if (answer.id() == CALL_ID) {
          return greeted ? answer.result() : null;
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A response frame: its id and the text of its result (null for an error or a result that is
   * not an object or an array).
   */
  private record Answer(long id, byte[] result) {}

  /** The frame as a response (id -1 for a notification). */
  private static Answer answer(byte[] frame) {
    Map<String, JsonScanner.Span> members = JsonScanner.members(frame);
    JsonScanner.Span id = members.get("id");
    Object number = id == null ? null : JsonScanner.scalar(id);
    JsonScanner.Span result = members.get("result");
    boolean plainResult = !members.containsKey("error") && result != null && result.isContainer();
    return new Answer(number instanceof Long value ? value : -1, plainResult ? result.bytes() : null);
  }
}
