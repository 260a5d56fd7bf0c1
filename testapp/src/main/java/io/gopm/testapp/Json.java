package io.gopm.testapp;

import java.util.List;

/**
 * A tiny JSON writer for {@code --print-args}: string escaping and arrays of strings.
 *
 * <p>Escapes {@code "} and {@code \}, the control characters (with the short forms
 * {@code \b \f \n \r \t} where JSON has them, <code>&#92;u00XX</code> otherwise), DEL, U+2028/U+2029 and
 * unpaired surrogates; every other character is written as it is (the output is UTF-8).
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * Renders a JSON array of strings.
     *
     * @param items the strings
     * @return e.g. {@code ["a","b \"c\""]}
     */
    static String array(List<String> items) {
        StringBuilder out = new StringBuilder(16 * items.size() + 2).append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, items.get(i));
        }
        return out.append(']').toString();
    }

    /**
     * Renders a JSON string literal.
     *
     * @param text the text
     * @return the quoted, escaped literal
     */
    static String quote(String text) {
        return quote(new StringBuilder(text.length() + 2), text).toString();
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            unicode(out, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
