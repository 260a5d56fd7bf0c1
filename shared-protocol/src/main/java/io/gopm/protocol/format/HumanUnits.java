package io.gopm.protocol.format;

import java.time.Duration;
import java.util.Locale;

/**
 * The human figures every GoPM interface shows the same way: uptime ({@code 2h 15m}), memory
 * ({@code 24.1 MB}) and CPU ({@code 0.3%}).
 */
public final class HumanUnits {

  private HumanUnits() {}

  /**
   * Uptime style: days, hours and minutes that are non-zero, or seconds alone when under a minute;
   * {@code 0s} below one second. Examples: {@code 5s}, {@code 1m}, {@code 1h 1m}, {@code 4d 12h}.
   */
  public static String duration(Duration duration) {
    long seconds = duration.isNegative() ? 0 : duration.getSeconds();
    if (seconds < 1) {
      return "0s";
    }
    long days = seconds / 86_400;
    long hours = (seconds % 86_400) / 3_600;
    long minutes = (seconds % 3_600) / 60;
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(out.length() > 0 ? " " : "").append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(out.length() > 0 ? " " : "").append(minutes).append('m');
    }
    if (out.length() == 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }

  /** Binary multiples with one decimal: {@code 512 B}, {@code 1.0 KB}, {@code 1.5 MB}, {@code 2.0 GB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024L * 1024) {
      return oneDecimal(bytes / 1024.0) + " KB";
    }
    if (bytes < 1024L * 1024 * 1024) {
      return oneDecimal(bytes / (1024.0 * 1024)) + " MB";
    }
    return oneDecimal(bytes / (1024.0 * 1024 * 1024)) + " GB";
  }

  /** A log size limit: a whole number when exact ({@code 1 MB}, {@code 512 KB}), else as {@link #bytes}. */
  public static String size(long bytes) {
    if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
      return bytes / (1024L * 1024 * 1024) + " GB";
    }
    if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
      return bytes / (1024L * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes(bytes);
  }

  /** Percent of one core with one decimal, for example {@code 12.1%}; may exceed 100. */
  public static String cpu(double percent) {
    return oneDecimal(percent) + "%";
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
