package io.gopm.daemon.mcp;

import io.gopm.protocol.rpc.RpcMethod;

/**
 * The daemon's protocol, called in-process: MCP tools use the same typed methods and handlers as
 * the CLI, so they validate and behave the same.
 */
@FunctionalInterface
interface DaemonCalls {

  /**
   * Calls {@code method}.
   *
   * @throws io.gopm.protocol.rpc.RpcException the daemon's error
   */
  <P, R> R call(RpcMethod<P, R> method, P params);
}
