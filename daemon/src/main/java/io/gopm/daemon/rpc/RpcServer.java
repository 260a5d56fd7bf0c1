package io.gopm.daemon.rpc;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.FrameBudget;
import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * The daemon's Unix socket ({@code gopm.sock}, mode 0600). Every connection's peer is checked:
 * only the daemon's own user and root get in. Each accepted connection is served on its own
 * thread, up to {@link #MAX_CONNECTIONS} at once.
 */
public final class RpcServer implements AutoCloseable {

  /** Connections served at the same time; more are refused with an error. */
  public static final int MAX_CONNECTIONS = 128;

  private final Path socketPath;
  private final RpcDispatcher dispatcher;
  private final RpcMessages messages;
  private final DaemonLog log;
  private final long ownUid;
  private final int maxFrame;
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final FrameBudget largeFrames;
  private final AtomicInteger connectionNumbers = new AtomicInteger();
  private AFUNIXServerSocket server;
  private Thread acceptor;
  private volatile boolean closing;

  public RpcServer(
      Path socketPath, RpcDispatcher dispatcher, RpcMessages messages, DaemonLog log, long ownUid) {
    this(socketPath, dispatcher, messages, log, ownUid, FrameReader.DEFAULT_MAX_FRAME);
  }

  RpcServer(
      Path socketPath,
      RpcDispatcher dispatcher,
      RpcMessages messages,
      DaemonLog log,
      long ownUid,
      int maxFrame) {
    this.socketPath = socketPath;
    this.dispatcher = dispatcher;
    this.messages = messages;
    this.log = log;
    this.ownUid = ownUid;
    this.maxFrame = maxFrame;
    this.largeFrames = new FrameBudget(maxFrame);
  }

  /** Binds the socket (replacing a stale one) and starts accepting. */
  public void start() throws IOException {
    Files.deleteIfExists(socketPath);
    server = AFUNIXServerSocket.newInstance();
    server.bind(AFUNIXSocketAddress.of(socketPath));
    Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
    acceptor = new Thread(this::acceptLoop, "gopm-rpc-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (!closing) {
      AFUNIXSocket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closing) {
          log.error("accept error", "error", e.getMessage());
        }
        continue;
      }
      admit(socket);
    }
  }

  private void admit(AFUNIXSocket socket) {
    CallContext.Peer peer;
    try {
      AFUNIXSocketCredentials credentials = socket.getPeerCredentials();
      peer = new CallContext.Peer(credentials.getUid(), credentials.getPid());
    } catch (IOException e) {
      refuse(socket, ErrorCode.UNAUTHORIZED, "cannot identify the connecting user");
      return;
    }
    if (peer.uid() != ownUid && peer.uid() != 0) {
      log.warn("connection refused: another user", "peer_uid", peer.uid(), "peer_pid", peer.pid());
      refuse(socket, ErrorCode.UNAUTHORIZED, "this daemon belongs to another user");
      return;
    }
    if (!slots.tryAcquire()) {
      log.warn("connection refused: too many connections", "peer_pid", peer.pid());
      refuse(socket, ErrorCode.INTERNAL, "too many connections (" + MAX_CONNECTIONS + "), try again");
      return;
    }
    try {
      RpcConnection connection =
          new RpcConnection(socket, peer, dispatcher, messages, maxFrame, largeFrames, log, slots::release);
      Thread thread = new Thread(connection, "gopm-rpc-" + connectionNumbers.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    } catch (IOException | RuntimeException e) {
      slots.release();
      closeQuietly(socket);
    } catch (OutOfMemoryError e) {
      // no thread for this connection (a limit of threads or processes): refuse it, keep accepting
      slots.release();
      log.error("connection refused: cannot create a thread", "error", e.getMessage());
      refuse(socket, ErrorCode.INTERNAL, "the daemon cannot create another thread (" + e.getMessage() + "), try again");
    }
  }

  private void refuse(AFUNIXSocket socket, ErrorCode code, String message) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(messages.error(null, code, message));
      out.write('\n');
      out.flush();
    } catch (IOException ignored) {
      // the refused client left already
    }
  }

  private static void closeQuietly(AFUNIXSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release
    }
  }

  /** Stops accepting and removes the socket file; open connections are left to finish. */
  @Override
  public void close() {
    closing = true;
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      Files.deleteIfExists(socketPath);
    } catch (IOException e) {
      log.warn("cannot remove socket", "path", socketPath, "error", e.getMessage());
    }
  }
}
