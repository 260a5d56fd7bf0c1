package io.gopm.console.connect;

/** Where a target's connection stands, as the sidebar and status bar show it. */
public enum ConnectionState {
  /** The first attempt is under way. */
  CONNECTING("connecting"),
  /** Talking to the daemon; the table is live. */
  CONNECTED("connected"),
  /** The connection was lost (daemon reboot, dropped tunnel); retrying, the table is stale. */
  RECONNECTING("reconnecting"),
  /** Could not connect; the reason says why. Retried slowly unless the reason is permanent. */
  FAILED("failed");

  private final String label;

  ConnectionState(String label) {
    this.label = label;
  }

  /** The lower-case word shown to the user. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
