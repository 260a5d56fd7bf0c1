package io.gopm.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.DisplayWidth;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineChartTest {

  /** 2026-02-05 08:00 UTC. */
  private static final long START = Instant.parse("2026-02-05T08:00:00Z").getEpochSecond();

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Ansi OFF = new Ansi(false);
  private static final Ansi ON = new Ansi(true);
  private static final Pattern BRAILLE = Pattern.compile("[\u2801-\u28FF]");

  private final LineChart cpu = new LineChart("CPU Usage", 12, AxisFormats::cpu);

  /** {@code count} points one minute apart from 08:00, valued by {@code value(i)}. */
  private static Series series(String name, int count, DoubleUnaryOperator value) {
    List<Series.Point> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(new Series.Point(START + i * 60L, value.applyAsDouble(i)));
    }
    return new Series(name, points);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** The lines of the plot, title excluded: one per row. */
  private static List<String> plotRows(String chart, int height) {
    return lines(chart).subList(1, 1 + height);
  }

  // ---- what a chart shows ----

  @Test
  void rendersASingleSeriesWithTitleBrailleAndNoLegend() {
    String chart = cpu.render(List.of(series("api", 60, i -> i % 10)), 80, OFF, UTC);

    assertThat(lines(chart).get(0)).isEqualTo("  CPU Usage");
    assertThat(BRAILLE.matcher(chart).find()).isTrue();
    assertThat(chart).doesNotContain("━━");
    assertThat(chart).endsWith("\n\n");
  }

  @Test
  void rendersSeveralSeriesWithALegendInNameOrder() {
    String chart =
        cpu.render(List.of(series("worker", 60, i -> 5), series("api", 60, i -> i)), 80, OFF, UTC);

    assertThat(BRAILLE.matcher(chart).find()).isTrue();
    String legend = lines(chart).get(lines(chart).size() - 2);
    assertThat(legend.trim()).isEqualTo("━━ api  ━━ worker");
  }

  @Test
  void rendersNothingWithoutPoints() {
    assertThat(cpu.render(List.of(), 80, OFF, UTC)).isEmpty();
    assertThat(cpu.render(List.of(new Series("api", List.of())), 80, OFF, UTC)).isEmpty();
  }

  @Test
  void leavesSeriesWithoutPointsOutOfTheLegend() {
    String chart =
        cpu.render(
            List.of(series("api", 10, i -> i), series("idle", 0, i -> 0), series("web", 10, i -> 1)), 80, OFF, UTC);

    assertThat(chart).contains("━━ api  ━━ web").doesNotContain("idle");
  }

  @Test
  void hasOneLinePerRowThenTheAxisAndTheTimes() {
    String chart = cpu.render(List.of(series("api", 60, i -> i)), 80, OFF, UTC);

    List<String> lines = lines(chart);
    // title, 12 rows, axis, time labels, blank
    assertThat(lines).hasSize(1 + 12 + 1 + 1 + 1);
    assertThat(lines.get(13)).isEqualTo("  " + " ".repeat(8) + " └" + "─".repeat(60));
    assertThat(lines.get(15)).isEmpty();
  }

  @Test
  void labelsFiveRowsWithTheMaximumTheQuartersAndTheMinimum() {
    // 0..10: padded by 0.5 on top; the bottom stays at 0
    String chart = cpu.render(List.of(series("api", 11, i -> i)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    assertThat(rows.get(0)).startsWith("     10.5% │");
    assertThat(rows.get(3)).startsWith("      7.9% │");
    assertThat(rows.get(6)).startsWith("      5.3% │");
    assertThat(rows.get(9)).startsWith("      2.6% │");
    assertThat(rows.get(11)).startsWith("      0.0% │");
    for (int row : new int[] {1, 2, 4, 5, 7, 8, 10}) {
      assertThat(rows.get(row)).as("row %d", row).startsWith("  " + " ".repeat(8) + " │");
    }
  }

  @Test
  void padsTheValueRangeByFivePercent() {
    String chart = cpu.render(List.of(series("api", 11, i -> 20 + i * 2)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    assertThat(rows.get(0)).contains("41.0%");
    assertThat(rows.get(11)).contains("19.0%");
  }

  @Test
  void neverLabelsBelowZero() {
    String chart = cpu.render(List.of(series("api", 11, i -> i * 0.1)), 80, OFF, UTC);

    assertThat(plotRows(chart, 12).get(11)).contains(" 0.0% │");
    assertThat(chart).doesNotContain("-");
  }

  @Test
  void givesAFlatSeriesARangeOfOneAndDrawsItMidway() {
    String chart = cpu.render(List.of(series("api", 30, i -> 50)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    double top = Double.parseDouble(rows.get(0).substring(0, rows.get(0).indexOf('%')).trim());
    double bottom = Double.parseDouble(rows.get(11).substring(0, rows.get(11).indexOf('%')).trim());
    assertThat(top - bottom).isBetween(1.0, 1.2); // a range of 1, padded by 5% on each side
    assertThat((top + bottom) / 2).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
    long rowsWithDots = rows.stream().filter(row -> BRAILLE.matcher(row).find()).count();
    assertThat(rowsWithDots).isEqualTo(1);
    assertThat(BRAILLE.matcher(rows.get(5)).find() || BRAILLE.matcher(rows.get(6)).find()).isTrue();
  }

  @Test
  void drawsTheHighestValueOnTheTopRowAndTheLowestOnTheBottomRow() {
    String chart = cpu.render(List.of(series("api", 2, i -> i == 0 ? 0 : 100)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    // with 5% padding the extremes sit within the top and bottom rows
    assertThat(BRAILLE.matcher(rows.get(0)).find()).isTrue();
    assertThat(BRAILLE.matcher(rows.get(11)).find()).isTrue();
  }

  @Test
  void joinsConsecutivePointsSoEveryColumnHasADot() {
    String chart = cpu.render(List.of(series("api", 2, i -> i * 100)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    for (int column = 0; column < 60; column++) {
      int at = 12 + column;
      boolean dot = rows.stream().anyMatch(row -> row.charAt(at) != ' ');
      assertThat(dot).as("column %d", column).isTrue();
    }
  }

  @Test
  void drawsASinglePoint() {
    String chart = cpu.render(List.of(series("api", 1, i -> 3)), 80, OFF, UTC);

    assertThat(BRAILLE.matcher(chart).results().count()).isEqualTo(1);
    assertThat(lines(chart).get(14).trim()).isEqualTo("08:00");
  }

  @Test
  void widensTheGutterForALongLabelAndKeepsRowsAligned() {
    LineChart memory = new LineChart("Memory (RSS)", 12, AxisFormats::memory);

    String chart = memory.render(List.of(series("api", 10, i -> 1000 * 1024 + i * 2048)), 80, OFF, UTC);

    List<String> rows = plotRows(chart, 12);
    assertThat(Pattern.compile(" \\d{4}\\.\\d KB │").matcher(chart).find()).isTrue(); // 9 columns
    int bar = rows.get(0).indexOf('│');
    assertThat(rows).allSatisfy(row -> assertThat(row.indexOf('│')).isEqualTo(bar));
    assertThat(rows).allSatisfy(row -> assertThat(DisplayWidth.of(row)).isLessThanOrEqualTo(80));
  }

  // ---- time labels ----

  @Test
  void showsFiveTimeLabelsFromTheFirstToTheLastTimestamp() {
    // 08:00 to 10:00
    String chart = cpu.render(List.of(series("api", 121, i -> i)), 80, OFF, UTC);

    String times = lines(chart).get(14);
    assertThat(times).startsWith("  " + " ".repeat(8) + "  08:00");
    assertThat(times.trim().split(" +")).containsExactly("08:00", "08:30", "09:00", "09:30", "10:00");
    assertThat(times).hasSize(12 + 60); // the last label ends under the last cell
  }

  @Test
  void showsThreeTimeLabelsOnANarrowPlot() {
    String chart = cpu.render(List.of(series("api", 121, i -> i)), 40, OFF, UTC);

    assertThat(lines(chart).get(14).trim().split(" +")).containsExactly("08:00", "09:00", "10:00");
  }

  @Test
  void writesTimesInTheZoneGiven() {
    String chart = cpu.render(List.of(series("api", 121, i -> i)), 80, OFF, ZoneId.of("Asia/Kolkata"));

    assertThat(lines(chart).get(14).trim()).startsWith("13:30").endsWith("15:30");
  }

  // ---- width ----

  @Test
  void plotIsSixtyCellsWideOnAWideTerminal() {
    assertThat(LineChart.plotWidth(80)).isEqualTo(60);
    assertThat(LineChart.plotWidth(200)).isEqualTo(60);
    assertThat(LineChart.plotWidth(72)).isEqualTo(60);
  }

  @Test
  void plotShrinksToFitANarrowTerminal() {
    assertThat(LineChart.plotWidth(71)).isEqualTo(59);
    assertThat(LineChart.plotWidth(40)).isEqualTo(28);
    assertThat(LineChart.plotWidth(5)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 30, 40, 41, 50, 71, 72, 80, 200})
  void noLineIsWiderThanTheTerminal(int columns) {
    List<Series> many = new ArrayList<>();
    for (String name : List.of("api", "worker", "scheduler", "mailer", "cron")) {
      many.add(series(name, 100, i -> (i * name.length()) % 17));
    }

    String chart = cpu.render(many, columns, ON, UTC);

    assertThat(lines(chart)).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(columns));
    assertThat(Ansi.strip(chart)).contains("━━ api").contains("━━ cron").contains("━━ mail");
  }

  @Test
  void shortensALegendNameThatCannotFitOnALine() {
    String chart = cpu.render(List.of(series("a", 5, i -> i), series("x".repeat(64), 5, i -> 1)), 40, OFF, UTC);

    assertThat(chart).contains("━━ a").contains("━━ " + "x".repeat(24) + "…");
    assertThat(lines(chart)).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(40));
  }

  @Test
  void shortensByDisplayColumns() {
    assertThat(LineChart.shorten("api", 3)).isEqualTo("api");
    assertThat(LineChart.shorten("worker", 5)).isEqualTo("work…");
    assertThat(LineChart.shorten("日本語app", 5)).isEqualTo("日本…");
  }

  // ---- colours ----

  @Test
  void assignsPaletteColoursInNameOrder() {
    List<Series> coloured =
        LineChart.assignColours(
            List.of(series("c", 1, i -> 0), series("a", 1, i -> 0), series("b", 1, i -> 0)));

    assertThat(coloured).extracting(Series::name).containsExactly("a", "b", "c");
    assertThat(coloured)
        .extracting(Series::colour)
        .containsExactly(ChartColor.GREEN, ChartColor.CYAN, ChartColor.YELLOW);
  }

  @Test
  void cyclesThePaletteAfterSevenSeries() {
    List<Series> input = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      input.add(series("p" + i, 1, x -> 0));
    }

    List<Series> coloured = LineChart.assignColours(input);

    assertThat(coloured)
        .extracting(Series::colour)
        .containsExactly(
            ChartColor.GREEN, ChartColor.CYAN, ChartColor.YELLOW, ChartColor.MAGENTA, ChartColor.BLUE,
            ChartColor.RED, ChartColor.WHITE, ChartColor.GREEN, ChartColor.CYAN);
    assertThat(coloured.subList(0, 7)).extracting(Series::colour).doesNotHaveDuplicates();
  }

  @Test
  void keepsAColourASeriesAlreadyHas() {
    List<Series> coloured =
        LineChart.assignColours(
            List.of(series("a", 1, i -> 0).withColour(ChartColor.RED), series("b", 1, i -> 0)));

    assertThat(coloured).extracting(Series::colour).containsExactly(ChartColor.RED, ChartColor.CYAN);
  }

  @Test
  void coloursTheTitleTheLinesAndTheLegendWhenColoursAreOn() {
    String chart = cpu.render(List.of(series("api", 30, i -> i), series("web", 30, i -> 30 - i)), 80, ON, UTC);

    assertThat(chart).contains("\u001b[1mCPU Usage\u001b[0m");
    assertThat(chart).contains("\u001b[32m━━\u001b[0m api").contains("\u001b[36m━━\u001b[0m web");
    assertThat(Pattern.compile("\u001b\\[32m[\u2800-\u28FF]").matcher(chart).find()).isTrue();
    assertThat(Pattern.compile("\u001b\\[36m[\u2800-\u28FF]").matcher(chart).find()).isTrue();
  }

  @Test
  void hasNoEscapeCodesWhenColoursAreOff() {
    String chart = cpu.render(List.of(series("api", 30, i -> i), series("web", 30, i -> 1)), 80, OFF, UTC);

    assertThat(chart).doesNotContain("\u001b");
  }

  @Test
  void rejectsAChartWithoutRows() {
    assertThatThrownBy(() -> new LineChart("x", 0, AxisFormats::cpu)).isInstanceOf(IllegalArgumentException.class);
  }
}
