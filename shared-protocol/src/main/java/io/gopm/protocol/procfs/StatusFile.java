package io.gopm.protocol.procfs;

import java.util.HashMap;
import java.util.Map;

/** The {@code Key:\tvalue} lines of {@code /proc/<pid>/status}. */
final class StatusFile {

  private final Map<String, String> values = new HashMap<>();

  StatusFile(String content) {
    for (String line : content.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        values.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
  }

  /** The value of {@code key}, or empty. */
  String text(String key) {
    return values.getOrDefault(key, "");
  }

  /** The first whitespace-separated token of {@code key}'s value ({@code Uid:} has four), or empty. */
  String first(String key) {
    String value = text(key);
    return value.isEmpty() ? "" : value.split("\\s+", 2)[0];
  }

  /** The first token of {@code key} as a number, or 0. */
  long number(String key) {
    try {
      return Long.parseLong(first(key));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A {@code kB} value ({@code VmRSS:  1840 kB}) in bytes, or 0. */
  long bytes(String key) {
    return number(key) * 1024;
  }
}
