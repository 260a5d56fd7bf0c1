/**
 * What the daemon tells the world about itself: {@link io.gopm.daemon.events.ProcessEvent}s
 * published by the supervisor, and {@code daemon.log} ({@link io.gopm.daemon.events.DaemonLog}),
 * written by {@link io.gopm.daemon.events.DaemonLogListener} and by the daemon's own components.
 */
package io.gopm.daemon.events;
