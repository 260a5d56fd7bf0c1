package io.gopm.cli.tui;

/**
 * One key press, independent of the terminal library, so the model can be driven by tests.
 *
 * @param kind what was pressed
 * @param character the typed character for {@link Kind#CHARACTER}, else {@code 0}
 */
record Key(Kind kind, char character) {

  /** The keys the UI distinguishes; everything else arrives as {@link #OTHER}. */
  enum Kind {
    CHARACTER,
    UP,
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    HOME,
    END,
    ENTER,
    ESCAPE,
    TAB,
    BACKSPACE,
    /** Ctrl+U: empties a prompt's line. */
    CLEAR_LINE,
    CTRL_C,
    /** The terminal's input ended (the terminal went away). */
    EOF,
    OTHER
  }

  static Key of(Kind kind) {
    return new Key(kind, '\0');
  }

  static Key typed(char character) {
    return new Key(Kind.CHARACTER, character);
  }

  /** True for the typed character {@code c}. */
  boolean is(char c) {
    return kind == Kind.CHARACTER && character == c;
  }
}
