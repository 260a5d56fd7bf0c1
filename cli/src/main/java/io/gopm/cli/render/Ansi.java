package io.gopm.cli.render;

import io.gopm.protocol.model.ProcessStatus;

/**
 * ANSI colours for human output, or none: colours are on only for a terminal and when {@code
 * NO_COLOR} is not set (https://no-color.org).
 */
public final class Ansi {

  private static final String RESET = "\u001b[0m";

  private final boolean enabled;

  public Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  /** Colours for a stream that is a terminal, unless the environment sets {@code NO_COLOR}. */
  public static Ansi forStream(boolean terminal, java.util.Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return new Ansi(terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM")));
  }

  public boolean enabled() {
    return enabled;
  }

  public String bold(String text) {
    return wrap("1", text);
  }

  public String dim(String text) {
    return wrap("2", text);
  }

  public String red(String text) {
    return wrap("31", text);
  }

  public String green(String text) {
    return wrap("32", text);
  }

  public String yellow(String text) {
    return wrap("33", text);
  }

  public String cyan(String text) {
    return wrap("36", text);
  }

  public String boldCyan(String text) {
    return wrap("1;36", text);
  }

  /** The status word in its colour: online green, stopped yellow, errored red. */
  public String status(ProcessStatus status) {
    switch (status) {
      case ONLINE:
        return green(status.wireName());
      case STOPPED:
        return yellow(status.wireName());
      case ERRORED:
        return red(status.wireName());
      default:
        return status.wireName();
    }
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + RESET : text;
  }

  /** {@code text} without ANSI escape sequences. */
  public static String strip(String text) {
    if (text.indexOf('\u001b') < 0) {
      return text;
    }
    StringBuilder plain = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u001b' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < text.length() && !Character.isLetter(text.charAt(j))) {
          j++;
        }
        i = j;
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
