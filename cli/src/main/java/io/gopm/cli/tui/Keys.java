package io.gopm.cli.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** Lanterna's key strokes as the model's {@link Key}s. */
final class Keys {

  private Keys() {}

  static Key of(KeyStroke stroke) {
    switch (stroke.getKeyType()) {
      case Character:
        char c = stroke.getCharacter();
        if (stroke.isCtrlDown() && (c == 'c' || c == 'C')) {
          return Key.of(Key.Kind.CTRL_C);
        }
        if (stroke.isCtrlDown() && (c == 'u' || c == 'U')) {
          return Key.of(Key.Kind.CLEAR_LINE);
        }
        if (stroke.isCtrlDown() || stroke.isAltDown()) {
          return Key.of(Key.Kind.OTHER);
        }
        return Key.typed(c);
      case ArrowUp:
        return Key.of(Key.Kind.UP);
      case ArrowDown:
        return Key.of(Key.Kind.DOWN);
      case PageUp:
        return Key.of(Key.Kind.PAGE_UP);
      case PageDown:
        return Key.of(Key.Kind.PAGE_DOWN);
      case Home:
        return Key.of(Key.Kind.HOME);
      case End:
        return Key.of(Key.Kind.END);
      case Enter:
        return Key.of(Key.Kind.ENTER);
      case Escape:
        return Key.of(Key.Kind.ESCAPE);
      case Tab:
        return Key.of(Key.Kind.TAB);
      case Backspace:
        return Key.of(Key.Kind.BACKSPACE);
      case EOF:
        return Key.of(Key.Kind.EOF);
      default:
        return Key.of(Key.Kind.OTHER);
    }
  }
}
