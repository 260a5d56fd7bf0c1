package io.gopm.protocol.model;

/**
 * The first exchange on a connection: the client's protocol version and its name (for the audit
 * trail in {@code daemon.log}).
 */
public record HelloRequest(int protocol, String client) {}
