package io.gopm.cli.tui;

import io.gopm.cli.render.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/** A canvas of plain text cells (and their styles), for reading what the painter drew. */
final class TextCanvas implements Canvas {

  private final int width;
  private final int height;
  private final String[][] cells;
  private final Style[][] styles;
  int cursorX = -1;
  int cursorY = -1;

  TextCanvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.cells = new String[height][width];
    this.styles = new Style[height][width];
    clear();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void clear() {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        cells[y][x] = " ";
        styles[y][x] = Style.PLAIN;
      }
    }
    cursorX = -1;
    cursorY = -1;
  }

  @Override
  public void text(int x, int y, String text, Style style) {
    if (y < 0 || y >= height) {
      throw new AssertionError("row " + y + " is outside the " + width + "×" + height + " screen: " + text);
    }
    int cx = x;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp < ' ') {
        throw new AssertionError("control character " + cp + " drawn in: " + text);
      }
      String glyph = new String(Character.toChars(cp));
      if (cx >= 0 && cx < width) {
        cells[y][cx] = glyph;
        styles[y][cx] = style;
      }
      int w = DisplayWidth.of(glyph);
      if (w == 2 && cx + 1 < width && cx + 1 >= 0) {
        cells[y][cx + 1] = "";
      }
      cx += w;
      i += Character.charCount(cp);
    }
  }

  @Override
  public void cursor(int x, int y) {
    cursorX = x;
    cursorY = y;
  }

  /** Row {@code y} as text, trailing spaces kept. */
  String row(int y) {
    return String.join("", cells[y]);
  }

  List<String> rows() {
    List<String> rows = new ArrayList<>();
    for (int y = 0; y < height; y++) {
      rows.add(row(y));
    }
    return rows;
  }

  /** The whole screen, one line per row. */
  String screen() {
    return String.join("\n", rows());
  }

  /** The style of the first cell of the first occurrence of {@code text}, or null. */
  Style styleOf(String text) {
    for (int y = 0; y < height; y++) {
      int x = row(y).indexOf(text);
      if (x >= 0) {
        // row() joins one string per cell; map the string index back to a column
        int column = 0;
        int index = 0;
        while (index < x) {
          index += cells[y][column].length();
          column++;
        }
        return styles[y][column];
      }
    }
    return null;
  }
}
