/**
 * The protocol's methods and errors: {@link io.gopm.protocol.rpc.RpcMethods} holds one typed
 * {@link io.gopm.protocol.rpc.RpcMethod} per method, shared by the daemon's dispatcher and every
 * client; {@link io.gopm.protocol.rpc.ErrorCode} lists the stable error codes.
 */
package io.gopm.protocol.rpc;
