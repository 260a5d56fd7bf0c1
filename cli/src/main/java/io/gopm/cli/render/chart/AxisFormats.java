package io.gopm.cli.render.chart;

import io.gopm.protocol.format.HumanUnits;
import java.util.Locale;

/** The y-axis labels of the stats charts: short enough for the 8-column label gutter. */
public final class AxisFormats {

  private static final double MINUTE = 60;
  private static final double HOUR = 3_600;
  private static final double DAY = 86_400;

  private AxisFormats() {}

  /** Percent of one core: {@code 12.3%}, without decimals from 100 ({@code 100%}, {@code 250%}). */
  public static String cpu(double percent) {
    return String.format(Locale.ROOT, percent >= 100 ? "%.0f%%" : "%.1f%%", percent);
  }

  /** Resident memory in human bytes: {@code 512 B}, {@code 24.1 MB}. */
  public static String memory(double bytes) {
    return HumanUnits.bytes(Math.max(0, Math.round(bytes)));
  }

  /** Seconds of uptime: {@code 1.5d} from a day, {@code 2.0h} from an hour, else {@code 42m}. */
  public static String uptime(double seconds) {
    if (seconds >= DAY) {
      return String.format(Locale.ROOT, "%.1fd", seconds / DAY);
    }
    if (seconds >= HOUR) {
      return String.format(Locale.ROOT, "%.1fh", seconds / HOUR);
    }
    return Math.round(Math.max(0, seconds) / MINUTE) + "m";
  }

  /** A whole number of restarts. */
  public static String restarts(double count) {
    return Long.toString(Math.round(count));
  }
}
