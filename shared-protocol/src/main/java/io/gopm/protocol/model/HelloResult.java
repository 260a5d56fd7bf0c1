package io.gopm.protocol.model;

/** The daemon's side of the handshake. */
public record HelloResult(int protocol, String version, int pid) {}
