package io.gopm.cli.render.chart;

import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.DisplayWidth;
import io.gopm.protocol.model.StatsPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The plain-text form of {@code gopm stats}, for output without colours (a pipe, a log file, a dumb
 * terminal) or a terminal too narrow for charts: per process, the number of snapshots and their
 * time span, then the minimum, maximum and last value of each figure.
 *
 * <pre>
 * api: 62 samples, 14:02 to 15:03
 *   Metric    Min      Max      Last
 *   CPU       0.0%     12.3%    1.2%
 *   Memory    20.1 MB  24.5 MB  24.1 MB
 *   Uptime    1m       1h 1m    1h 1m
 *   Restarts  0        2        2
 * </pre>
 */
public final class StatsTable {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final List<String> HEADERS = List.of("Metric", "Min", "Max", "Last");

  private StatsTable() {}

  /**
   * One block per process with snapshots, in the map's order, separated by blank lines; empty when
   * there are none.
   *
   * @param stats the snapshots per process name, oldest first
   * @param metrics the figures to show (always in {@link StatsMetric} order)
   * @param ansi only the process names are styled (bold), and only when colours are on
   * @param zone the time zone of the time span
   */
  public static String render(
      Map<String, List<StatsPoint>> stats, Collection<StatsMetric> metrics, Ansi ansi, ZoneId zone) {
    EnumSet<StatsMetric> shown = metrics.isEmpty() ? EnumSet.noneOf(StatsMetric.class) : EnumSet.copyOf(metrics);
    DateTimeFormatter time = HH_MM.withZone(zone);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<StatsPoint>> entry : stats.entrySet()) {
      List<StatsPoint> points = entry.getValue();
      if (points.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(ansi.bold(entry.getKey()))
          .append(": ")
          .append(points.size())
          .append(points.size() == 1 ? " sample, " : " samples, ")
          .append(time.format(Instant.ofEpochSecond(points.get(0).ts())))
          .append(" to ")
          .append(time.format(Instant.ofEpochSecond(points.get(points.size() - 1).ts())))
          .append('\n');
      List<List<String>> rows = new ArrayList<>();
      rows.add(HEADERS);
      for (StatsMetric metric : shown) {
        rows.add(summary(metric, points));
      }
      appendAligned(out, rows);
    }
    return out.toString();
  }

  /** The metric's label, then its minimum, maximum and last value over {@code points}. */
  static List<String> summary(StatsMetric metric, List<StatsPoint> points) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (StatsPoint point : points) {
      double value = metric.valueOf(point);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    double last = metric.valueOf(points.get(points.size() - 1));
    return List.of(metric.label(), metric.format(min), metric.format(max), metric.format(last));
  }

  /** Left-aligned columns two spaces apart, indented by two. */
  private static void appendAligned(StringBuilder out, List<List<String>> rows) {
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], DisplayWidth.of(row.get(c)));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.size(); c++) {
        line.append(row.get(c));
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - DisplayWidth.of(row.get(c)) + 2));
        }
      }
      out.append(line).append('\n');
    }
  }
}
