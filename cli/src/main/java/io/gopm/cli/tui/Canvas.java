package io.gopm.cli.tui;

/**
 * A grid of character cells the painter draws on: the terminal's screen buffer, or a plain text
 * grid in tests.
 */
interface Canvas {

  int width();

  int height();

  /** Blanks every cell. */
  void clear();

  /**
   * Writes {@code text} from column {@code x} of row {@code y}, cut at the right edge. The text
   * holds no control characters; a wide character takes two columns.
   */
  void text(int x, int y, String text, Style style);

  /** Shows the text cursor at a cell (for a prompt); hidden unless called during a paint. */
  void cursor(int x, int y);
}
