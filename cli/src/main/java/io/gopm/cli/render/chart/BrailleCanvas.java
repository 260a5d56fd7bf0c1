package io.gopm.cli.render.chart;

import io.gopm.cli.render.Ansi;

/**
 * A drawing surface of braille characters: each terminal cell holds 2×4 dots, so a canvas of
 * {@code columns × rows} cells has {@code 2·columns × 4·rows} dots, addressed from the top left.
 * Dots outside the canvas are ignored. Each cell takes the colour of the last dot set in it.
 *
 * <p>A cell is the character {@code U+2800} plus the bits of its dots:
 *
 * <pre>
 *   0x01 0x08
 *   0x02 0x10
 *   0x04 0x20
 *   0x40 0x80
 * </pre>
 *
 * <p>Not thread-safe.
 */
public final class BrailleCanvas {

  /** The first braille character, the empty cell. */
  static final char BLANK = '\u2800';

  /** The bit of a dot, by column within the cell (0 left, 1 right) and row (0 to 3). */
  private static final int[][] DOT_BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

  private final int columns;
  private final int rows;
  private final int[] bits;
  private final ChartColor[] colours;

  public BrailleCanvas(int columns, int rows) {
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("a canvas needs at least one cell, got " + columns + "×" + rows);
    }
    this.columns = columns;
    this.rows = rows;
    this.bits = new int[columns * rows];
    this.colours = new ChartColor[columns * rows];
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  /** Dots across: two per cell. */
  public int dotWidth() {
    return columns * 2;
  }

  /** Dots down: four per cell. */
  public int dotHeight() {
    return rows * 4;
  }

  /** Sets the dot at ({@code x}, {@code y}) without changing the cell's colour. */
  public void set(int x, int y) {
    set(x, y, null);
  }

  /** Sets the dot at ({@code x}, {@code y}) and, unless {@code colour} is null, colours its cell. */
  public void set(int x, int y, ChartColor colour) {
    if (x < 0 || y < 0 || x >= dotWidth() || y >= dotHeight()) {
      return;
    }
    int cell = (y / 4) * columns + x / 2;
    bits[cell] |= DOT_BITS[x % 2][y % 4];
    if (colour != null) {
      colours[cell] = colour;
    }
  }

  /** Sets every dot of the straight line between two dots, both ends included (Bresenham). */
  public void line(int x0, int y0, int x1, int y1, ChartColor colour) {
    int dx = Math.abs(x1 - x0);
    int dy = -Math.abs(y1 - y0);
    int stepX = x0 < x1 ? 1 : -1;
    int stepY = y0 < y1 ? 1 : -1;
    int error = dx + dy;
    int x = x0;
    int y = y0;
    while (true) {
      set(x, y, colour);
      if (x == x1 && y == y1) {
        return;
      }
      int doubled = 2 * error;
      if (doubled >= dy) {
        error += dy;
        x += stepX;
      }
      if (doubled <= dx) {
        error += dx;
        y += stepY;
      }
    }
  }

  /** The braille character of a cell ({@link #BLANK} when no dot is set). */
  public char cell(int column, int row) {
    return (char) (BLANK + bits[index(column, row)]);
  }

  /** The colour of a cell, or null when none was given. */
  public ChartColor colour(int column, int row) {
    return colours[index(column, row)];
  }

  /**
   * One row of cells as text, exactly {@link #columns()} wide: empty cells as spaces, others in
   * their colour when colours are on.
   */
  public String row(int row, Ansi ansi) {
    StringBuilder out = new StringBuilder(columns);
    ChartColor runColour = null;
    StringBuilder run = new StringBuilder();
    for (int column = 0; column < columns; column++) {
      int cell = index(column, row);
      ChartColor colour = bits[cell] == 0 ? null : colours[cell];
      if (colour != runColour) {
        flush(out, run, runColour, ansi);
        runColour = colour;
      }
      run.append(bits[cell] == 0 ? ' ' : (char) (BLANK + bits[cell]));
    }
    flush(out, run, runColour, ansi);
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder run, ChartColor colour, Ansi ansi) {
    if (run.length() > 0) {
      out.append(colour == null ? run.toString() : colour.paint(run.toString(), ansi));
      run.setLength(0);
    }
  }

  private int index(int column, int row) {
    if (column < 0 || row < 0 || column >= columns || row >= rows) {
      throw new IndexOutOfBoundsException("cell " + column + "," + row + " outside " + columns + "×" + rows);
    }
    return row * columns + column;
  }
}
