package io.gopm.cli.render.chart;

import java.util.List;
import java.util.Objects;

/**
 * One line of a chart: a name for the legend, its points in time order, and its colour (null until
 * {@link LineChart#assignColours} hands one out).
 */
public record Series(String name, List<Point> points, ChartColor colour) {

  /** One value at a moment. */
  public record Point(long epochSecond, double value) {}

  public Series {
    Objects.requireNonNull(name, "name");
    points = List.copyOf(points);
  }

  /** A series without a colour yet. */
  public Series(String name, List<Point> points) {
    this(name, points, null);
  }

  public Series withColour(ChartColor newColour) {
    return new Series(name, points, newColour);
  }
}
