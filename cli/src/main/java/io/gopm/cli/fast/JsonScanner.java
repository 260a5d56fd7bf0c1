package io.gopm.cli.fast;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough JSON for the fast path, over UTF-8 bytes: the members of an object as spans of the
 * text, and scalar values read from a span. It checks the structure it walks (strings, nesting,
 * literals, number characters) but builds no tree; malformed text throws {@link
 * IllegalArgumentException}, on which the fast path falls back to the full CLI. JSON is read with
 * jackson-core or databind everywhere else; this exists because their set-up costs more than the
 * rest of a fast command (docs/adr/0021).
 */
final class JsonScanner {

  /** A value's text: {@code text[from, to)}. */
  record Span(byte[] text, int from, int to) {

    /** The value's bytes, as they were sent. */
    byte[] bytes() {
      return java.util.Arrays.copyOfRange(text, from, to);
    }

    /** True for an object or an array. */
    boolean isContainer() {
      return text[from] == '{' || text[from] == '[';
    }
  }

  /** What {@link #scalar} returns for an object, an array or a number with a fraction. */
  static final Object NOT_SCALAR = new Object();

  private final byte[] text;
  private int at;

  private JsonScanner(byte[] text) {
    this.text = text;
  }

  /** The members of the object that is the whole of {@code text} (surrounding blanks allowed). */
  static Map<String, Span> members(byte[] text) {
    return members(new Span(text, 0, text.length));
  }

  /** The members of the object in {@code object}; a repeated name keeps its last value. */
  static Map<String, Span> members(Span object) {
    JsonScanner scanner = new JsonScanner(object.text());
    scanner.at = object.from();
    Map<String, Span> members = new HashMap<>();
    scanner.skipBlanks();
    scanner.expect('{');
    scanner.skipBlanks();
    if (scanner.peek() == '}') {
      scanner.at++;
    } else {
      while (true) {
        scanner.skipBlanks();
        int nameStart = scanner.at;
        scanner.skipString();
        String name = string(new Span(object.text(), nameStart, scanner.at));
        scanner.skipBlanks();
        scanner.expect(':');
        scanner.skipBlanks();
        int valueStart = scanner.at;
        scanner.skipValue();
        members.put(name, new Span(object.text(), valueStart, scanner.at));
        scanner.skipBlanks();
        if (scanner.peek() == ',') {
          scanner.at++;
        } else {
          scanner.expect('}');
          break;
        }
      }
    }
    scanner.skipBlanks();
    if (scanner.at != object.to()) {
      throw scanner.malformed("text after the object");
    }
    return members;
  }

  /**
   * A scalar value: a String, a Boolean, a Long (an integer), null for JSON {@code null}, or
   * {@link #NOT_SCALAR}.
   */
  static Object scalar(Span value) {
    byte first = value.text()[value.from()];
    if (first == '"') {
      return string(value);
    }
    if (first == 't' || first == 'f') {
      return first == 't';
    }
    if (first == 'n') {
      return null;
    }
    if (first == '-' || (first >= '0' && first <= '9')) {
      String number = new String(value.text(), value.from(), value.to() - value.from(), StandardCharsets.US_ASCII);
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException fraction) {
        return NOT_SCALAR;
      }
    }
    return NOT_SCALAR;
  }

  /** The decoded text of a string value (its span includes the quotes). */
  static String string(Span value) {
    byte[] text = value.text();
    int end = value.to() - 1;
    StringBuilder decoded = new StringBuilder(end - value.from());
    int run = value.from() + 1;
    for (int i = run; i < end; i++) {
      if (text[i] != '\\') {
        continue;
      }
      decoded.append(new String(text, run, i - run, StandardCharsets.UTF_8));
      char escape = (char) text[++i];
      switch (escape) {
        case 'b' -> decoded.append('\b');
        case 'f' -> decoded.append('\f');
        case 'n' -> decoded.append('\n');
        case 'r' -> decoded.append('\r');
        case 't' -> decoded.append('\t');
        case 'u' -> {
          decoded.append((char) Integer.parseInt(new String(text, i + 1, 4, StandardCharsets.US_ASCII), 16));
          i += 4;
        }
        default -> decoded.append(escape); // \" \\ \/
      }
      run = i + 1;
    }
    return decoded.append(new String(text, run, end - run, StandardCharsets.UTF_8)).toString();
  }

  private void skipValue() {
    byte c = peek();
    if (c == '{') {
      skipContainer('{', '}', true);
    } else if (c == '[') {
      skipContainer('[', ']', false);
    } else if (c == '"') {
      skipString();
    } else if (c == 't') {
      skipLiteral("true");
    } else if (c == 'f') {
      skipLiteral("false");
    } else if (c == 'n') {
      skipLiteral("null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      while (at < text.length && "0123456789+-.eE".indexOf(text[at]) >= 0) {
        at++;
      }
    } else {
      throw malformed("a value");
    }
  }

  private void skipContainer(char open, char close, boolean members) {
    expect(open);
    skipBlanks();
    if (peek() == close) {
      at++;
      return;
    }
    while (true) {
      skipBlanks();
      if (members) {
        skipString();
        skipBlanks();
        expect(':');
        skipBlanks();
      }
      skipValue();
      skipBlanks();
      if (peek() == ',') {
        at++;
      } else {
        expect(close);
        return;
      }
    }
  }

  private void skipString() {
    expect('"');
    while (true) {
      byte c = peek();
      at++;
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        if (peek() == 'u') {
          at += 4;
        }
        at++;
      } else if (c >= 0 && c < 0x20) {
        throw malformed("no control character in a string");
      }
    }
  }

  private void skipLiteral(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      expect(literal.charAt(i));
    }
  }

  private void skipBlanks() {
    while (at < text.length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
      at++;
    }
  }

  private byte peek() {
    if (at >= text.length) {
      throw malformed("more text");
    }
    return text[at];
  }

  private void expect(char c) {
    if (peek() != c) {
      throw malformed("'" + c + "'");
    }
    at++;
  }

  private IllegalArgumentException malformed(String expected) {
    return new IllegalArgumentException("malformed JSON at byte " + at + ": expected " + expected);
  }
}
