package io.gopm.console.connect;

import io.gopm.console.Workstation;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Connections to a daemon on another host through {@code ssh -N -L}, which the link starts (and
 * starts again when it has died). The remote socket's path is asked from the host once ({@code
 * $GOPM_HOME/gopm.sock} or {@code ~/.gopm/gopm.sock}) unless the target names it. The local end is
 * a Unix socket in a private directory ({@code 0700}, the socket {@code 0600}); on Windows, a
 * loopback TCP port.
 *
 * <p>The daemon checks the user of each connection: through the tunnel it is the ssh login, so
 * the login must be the daemon's user (or root).
 *
 * <p>Thread-safe; the tunnel is started under the link's lock, connections are made outside it.
 */
public final class SshTunnelLink implements DaemonLink {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration TUNNEL_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 20;
  private static final int STDERR_LINES = 20;

  private final Target.Ssh target;
  private final Workstation workstation;
  private final SshCommand ssh;
  private final RpcMessages messages;
  private final String clientName;
  private final Deque<String> stderr = new ArrayDeque<>();
  private volatile long lastStderrNanos;
  private Path tunnelDir;
  private String remoteSocket;
  private volatile Process tunnel;
  private String localEnd;
  private volatile boolean closed;

  public SshTunnelLink(
      Target.Ssh target, Workstation workstation, SshOptions options, RpcMessages messages, String clientName) {
    this.target = target;
    this.workstation = workstation;
    this.ssh = new SshCommand(workstation.sshExecutable(), target, options);
    this.messages = messages;
    this.clientName = clientName;
    this.remoteSocket = target.remoteSocket();
  }

  @Override
  public DaemonClient open() throws LinkException {
    String end = ensureTunnel();
    if (workstation.forwardsToUnixSockets()) {
      try {
        return UnixSocketLink.connect(Path.of(end), messages, clientName);
      } catch (LinkException e) {
        throw new LinkException("tunnel to " + target.label() + ": " + e.getMessage() + lastStderr(), e);
      }
    }
    int colon = end.lastIndexOf(':');
    try {
      return TcpLink.connect(end.substring(0, colon), Integer.parseInt(end.substring(colon + 1)), messages, clientName);
    } catch (IOException e) {
      throw new LinkException("tunnel to " + target.label() + ": " + e.getMessage() + lastStderr(), e);
    }
  }

  /** The running ssh process of the tunnel, if any (tests end it to check reconnection). */
  public synchronized Optional<ProcessHandle> tunnelProcess() {
    return tunnel != null && tunnel.isAlive() ? Optional.of(tunnel.toHandle()) : Optional.empty();
  }

  @Override
  public String hint() {
    if (System.nanoTime() - lastStderrNanos > TimeUnit.SECONDS.toNanos(3)) {
      return "";
    }
    return lastStderr();
  }

  @Override
  public synchronized String describe() {
    return "ssh tunnel to " + target.label() + (remoteSocket == null ? "" : ":" + remoteSocket);
  }

  @Override
  public void close() {
    closed = true;
    Process running = tunnel;
    if (running != null) {
      running.destroy();
    }
    synchronized (this) {
      closeLocked();
    }
  }

