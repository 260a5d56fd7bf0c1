package io.gopm.cli.render.chart;

import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.StatsPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** The figures {@code gopm stats} charts, in the order the charts are shown. */
public enum StatsMetric {
  CPU("CPU Usage", "CPU", 12, StatsPoint::cpu, AxisFormats::cpu, HumanUnits::cpu),
  MEMORY("Memory (RSS)", "Memory", 12, StatsPoint::mem, AxisFormats::memory, value -> HumanUnits.bytes(Math.round(value))),
  UPTIME("Uptime", "Uptime", 10, StatsPoint::uptime, AxisFormats::uptime,
      value -> HumanUnits.duration(Duration.ofSeconds(Math.round(value)))),
  RESTARTS("Restarts", "Restarts", 8, StatsPoint::restarts, AxisFormats::restarts, AxisFormats::restarts);

  private final String title;
  private final String label;
  private final int height;
  private final ToDoubleFunction<StatsPoint> value;
  private final DoubleFunction<String> axisFormat;
  private final DoubleFunction<String> valueFormat;

  StatsMetric(
      String title,
      String label,
      int height,
      ToDoubleFunction<StatsPoint> value,
      DoubleFunction<String> axisFormat,
      DoubleFunction<String> valueFormat) {
    this.title = title;
    this.label = label;
    this.height = height;
    this.value = value;
    this.axisFormat = axisFormat;
    this.valueFormat = valueFormat;
  }

  /** The chart's title, e.g. {@code CPU Usage}. */
  public String title() {
    return title;
  }

  /** The short name used in the plain-text table, e.g. {@code CPU}. */
  public String label() {
    return label;
  }

  /** Rows of the chart. */
  public int height() {
    return height;
  }

  /** This figure of a snapshot. */
  public double valueOf(StatsPoint point) {
    return value.applyAsDouble(point);
  }

  /** A value as the y axis shows it (compact, e.g. {@code 1.5h}). */
  public String axisLabel(double value) {
    return axisFormat.apply(value);
  }

  /** A value as the rest of GoPM shows it (e.g. {@code 1h 30m}). */
  public String format(double value) {
    return valueFormat.apply(value);
  }

  /** The empty chart of this figure. */
  public LineChart chart() {
    return new LineChart(title, height, axisFormat);
  }

  /** One series per process, in the map's order, each point this figure of a snapshot. */
  public List<Series> series(Map<String, List<StatsPoint>> stats) {
    List<Series> series = new ArrayList<>();
    stats.forEach(
        (name, points) -> {
          List<Series.Point> values = new ArrayList<>(points.size());
          for (StatsPoint point : points) {
            values.add(new Series.Point(point.ts(), valueOf(point)));
          }
          series.add(new Series(name, values));
        });
    return series;
  }
}
