package io.gopm.console.connect;

import io.gopm.protocol.client.DaemonClient;

/** Work done with one connection to a daemon (a call or a few), on a background thread. */
@FunctionalInterface
public interface DaemonCall<T> {
  T apply(DaemonClient daemon) throws Exception;
}