  private void closeLocked() {
    stopTunnel();
    if (tunnelDir != null) {
      try (Stream<Path> files = Files.list(tunnelDir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(tunnelDir);
      } catch (IOException ignored) {
        // a temporary directory we could not remove: nothing to tell the user
      }
    }
  }

  /** Starts ssh unless it runs; the local end of the tunnel once it accepts connections. */
  private synchronized String ensureTunnel() throws LinkException {
    if (closed) {
      throw new LinkException("closed", true);
    }
    if (tunnel != null && tunnel.isAlive()) {
      return localEnd;
    }
    stopTunnel();
    if (remoteSocket == null) {
      remoteSocket = probeRemoteSocket();
    }
    localEnd = newLocalEnd();
    List<String> command = ssh.tunnel(localEnd, remoteSocket);
    stderr.clear();
    try {
      tunnel = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new LinkException("cannot run " + command.get(0) + ": " + e.getMessage() + " (install an OpenSSH client)", true);
    }
    closeQuietly(tunnel.getOutputStream());
    collectStderr(tunnel.getErrorStream());
    long deadline = System.nanoTime() + TUNNEL_TIMEOUT.toNanos();
    while (!ready()) {
      if (closed) {
        stopTunnel();
        throw new LinkException("closed", true);
      }
      if (!tunnel.isAlive()) {
        waitForStderr();
        String reason = lastStderrLine();
        throw new LinkException(
            "ssh " + target.label() + " exited with status " + tunnel.exitValue() + (reason.isEmpty() ? "" : ": " + reason),
            isPermanent(reason));
      }
      if (System.nanoTime() > deadline) {
        stopTunnel();
        throw new LinkException("ssh " + target.label() + " did not open the tunnel within " + TUNNEL_TIMEOUT.toSeconds() + "s", false);
      }
      pause();
    }
    return localEnd;
  }

  private boolean ready() {
    if (workstation.forwardsToUnixSockets()) {
      return Files.exists(Path.of(localEnd));
    }
    int colon = localEnd.lastIndexOf(':');
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(localEnd.substring(0, colon), Integer.parseInt(localEnd.substring(colon + 1))), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Asks the host where its daemon's socket is. */
  private String probeRemoteSocket() throws LinkException {
    List<String> command = ssh.probe();
    Process probe;
    try {
      probe = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new LinkException("cannot run " + command.get(0) + ": " + e.getMessage() + " (install an OpenSSH client)", true);
    }
    closeQuietly(probe.getOutputStream());
    try {
      StreamText out = new StreamText(probe.getInputStream());
      StreamText err = new StreamText(probe.getErrorStream());
      if (!probe.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        probe.destroyForcibly();
        throw new LinkException("ssh " + target.label() + " did not answer within " + PROBE_TIMEOUT.toSeconds() + "s", false);
      }
      String error = lastLine(err.text());
      if (probe.exitValue() != 0) {
        throw new LinkException(
            "ssh " + target.label() + " failed (status " + probe.exitValue() + ")" + (error.isEmpty() ? "" : ": " + error),
            isPermanent(error));
      }
      String path = lastLine(out.text());
      if (!path.startsWith("/") || path.contains(":")) {
        throw new LinkException("ssh " + target.label() + ": unexpected answer for the socket path: \"" + path + "\"", true);
      }
      return path;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      probe.destroyForcibly();
      throw new LinkException("interrupted", false);
    }
  }

  private String newLocalEnd() throws LinkException {
    if (workstation.forwardsToUnixSockets()) {
      try {
        if (tunnelDir == null || !Files.isDirectory(tunnelDir)) {
          tunnelDir = workstation.newTunnelDir();
        }
        Path socket = tunnelDir.resolve("gopm.sock");
        Files.deleteIfExists(socket);
        return socket.toString();
      } catch (IOException e) {
        throw new LinkException("cannot make a directory for the tunnel: " + e.getMessage(), true);
      }
    }
    try (ServerSocket free = new ServerSocket()) {
      free.bind(new InetSocketAddress("127.0.0.1", 0));
      return "127.0.0.1:" + free.getLocalPort();
    } catch (IOException e) {
      throw new LinkException("cannot find a free local port for the tunnel: " + e.getMessage(), false);
    }
  }

  private void stopTunnel() {
    if (tunnel != null) {
      tunnel.destroy();
      try {
        if (!tunnel.waitFor(2, TimeUnit.SECONDS)) {
          tunnel.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tunnel.destroyForcibly();
      }
      tunnel = null;
    }
  }

  /** Failures that retrying cannot fix: the key is refused, the host key is unknown or changed. */
  static boolean isPermanent(String sshMessage) {
    return sshMessage.contains("Permission denied")
        || sshMessage.contains("Host key verification failed")
        || sshMessage.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
        || sshMessage.contains("Could not resolve hostname");
  }

  private void collectStderr(InputStream in) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (stderr) {
                    if (stderr.size() == STDERR_LINES) {
                      stderr.removeFirst();
                    }
                    stderr.addLast(line.strip());
                    lastStderrNanos = System.nanoTime();
                    stderr.notifyAll();
                  }
                }
              } catch (IOException ignored) {
                // ssh ended
              }
            },
            "gopm-console-ssh-" + target.host());
    reader.setDaemon(true);
    reader.start();
  }

  /** ssh has exited: give its stderr a moment to be read (bounded, not a fixed sleep). */
  private void waitForStderr() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    synchronized (stderr) {
      while (stderr.isEmpty() && System.nanoTime() < deadline) {
        try {
          stderr.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private String lastStderrLine() {
    synchronized (stderr) {
      for (var it = stderr.descendingIterator(); it.hasNext(); ) {
        String line = it.next();
        if (!line.isEmpty() && !line.startsWith("Warning: Permanently added")) {
          return line;
        }
      }
      return "";
    }
  }

  private String lastStderr() {
    String line = lastStderrLine();
    return line.isEmpty() ? "" : " (ssh: " + line + ")";
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("Warning: Permanently added")) {
        return line;
      }
    }
    return "";
  }

  private static void pause() throws LinkException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkException("interrupted", false);
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // nothing to say
    }
  }

  /** Reads a stream to its end on a thread of its own. */
  private static final class StreamText {
    private final Thread thread;
    private final StringBuilder text = new StringBuilder();

    StreamText(InputStream in) {
      thread =
          new Thread(
              () -> {
                try (in) {
                  String read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                  synchronized (text) {
                    text.append(read);
                  }
                } catch (IOException ignored) {
                  // ssh ended
                }
              },
              "gopm-console-ssh-probe");
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(PROBE_TIMEOUT.toMillis());
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
