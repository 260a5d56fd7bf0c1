package io.gopm.protocol.model;

/**
 * The answer to {@code reboot}: the state was saved with {@code saved} processes and the daemon is
 * stopping them and exiting. As with {@code kill}, the connection stays open until it has exited.
 */
public record RebootResult(String status, int saved, int pid) {}
