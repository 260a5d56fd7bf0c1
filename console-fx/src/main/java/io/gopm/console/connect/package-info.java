/**
 * Reaching daemons: {@link io.gopm.console.connect.Target} (what the user names), {@link
 * io.gopm.console.connect.DaemonLink} (how connections are made: a local socket, an SSH tunnel the
 * console runs, a forwarded TCP port) and {@link io.gopm.console.connect.HostSession} (one open
 * target: polling, reconnection through {@link io.gopm.console.connect.ReconnectPolicy}, actions).
 * Nothing here touches JavaFX; results reach the UI thread through the task runner.
 */
package io.gopm.console.connect;
