package io.gopm.console.connect;

/**
 * No connection could be made to a target's daemon. The message is for the user ({@code no
 * daemon at /home/u/.gopm/gopm.sock}); {@link #permanent()} is true when trying again cannot help
 * until the user changes something (ssh refused the key, the host key is unknown).
 */
public final class LinkException extends Exception {

  private final boolean permanent;

  public LinkException(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  public LinkException(String message, Throwable cause) {
    super(message, cause);
    this.permanent = false;
  }

  public boolean permanent() {
    return permanent;
  }
}
