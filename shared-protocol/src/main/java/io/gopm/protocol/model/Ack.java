package io.gopm.protocol.model;

/** The answer of requests that only succeed or fail: {@code {"success":true}}. */
public record Ack(boolean success) {
  public static final Ack OK = new Ack(true);
}
