package io.gopm.protocol.procfs;

/**
 * The boxed sections of {@code gopm pid}'s text: a header {@code +- Title ----+}, rows {@code |
 * key  value} (no right border) and a footer followed by a blank line.
 */
final class TextBox {

  /** The width of the key column of a row. */
  static final int KEY_WIDTH = 17;

  private static final int HEADER_DASHES = 64;
  private static final int FOOTER_DASHES = 68;

  private final StringBuilder text = new StringBuilder();

  /** A line outside any section. */
  TextBox line(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** {@code   +- <title> } and dashes up to the same right edge for any short title. */
  TextBox open(String title) {
    return line("  +- " + title + " " + "-".repeat(Math.max(0, HEADER_DASHES - title.length())) + "+");
  }

  /** A key (padded to {@value #KEY_WIDTH} columns) and its value. */
  TextBox row(String key, String value) {
    return cells(pad(key, KEY_WIDTH) + " " + value);
  }

  /** A row laid out by the caller (table rows). */
  TextBox cells(String content) {
    return line("  | " + content);
  }

  TextBox close() {
    return line("  +" + "-".repeat(FOOTER_DASHES) + "+").line("");
  }

  /** {@code value} left-aligned in {@code width} columns (never cut). */
  static String pad(String value, int width) {
    return value.length() >= width ? value : value + " ".repeat(width - value.length());
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
