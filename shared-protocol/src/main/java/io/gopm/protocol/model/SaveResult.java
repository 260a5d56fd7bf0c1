package io.gopm.protocol.model;

/** The answer to {@code save}: {@code dump.json} was written with {@code count} processes. */
public record SaveResult(boolean saved, int count) {}
