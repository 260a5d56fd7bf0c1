package io.gopm.console.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an arguments field into words the way a POSIX shell would, without expanding anything:
 * spaces separate, {@code '...'} is literal, {@code "..."} keeps spaces and honours {@code \"}
 * and {@code \\}, a backslash outside quotes escapes the next character.
 */
public final class CommandLineWords {

  private CommandLineWords() {}

  /**
   * The words of {@code text}.
   *
   * @throws IllegalArgumentException for an unclosed quote or a trailing backslash
   */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ' quote");
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < text.length()) {
          char d = text.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
            word.append(text.charAt(i + 1));
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("unclosed \" quote");
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new IllegalArgumentException("a backslash at the end escapes nothing");
        }
        word.append(text.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
