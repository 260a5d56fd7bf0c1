package io.gopm.protocol.model;

/**
 * Names the processes a request acts on: {@code all}, a name, or an ID (resolved in that order by
 * the daemon).
 */
public record TargetRequest(String target) {}
