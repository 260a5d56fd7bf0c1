package io.gopm.cli.tui;

import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.DisplayWidth;

/** Column arithmetic for terminal text: widths, cutting with an ellipsis, padding, cleaning. */
final class Text {

  private Text() {}

  /** Columns {@code text} takes on a terminal. */
  static int width(String text) {
    return DisplayWidth.of(text);
  }

  /** {@code text} cut to at most {@code columns} columns, ending in {@code …} when cut. */
  static String fit(String text, int columns) {
    if (columns <= 0) {
      return "";
    }
    if (width(text) <= columns) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = DisplayWidth.of(new String(Character.toChars(cp)));
      if (used + w > columns - 1) {
        break;
      }
      out.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  /** {@code text} padded with spaces on the right to {@code columns} columns (never cut). */
  static String padRight(String text, int columns) {
    int missing = columns - width(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }

  /** {@code text} padded with spaces on the left to {@code columns} columns (never cut). */
  static String padLeft(String text, int columns) {
    int missing = columns - width(text);
    return missing <= 0 ? text : " ".repeat(missing) + text;
  }

  /**
   * A line as a program wrote it, made safe to draw: colour codes removed, tabs expanded to
   * spaces, other control characters shown as {@code ?}.
   */
  static String clean(String line) {
    String plain = Ansi.strip(line);
    StringBuilder out = null;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c < ' ' || c == 127) {
        if (out == null) {
          out = new StringBuilder(plain.length() + 8).append(plain, 0, i);
        }
        out.append(c == '\t' ? "    " : "?");
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? plain : out.toString();
  }
}
