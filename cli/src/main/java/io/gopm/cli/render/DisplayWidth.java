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
        || (c >= 0x231A && c <= 0x231B)
        || (c >= 0x23E9 && c <= 0x23EC)
        || c == 0x23F0
        || c == 0x23F3
        || (c >= 0x25FD && c <= 0x25FE)
        || (c >= 0x2614 && c <= 0x2615)
        || (c >= 0x2648 && c <= 0x2653)
        || c == 0x267F
        || c == 0x2693
        || c == 0x26A1
        || (c >= 0x26AA && c <= 0x26AB)
        || (c >= 0x26BD && c <= 0x26BE)
        || (c >= 0x26C4 && c <= 0x26C5)
        || c == 0x26CE
        || c == 0x26D4
        || c == 0x26EA
        || (c >= 0x26F2 && c <= 0x26F3)
        || c == 0x26F5
        || c == 0x26FA
        || c == 0x26FD
        || c == 0x2705
        || (c >= 0x270A && c <= 0x270B)
        || c == 0x2728
        || c == 0x274C
        || c == 0x274E
        || (c >= 0x2753 && c <= 0x2755)
        || c == 0x2757
        || (c >= 0x2795 && c <= 0x2797)
        || c == 0x27B0
        || c == 0x27BF
        || (c >= 0x2B1B && c <= 0x2B1C)
        || c == 0x2B50
        || c == 0x2B55
        || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F680 && c <= 0x1F6FF)
        || (c >= 0x1F900 && c <= 0x1FAFF)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
