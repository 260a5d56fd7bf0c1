package io.gopm.cli.render.chart;

import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.DisplayWidth;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * One braille line chart: every series over the same time and value axes.
 *
 * <pre>
 *   CPU Usage
 *      12.9% │        ⢀⠤⠒⠉⠉⠒⠢⢄
 *            │   ⣀⠤⠒⠁           ⠑⠤⣀
 *       9.7% │⠤⠊                    ⠉
 *   ...
 *       0.0% │
 *            └──────────────────────────
 *             14:02   14:33   15:03
 *             ━━ api  ━━ worker
 * </pre>
 *
 * <p>The plot is {@value #DEFAULT_WIDTH} cells wide, less when the terminal is narrower. Time runs
 * from the first to the last timestamp of all series; values from their minimum to their maximum,
 * padded by 5% of the range on each side, never below 0 (a flat line gets a range of 1). Series are
 * drawn in name order, each in its colour; a cell two series cross shows the last one's.
 */
public final class LineChart {

  /** Plot cells across when the terminal is wide enough. */
  public static final int DEFAULT_WIDTH = 60;

  /** The width of the y-label gutter (wider only when a label needs it). */
  static final int LABEL_WIDTH = 8;

  /** The narrowest plot with five time labels; narrower ones get three. */
  static final int FIVE_LABELS_MIN_WIDTH = 30;

  private static final String INDENT = "  ";
  private static final int TIME_LABEL_WIDTH = 5;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final double PADDING = 0.05;
  private static final double[] LABEL_FRACTIONS = {1, 0.75, 0.5, 0.25, 0};

  private final String title;
  private final int height;
  private final DoubleFunction<String> yFormat;

  /**
   * @param title the heading, printed bold
   * @param height rows of cells (each four dots high)
   * @param yFormat the y-axis label of a value
   */
  public LineChart(String title, int height, DoubleFunction<String> yFormat) {
    if (height < 1) {
      throw new IllegalArgumentException("a chart needs at least one row, got " + height);
    }
    this.title = Objects.requireNonNull(title, "title");
    this.height = height;
    this.yFormat = Objects.requireNonNull(yFormat, "yFormat");
  }

  public String title() {
    return title;
  }

  public int height() {
    return height;
  }

  /**
   * The series sorted by name, each with its colour: the one it has, else the palette colour of its
   * position (green, cyan, yellow, magenta, blue, red, white, then again).
   */
  public static List<Series> assignColours(List<Series> series) {
    List<Series> sorted = new ArrayList<>(series);
    sorted.sort(Comparator.comparing(Series::name));
    for (int i = 0; i < sorted.size(); i++) {
      Series one = sorted.get(i);
      if (one.colour() == null) {
        sorted.set(i, one.withColour(ChartColor.forIndex(i)));
      }
    }
    return sorted;
  }

  /** The plot cells across for a terminal of {@code terminalColumns}, with the usual gutter. */
  public static int plotWidth(int terminalColumns) {
    return plotWidth(terminalColumns, LABEL_WIDTH);
  }

  private static int plotWidth(int terminalColumns, int labelWidth) {
    int room = terminalColumns - INDENT.length() - labelWidth - 2;
    return Math.max(1, Math.min(DEFAULT_WIDTH, room));
  }

  /**
   * The chart as text, each line ending with a newline and a blank line last; empty when no series
   * has a point.
   *
   * @param series the lines to draw, in any order; those without points are left out
   * @param terminalColumns the width of the terminal: the plot shrinks to fit it, down to one cell
   * @param ansi colours for the title and the series
   * @param zone the time zone of the time labels
   */
  public String render(List<Series> series, int terminalColumns, Ansi ansi, ZoneId zone) {
    List<Series> drawn = new ArrayList<>();
    for (Series one : series) {
      if (!one.points().isEmpty()) {
        drawn.add(one);
      }
    }
    if (drawn.isEmpty()) {
      return "";
    }
    drawn = assignColours(drawn);
    Scale scale = Scale.of(drawn);
    Map<Integer, String> labels = yLabels(scale);
    int labelWidth = LABEL_WIDTH;
    for (String label : labels.values()) {
      labelWidth = Math.max(labelWidth, DisplayWidth.of(label));
    }
    int width = plotWidth(terminalColumns, labelWidth);
    BrailleCanvas canvas = new BrailleCanvas(width, height);
    for (Series one : drawn) {
      plot(canvas, scale, one);
    }

    StringBuilder out = new StringBuilder();
    out.append(INDENT).append(ansi.bold(title)).append('\n');
    String gutter = " ".repeat(labelWidth);
    for (int row = 0; row < height; row++) {
      String label = labels.getOrDefault(row, "");
      out.append(INDENT)
          .append(" ".repeat(labelWidth - DisplayWidth.of(label)))
          .append(label)
          .append(" │")
          .append(canvas.row(row, ansi))
          .append('\n');
    }
    out.append(INDENT).append(gutter).append(" └").append("─".repeat(width)).append('\n');
    String times = timeLabels(scale, width, zone);
    if (!times.isBlank()) {
      out.append(INDENT).append(gutter).append("  ").append(times.stripTrailing()).append('\n');
    }
    if (drawn.size() > 1) {
      legend(out, drawn, INDENT + gutter + "  ", terminalColumns, ansi);
    }
    out.append('\n');
    return out.toString();
  }

  private void plot(BrailleCanvas canvas, Scale scale, Series series) {
    int previousX = -1;
    int previousY = -1;
    for (Series.Point point : series.points()) {
      int x = scale.x(point.epochSecond(), canvas.dotWidth());
      int y = scale.y(point.value(), canvas.dotHeight());
      if (previousX < 0) {
        canvas.set(x, y, series.colour());
      } else {
        canvas.line(previousX, previousY, x, y, series.colour());
      }
      previousX = x;
      previousY = y;
    }
  }

  /** Labels on rows 0, h/4, h/2, 3h/4 and h−1: the maximum, 75%, 50%, 25% and the minimum. */
  private Map<Integer, String> yLabels(Scale scale) {
    int[] rows = {0, height / 4, height / 2, 3 * height / 4, height - 1};
    Map<Integer, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i++) {
      labels.putIfAbsent(rows[i], yFormat.apply(scale.low() + (scale.high() - scale.low()) * LABEL_FRACTIONS[i]));
    }
    return labels;
  }

  /** Five {@code HH:MM} labels spread evenly under the plot (three when it is narrow). */
  private static String timeLabels(Scale scale, int width, ZoneId zone) {
    int count = timeLabelCount(width);
    if (scale.firstSecond() == scale.lastSecond()) {
      count = Math.min(count, 1); // one moment: one label
    }
    char[] line = new char[width];
    Arrays.fill(line, ' ');
    DateTimeFormatter format = HH_MM.withZone(zone);
    for (int i = 0; i < count; i++) {
      int position = count == 1 ? 0 : i * (width - TIME_LABEL_WIDTH) / (count - 1);
      long seconds =
          count == 1
              ? scale.firstSecond()
              : scale.firstSecond() + (scale.lastSecond() - scale.firstSecond()) * i / (count - 1);
      String label = format.format(Instant.ofEpochSecond(seconds));
      label.getChars(0, TIME_LABEL_WIDTH, line, position);
    }
    return new String(line);
  }

  /** Five labels when the plot is wide enough, else three, else one. */
  private static int timeLabelCount(int width) {
    if (width >= FIVE_LABELS_MIN_WIDTH) {
      return 5;
    }
    if (width >= 3 * TIME_LABEL_WIDTH + 2) {
      return 3;
    }
    return width >= TIME_LABEL_WIDTH ? 1 : 0;
  }

  /**
   * {@code ━━ name} per series, two spaces apart, on as many lines as the terminal needs; a name
   * too long for a line of its own is shortened with {@code …}.
   */
  private static void legend(StringBuilder out, List<Series> series, String indent, int terminalColumns, Ansi ansi) {
    int maxName = Math.max(1, terminalColumns - indent.length() - 3);
    StringBuilder line = new StringBuilder(indent);
    int used = indent.length();
    boolean first = true;
    for (Series one : series) {
      String name = shorten(one.name(), maxName);
      int entryWidth = 3 + DisplayWidth.of(name);
      if (!first && used + 2 + entryWidth > terminalColumns) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        used = indent.length();
        first = true;
      }
      if (!first) {
        line.append("  ");
        used += 2;
      }
      line.append(one.colour().paint("━━", ansi)).append(' ').append(name);
      used += entryWidth;
      first = false;
    }
    out.append(line).append('\n');
  }

  /** {@code text} cut to {@code columns} display columns, ending with {@code …} when cut. */
  static String shorten(String text, int columns) {
    if (DisplayWidth.of(text) <= columns) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int next = DisplayWidth.of(new String(Character.toChars(codePoint)));
      if (width + next > columns - 1) {
        break;
      }
      kept.appendCodePoint(codePoint);
      width += next;
      i += Character.charCount(codePoint);
    }
    return kept.append('…').toString();
  }

  /**
   * How time and values map to dots.
   *
   * @param firstSecond the earliest timestamp, at the left edge
   * @param lastSecond the latest timestamp, at the right edge
   * @param low the value at the bottom edge
   * @param high the value at the top edge
   */
  record Scale(long firstSecond, long lastSecond, double low, double high) {

    /** Time from the first to the last point; values padded by 5%, not below 0, at least 1 apart. */
    static Scale of(List<Series> series) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Series one : series) {
        for (Series.Point point : one.points()) {
          first = Math.min(first, point.epochSecond());
          last = Math.max(last, point.epochSecond());
          min = Math.min(min, point.value());
          max = Math.max(max, point.value());
        }
      }
      double range = max - min;
      if (range == 0) {
        min -= 0.5;
        max += 0.5;
        range = 1;
      }
      return new Scale(first, last, Math.max(0, min - range * PADDING), max + range * PADDING);
    }

    int x(long epochSecond, int dots) {
      if (lastSecond == firstSecond) {
        return 0;
      }
      return (int) Math.round((double) (epochSecond - firstSecond) / (lastSecond - firstSecond) * (dots - 1));
    }

    int y(double value, int dots) {
      int y = (int) Math.round((high - value) / (high - low) * (dots - 1));
      return Math.max(0, Math.min(dots - 1, y));
    }
  }
}
