package io.gopm.cli.tui;

/**
 * How a piece of text looks. The terminal canvas maps it to colours and attributes, or draws
 * everything plain when colours are off ({@code NO_COLOR}).
 *
 * @param highlight the selected row's background
 */
record Style(Color color, boolean bold, boolean dim, boolean highlight) {

  /** The few colours the UI uses: the terminal's own palette, so themes apply. */
  enum Color {
    DEFAULT,
    GREEN,
    YELLOW,
    RED,
    CYAN,
    GRAY
  }

  static final Style PLAIN = new Style(Color.DEFAULT, false, false, false);
  static final Style BOLD = new Style(Color.DEFAULT, true, false, false);
  static final Style DIM = new Style(Color.DEFAULT, false, true, false);
  static final Style BORDER = new Style(Color.GRAY, false, false, false);
  static final Style FOCUS_BORDER = new Style(Color.CYAN, true, false, false);
  static final Style TITLE = new Style(Color.CYAN, true, false, false);
  static final Style KEY = new Style(Color.CYAN, true, false, false);
  static final Style ONLINE = new Style(Color.GREEN, false, false, false);
  static final Style STOPPED = new Style(Color.YELLOW, false, false, false);
  static final Style ERRORED = new Style(Color.RED, false, false, false);
  static final Style ERROR = new Style(Color.RED, true, false, false);
  static final Style WARNING = new Style(Color.YELLOW, true, false, false);

  /** The same style on the selected row's background. */
  Style highlighted() {
    return new Style(color, bold, dim, true);
  }
}
