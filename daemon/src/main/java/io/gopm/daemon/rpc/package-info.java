/**
 * The daemon's side of the protocol: {@link io.gopm.daemon.rpc.RpcServer} accepts connections on
 * the Unix socket and checks who connects, {@link io.gopm.daemon.rpc.RpcDispatcher} routes each
 * request to the handler registered for its typed method, and the handlers ({@link
 * io.gopm.daemon.rpc.ProcessHandlers}, {@link io.gopm.daemon.rpc.LogHandlers}, {@link
 * io.gopm.daemon.rpc.DaemonHandlers}) turn calls into supervisor work.
 */
package io.gopm.daemon.rpc;
