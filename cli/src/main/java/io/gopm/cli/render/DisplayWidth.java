package io.gopm.cli.render;

/**
 * How many terminal columns text takes: escape sequences take none, combining marks none, East
 * Asian wide characters and most emoji two.
 */
public final class DisplayWidth {

  private DisplayWidth() {}

  public static int of(String text) {
    String plain = Ansi.strip(text);
    int width = 0;
    for (int i = 0; i < plain.length(); ) {
      int codePoint = plain.codePointAt(i);
      i += Character.charCount(codePoint);
      width += columns(codePoint);
    }
    return width;
  }

  static int columns(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || codePoint == 0x200B) {
      return 0;
    }
    if (Character.isISOControl(codePoint)) {
      return 0;
    }
    return isWide(codePoint) ? 2 : 1;
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F900 && c <= 0x1F9FF)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
