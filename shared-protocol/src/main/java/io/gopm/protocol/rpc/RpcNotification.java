package io.gopm.protocol.rpc;

/**
 * A notification the daemon sends on a streaming call (a JSON-RPC request without {@code id}).
 *
 * @param <N> the parameter record
 */
public record RpcNotification<N>(String name, Class<N> paramsType) {}
