package io.gopm.cli.render.chart;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.model.StatsPoint;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The braille charts of {@code gopm stats}: one per figure, every process overlaid. */
public final class StatsCharts {

  private StatsCharts() {}

  /**
   * The charts of {@code metrics} (always in {@link StatsMetric} order), each followed by a blank
   * line; empty when there are no snapshots.
   *
   * @param stats the snapshots per process name, as the daemon answers {@code stats}
   * @param terminalColumns the width of the terminal
   * @param zone the time zone of the time labels
   */
  public static String render(
      Map<String, List<StatsPoint>> stats,
      Collection<StatsMetric> metrics,
      int terminalColumns,
      Ansi ansi,
      ZoneId zone) {
    StringBuilder out = new StringBuilder();
    for (StatsMetric metric : metrics.isEmpty() ? EnumSet.noneOf(StatsMetric.class) : EnumSet.copyOf(metrics)) {
      out.append(metric.chart().render(metric.series(stats), terminalColumns, ansi, zone));
    }
    return out.toString();
  }
}
