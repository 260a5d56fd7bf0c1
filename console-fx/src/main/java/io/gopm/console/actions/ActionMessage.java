package io.gopm.console.actions;

/**
 * What the last action came to, for the status bar: {@code Stopped api} or the daemon's error.
 *
 * @param error true when the action failed
 */
public record ActionMessage(String text, boolean error) {

  public static ActionMessage ok(String text) {
    return new ActionMessage(text, false);
  }

  public static ActionMessage failed(String text) {
    return new ActionMessage(text, true);
  }
}
