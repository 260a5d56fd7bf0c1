package io.gopm.console.connect;

import io.gopm.protocol.client.DaemonClient;

/**
 * How the console reaches one target's daemon: it opens connections, setting up (and keeping up)
 * whatever carries them, such as an SSH tunnel. Thread-safe: the poll thread, the action thread
 * and log followers of a target open connections at the same time.
 */
public interface DaemonLink extends AutoCloseable {

  /**
   * A new connection to the daemon.
   *
   * @throws LinkException saying why none could be made
   */
  DaemonClient open() throws LinkException;

  /** What carries the connections, for the status bar ({@code socket /home/u/.gopm/gopm.sock}). */
  String describe();

  /**
   * What the carrier last said about a failure (ssh's last error line), for the reason shown to
   * the user; empty when it has nothing recent to add.
   */
  default String hint() {
    return "";
  }

  /** Ends what the link set up (the tunnel); connections opened before fail from then on. */
  @Override
  void close();
}
