package io.gopm.protocol.client;

import io.gopm.protocol.GopmHome;
import io.gopm.protocol.rpc.RpcMessages;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the daemon of a {@link GopmHome}, starting it when it is not running.
 *
 * <p>Starting runs the daemon command detached in its own session ({@code setsid}), with its
 * output appended to {@code daemon.log}, then connects as soon as the socket answers. The daemon
 * itself takes the lock on {@code daemon.pid} and cleans up a stale socket, so two clients
 * starting it at once end up with one daemon. A daemon that exits during start-up is reported
 * with what it wrote to {@code daemon.log}.
 */
public final class DaemonConnector {

  /** The daemon's exit status when another daemon already holds the home's lock. */
  public static final int EXIT_ALREADY_RUNNING = 3;

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private final GopmHome home;
  private final RpcMessages messages;
  private final String clientName;
  private final Consumer<String> trace;

  public DaemonConnector(GopmHome home, RpcMessages messages, String clientName, Consumer<String> trace) {
    this.home = home;
    this.messages = messages;
    this.clientName = clientName;
    this.trace = trace;
  }

  /** A connection to the running daemon, or empty when none answers. */
  public Optional<DaemonClient> connectIfRunning() {
    try {
      return Optional.of(SocketDaemonClient.connect(home.socket(), messages, clientName, trace));
    } catch (IOException | RuntimeException e) {
      trace.accept("no daemon at " + home.socket() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Connects, starting the daemon with {@code daemonCommand} first if none is running.
   *
   * @param daemonCommand the command that runs a daemon in the foreground ({@code gopm --daemon})
   * @param timeout how long to wait for a started daemon to answer
   * @throws DaemonUnavailableException with the reason the daemon did not come up
   */
  public DaemonClient connectOrStart(List<String> daemonCommand, Duration timeout) {
    Optional<DaemonClient> running = connectIfRunning();
    if (running.isPresent()) {
      return running.get();
    }
    long logOffset;
    try {
      home.ensureExists();
      Path log = home.daemonLog();
      if (!Files.exists(log)) {
        try {
          Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
          // another client starting the daemon at the same moment created it first
        }
      }
      logOffset = Files.size(log);
    } catch (IOException e) {
      throw new DaemonUnavailableException("failed to start daemon: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Process daemon = spawn(daemonCommand);
    while (true) {
      Optional<DaemonClient> client = connectIfRunning();
      if (client.isPresent()) {
        return client.get();
      }
      if (daemon != null && !daemon.isAlive()) {
        int status = daemon.exitValue();
        if (status != EXIT_ALREADY_RUNNING) {
          throw new DaemonUnavailableException(
              "failed to start daemon (exit status " + status + ")" + startupOutput(logOffset));
        }
        // another daemon holds the lock: one started at the same moment, or one still shutting
        // down; wait for it to answer, or to be gone so a new one can start
        daemon = null;
      }
      if (daemon == null && !lockHolderAlive()) {
        daemon = spawn(daemonCommand);
      }
      if (System.nanoTime() > deadline) {
        if (daemon == null && lockHolderAlive()) {
          throw new DaemonUnavailableException(
              "the previous daemon of " + home.dir() + " is still shutting down; try again in a moment");
        }
        throw new DaemonUnavailableException(
            "daemon failed to start within " + timeout.toSeconds() + "s" + startupOutput(logOffset));
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DaemonUnavailableException("interrupted while waiting for the daemon");
      }
    }
  }

  /** Runs the daemon command detached in its own session, its output appended to daemon.log. */
  private Process spawn(List<String> daemonCommand) {
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.addAll(daemonCommand);
    trace.accept("starting daemon: " + String.join(" ", command));
    try {
      return new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(home.daemonLog().toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new DaemonUnavailableException("failed to start daemon: " + e.getMessage(), e);
    }
  }

  /** True while the process named in daemon.pid is alive (it holds the home's lock). */
  private boolean lockHolderAlive() {
    try {
      String text = Files.readString(home.pidFile()).trim();
      return ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** What the daemon wrote to daemon.log since it was started, for the error message. */
  private String startupOutput(long offset) {
    try (RandomAccessFile file = new RandomAccessFile(home.daemonLog().toFile(), "r")) {
      long length = file.length();
      long from = Math.max(offset, length - 4096);
      if (length <= from) {
        return " (see " + home.daemonLog() + ")";
      }
      byte[] bytes = new byte[(int) (length - from)];
      file.seek(from);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      return ":\n" + text;
    } catch (IOException e) {
      return " (see " + home.daemonLog() + ")";
    }
  }
}
