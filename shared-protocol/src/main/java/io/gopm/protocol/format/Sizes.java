package io.gopm.protocol.format;

import java.util.Locale;

/**
 * Byte sizes as written in flags and files ({@code 500K}, {@code 1M}, {@code 1G}, plain bytes;
 * case-insensitive), and back ({@code 1048576} → {@code 1M}).
 */
public final class Sizes {

  /** The default log rotation threshold, used when a size is left empty: 1 MiB. */
  public static final long DEFAULT_MAX_LOG_SIZE = 1024L * 1024L;

  private static final long KIB = 1024L;
  private static final long MIB = KIB * 1024L;
  private static final long GIB = MIB * 1024L;

  private Sizes() {}

  /**
   * Parses a size. Unlike the original GoPM, zero and negative sizes are rejected: a log limit of
   * zero bytes is never what the user meant.
   *
   * @throws IllegalArgumentException {@code invalid size "<INPUT>": <reason>}
   */
  public static long parse(String text) {
    String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("invalid size \"\": expected a number with an optional K, M or G suffix");
    }
    long multiplier = 1;
    String digits = normalized;
    char suffix = normalized.charAt(normalized.length() - 1);
    if (suffix == 'K' || suffix == 'M' || suffix == 'G') {
      multiplier = suffix == 'K' ? KIB : suffix == 'M' ? MIB : GIB;
      digits = normalized.substring(0, normalized.length() - 1);
    }
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid size \"" + normalized + "\": expected a whole number with an optional K, M or G suffix, like 500K, 1M, 10M");
    }
    if (value <= 0) {
      throw new IllegalArgumentException("invalid size \"" + normalized + "\": must be greater than 0");
    }
    try {
      return Math.multiplyExact(value, multiplier);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("invalid size \"" + normalized + "\": too large");
    }
  }

  /** The shortest exact form: {@code 1G}, {@code 10M}, {@code 500K} or plain bytes. */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % GIB == 0) {
      return bytes / GIB + "G";
    }
    if (bytes != 0 && bytes % MIB == 0) {
      return bytes / MIB + "M";
    }
    if (bytes != 0 && bytes % KIB == 0) {
      return bytes / KIB + "K";
    }
    return Long.toString(bytes);
  }
}
