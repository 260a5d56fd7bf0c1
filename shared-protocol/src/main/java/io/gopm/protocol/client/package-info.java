/**
 * Talking to a daemon: {@link io.gopm.protocol.client.DaemonConnector} finds (or starts) the
 * daemon of a home, {@link io.gopm.protocol.client.SocketDaemonClient} makes typed calls over its
 * Unix socket. Used by the CLI, the terminal UI and the console.
 */
package io.gopm.protocol.client;
