package io.gopm.protocol.model;

/**
 * The answer to {@code kill}: the daemon is stopping. The connection stays open until the daemon
 * process has exited, so a client that reads to the end knows it is gone.
 */
public record KillResult(String status, int pid) {}
