package io.gopm.cli.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;

/**
 * The canvas of a Lanterna screen's back buffer. With colours off ({@code NO_COLOR}) every cell
 * keeps the terminal's default colours and attributes. Used on the UI thread only.
 */
final class LanternaCanvas implements Canvas {

  /** The selected row's background: a dark grey of the 256-colour palette. */
  private static final TextColor HIGHLIGHT = new TextColor.Indexed(236);

  private final Screen screen;
  private final boolean colours;
  private TextGraphics graphics;
  private TerminalSize size;
  private TerminalPosition cursor;

  LanternaCanvas(Screen screen, boolean colours) {
    this.screen = screen;
    this.colours = colours;
  }

  /** Starts a frame for the screen's current size. */
  void begin(TerminalSize size) {
    this.size = size;
    this.graphics = screen.newTextGraphics();
    this.cursor = null;
  }

  /** Where the prompt wants the cursor, or null to hide it. */
  TerminalPosition cursor() {
    return cursor;
  }

  @Override
  public int width() {
    return size.getColumns();
  }

  @Override
  public int height() {
    return size.getRows();
  }

  @Override
  public void clear() {
    apply(Style.PLAIN);
    graphics.fill(' ');
  }

  @Override
  public void text(int x, int y, String text, Style style) {
    if (y < 0 || y >= height() || x >= width()) {
      return;
    }
    apply(style);
    graphics.putString(x, y, text);
  }

  @Override
  public void cursor(int x, int y) {
    cursor = new TerminalPosition(Math.min(x, width() - 1), y);
  }

  private void apply(Style style) {
    graphics.clearModifiers();
    graphics.setForegroundColor(TextColor.ANSI.DEFAULT);
    graphics.setBackgroundColor(TextColor.ANSI.DEFAULT);
    if (!colours) {
      return;
    }
    graphics.setForegroundColor(style.dim() ? TextColor.ANSI.BLACK_BRIGHT : color(style.color()));
    if (style.highlight()) {
      graphics.setBackgroundColor(HIGHLIGHT);
    }
    if (style.bold()) {
      graphics.enableModifiers(SGR.BOLD);
    }
  }

  private static TextColor color(Style.Color color) {
    switch (color) {
      case GREEN:
        return TextColor.ANSI.GREEN;
      case YELLOW:
        return TextColor.ANSI.YELLOW;
      case RED:
        return TextColor.ANSI.RED;
      case CYAN:
        return TextColor.ANSI.CYAN;
      case GRAY:
        return TextColor.ANSI.BLACK_BRIGHT;
      default:
        return TextColor.ANSI.DEFAULT;
    }
  }
}
