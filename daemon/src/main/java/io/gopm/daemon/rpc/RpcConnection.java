package io.gopm.daemon.rpc;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.FrameBudget;
import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcNotification;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One client connection: reads request frames, dispatches them in order and writes the responses.
 * Malformed frames get an error response and the connection goes on; an oversized frame (or a large
 * one while other connections hold the whole large-frame budget) closes it.
 * Runs on its own thread; streams started by handlers write from theirs, sharing the output under
 * a lock.
 */
final class RpcConnection implements Runnable {

  /** A connection idle this long (and not streaming) is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  private final Socket socket;
  private final FrameReader in;
  private final OutputStream out;
  private final RpcDispatcher dispatcher;
  private final RpcMessages messages;
  private final CallContext context;
  private final DaemonLog log;
  private final Runnable onClose;
  private volatile boolean open = true;
  private int streams;

  RpcConnection(
      Socket socket,
      CallContext.Peer peer,
      RpcDispatcher dispatcher,
      RpcMessages messages,
      int maxFrame,
      FrameBudget largeFrames,
      DaemonLog log,
      Runnable onClose)
      throws IOException {
    this.socket = socket;
    this.in = new FrameReader(socket.getInputStream(), maxFrame, largeFrames);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    this.dispatcher = dispatcher;
    this.messages = messages;
    this.context = new CallContext(peer);
    this.log = log;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    try {
      socket.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
      serve();
    } catch (FrameReader.FrameTooLargeException e) {
      writeQuietly(messages.error(null, ErrorCode.INVALID_REQUEST, e.getMessage()));
      log.warn("oversized request refused", "peer_pid", context.peer().pid());
    } catch (SocketTimeoutException e) {
      log.debug("idle connection closed", "peer_pid", context.peer().pid());
    } catch (IOException e) {
      log.debug("connection ended", "error", e.getMessage());
    } finally {
      in.release(); // on this thread: the reader is not thread-safe
      close();
    }
  }

  private void serve() throws IOException {
    while (open) {
      byte[] frame;
      try {
        frame = in.next();
      } catch (SocketTimeoutException e) {
        if (streams > 0) {
          continue; // a following client is quiet by design
        }
        throw e;
      }
      if (frame == null) {
        return;
      }
      if (frame.length == 0) {
        continue;
      }
      RpcMessages.Message message;
      try {
        message = messages.parse(frame);
      } catch (RpcException e) {
        write(messages.error(null, e.code(), e.getMessage()));
        continue;
      }
      if (message instanceof RpcMessages.Request request) {
        write(dispatcher.dispatch(request, context));
        startFollowUps();
      }
      // notifications and stray responses from a client carry nothing to act on
    }
  }

  private void startFollowUps() {
    Runnable after = context.takeAfterResponse();
    if (after != null) {
      after.run();
    }
    CallContext.StreamTask task = context.takeStream();
    if (task != null) {
      streams++;
      Thread thread =
          new Thread(
              () -> {
                try {
                  task.run(new Channel());
                } catch (Exception e) {
                  log.debug("stream ended", "error", String.valueOf(e.getMessage()));
                }
              },
              "gopm-stream-" + context.peer().pid());
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void write(byte[] frame) throws IOException {
    synchronized (out) {
      out.write(frame);
      out.write('\n');
      out.flush();
    }
  }

  private void writeQuietly(byte[] frame) {
    try {
      write(frame);
    } catch (IOException ignored) {
      // the client is already gone
    }
  }

  void close() {
    if (open) {
      open = false;
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
      onClose.run();
    }
  }

  private final class Channel implements NotificationChannel {
    @Override
    public <N> void send(RpcNotification<N> notification, N params) throws IOException {
      if (!open) {
        throw new IOException("client disconnected");
      }
      try {
        write(messages.notification(notification, params));
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
