/**
 * The contract between the GoPM daemon and its clients (the CLI, the terminal UI, the console):
 * where a daemon lives ({@link io.gopm.protocol.GopmHome}) and which version it is ({@link
 * io.gopm.protocol.GopmVersion}). Sub-packages hold the wire model, the RPC methods, the JSON codec,
 * the socket client and the shared formats.
 */
package io.gopm.protocol;
