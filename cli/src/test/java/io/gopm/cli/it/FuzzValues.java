package io.gopm.cli.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile JSON for the fuzz tests, as raw text so that it can also be what no JSON library would
 * write: huge and out-of-range numbers, huge strings, deep nesting, lone surrogates, control
 * characters, and bytes that are not UTF-8. Everything is drawn from the caller's seeded {@link
 * Random}, so a run replays from its seed.
 */
final class FuzzValues {

  private static final List<String> ODD_VALUES =
      List.of(
          "null", "true", "false", "0", "-0", "-1", "1.5", "-1.5e-7", "{}", "[]", "\"\"", "\" \"",
          "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
          "-9223372036854775809", "123456789012345678901234567890123456789012345678901234567890",
          "1e400", "-1e400", "1e-400", "0.0000000000000000000000000000000000000000000001",
          "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\n\\r\\t\"", "\"all\"", "\"0\"",
          "\"-1\"", "\"../../etc/passwd\"", "\"%s%n%x\"", "\"${jndi:ldap://127.0.0.1/x}\"",
          "\"\u00e9\u4e2d\ud83d\ude00\"", "[1,2,3]", "{\"a\":1}", "[null]", "{\"\":null}");

  private static final String PUNCTUATION = "{}[]\":,0-e.\\ ";

  private final Random random;

  FuzzValues(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  /** Any JSON value, mostly of a type or size the receiver does not expect. */
  String value() {
    return switch (random.nextInt(10)) {
      case 0, 1, 2, 3 -> ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
      case 4 -> Long.toString(random.nextLong());
      case 5 -> quoted(text(random.nextInt(64)));
      case 6 -> nested(1 + random.nextInt(random.nextInt(8) == 0 ? 1500 : 40));
      case 7 -> random.nextInt(50) == 0 ? quoted("x".repeat(hugeLength())) : quoted(text(random.nextInt(2000)));
      case 8 -> "[" + value() + "," + value() + "]";
      default -> "{" + quoted(text(random.nextInt(8))) + ":" + value() + "}";
    };
  }

  /** A string length from 64 KiB up to 1 MiB. */
  int hugeLength() {
    return (64 << 10) + random.nextInt(960 << 10);
  }

  /** Arrays and objects nested {@code depth} deep (Jackson refuses beyond 1000). */
  String nested(int depth) {
    StringBuilder json = new StringBuilder(depth * 6);
    boolean[] arrays = new boolean[depth];
    for (int i = 0; i < depth; i++) {
      arrays[i] = random.nextBoolean();
      json.append(arrays[i] ? "[" : "{\"k\":");
    }
    json.append(random.nextBoolean() ? "1" : "\"v\"");
    for (int i = depth - 1; i >= 0; i--) {
      json.append(arrays[i] ? "]" : "}");
    }
    return json.toString();
  }

  /** Random text: printable, JSON punctuation, control characters and non-ASCII. */
  String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(20);
      if (pick < 12) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (pick < 16) {
        text.append("{}[]\":,\\".charAt(random.nextInt(8)));
      } else if (pick < 18) {
        text.append((char) random.nextInt(0x20));
      } else {
        text.append((char) (0x80 + random.nextInt(0xd700)));
      }
    }
    return text.toString().replace('\n', ' ');
  }

  /** {@code text} as a JSON string literal (escaping only what keeps it one string). */
  static String quoted(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  /** Random bytes, any value but {@code \n} (which would split the frame). */
  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = ' ';
      }
    }
    return bytes;
  }

  /** {@code frame} with a few bytes flipped, inserted, deleted, or cut off. */
  byte[] mutate(byte[] frame) {
    byte[] out = frame.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && out.length > 0; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(5)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = (byte) PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
        case 2 -> out = concat(slice(out, 0, at), "\"x\",".getBytes(StandardCharsets.UTF_8), slice(out, at, out.length));
        case 3 -> out = concat(slice(out, 0, at), slice(out, Math.min(out.length, at + 1 + random.nextInt(8)), out.length));
        default -> out = slice(out, 0, at); // truncated
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '\n') {
        out[i] = ' ';
      }
    }
    return out;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
