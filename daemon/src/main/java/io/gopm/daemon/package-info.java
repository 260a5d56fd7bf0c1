/**
 * The GoPM daemon: {@link io.gopm.daemon.DaemonMain} is its entry point and composition root; it
 * builds the supervisor, state store, RPC server and metrics sampler from the configuration and
 * runs them until a shutdown.
 */
package io.gopm.daemon;
