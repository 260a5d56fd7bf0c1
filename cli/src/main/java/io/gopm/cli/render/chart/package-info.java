/**
 * The charts of {@code gopm stats}: line charts drawn with Unicode braille characters in the
 * terminal, and a plain-text summary for terminals without colour or width.
 *
 * <p>The entry points are {@link io.gopm.cli.render.chart.StatsCharts#render} (one chart per
 * {@link io.gopm.cli.render.chart.StatsMetric}, every process overlaid in its own colour) and
 * {@link io.gopm.cli.render.chart.StatsTable#render} (min, max and last value per process). Below
 * them, {@link io.gopm.cli.render.chart.LineChart} lays out one chart (title, y labels, x axis,
 * time labels, legend) on a {@link io.gopm.cli.render.chart.BrailleCanvas}, a grid of 2×4-dot cells
 * with Bresenham lines. Everything here is pure: no I/O, the time zone and colours are passed in.
 */
package io.gopm.cli.render.chart;
