package io.gopm.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.model.StatsPoint;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatsChartsTest {

  private static final Ansi OFF = new Ansi(false);

  private static Map<String, List<StatsPoint>> stats(String... names) {
    Map<String, List<StatsPoint>> stats = new TreeMap<>();
    for (String name : names) {
      List<StatsPoint> points = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        points.add(new StatsPoint(1_770_300_000L + i * 60L, i % 7, 1_000_000L + i * 4096, i / 10, i * 60L, "online"));
      }
      stats.put(name, points);
    }
    return stats;
  }

  @Test
  void drawsEveryChosenFigureInOrderWithItsHeight() {
    String charts = StatsCharts.render(stats("api"), EnumSet.allOf(StatsMetric.class), 80, OFF, ZoneOffset.UTC);

    List<String> lines = charts.lines().toList();
    assertThat(lines).filteredOn(line -> line.matches("  [A-Z][^│]*"))
        .containsExactly("  CPU Usage", "  Memory (RSS)", "  Uptime", "  Restarts");
    // title + rows + axis + times + blank per chart, no legend for one process
    assertThat(lines).hasSize((12 + 4) + (12 + 4) + (10 + 4) + (8 + 4));
  }

  @Test
  void drawsOnlyTheChosenFigures() {
    String charts =
        StatsCharts.render(stats("api", "web"), EnumSet.of(StatsMetric.UPTIME, StatsMetric.CPU), 80, OFF, ZoneOffset.UTC);

    assertThat(charts).contains("CPU Usage").contains("Uptime").doesNotContain("Memory").doesNotContain("Restarts");
    assertThat(charts.indexOf("CPU Usage")).isLessThan(charts.indexOf("Uptime"));
    assertThat(charts).contains("━━ api  ━━ web");
  }

  @Test
  void usesEachFiguresAxisFormat() {
    String charts = StatsCharts.render(stats("api"), EnumSet.allOf(StatsMetric.class), 80, OFF, ZoneOffset.UTC);

    assertThat(charts).contains("%").contains(" MB ").contains("m │").containsPattern(" {7}[0-9] │");
  }

  @Test
  void isEmptyWithoutSnapshots() {
    assertThat(StatsCharts.render(Map.of(), EnumSet.allOf(StatsMetric.class), 80, OFF, ZoneOffset.UTC)).isEmpty();
    assertThat(StatsCharts.render(stats("api"), EnumSet.noneOf(StatsMetric.class), 80, OFF, ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void turnsSnapshotsIntoOneSeriesPerProcess() {
    List<Series> series = StatsMetric.MEMORY.series(stats("api", "web"));

    assertThat(series).extracting(Series::name).containsExactly("api", "web");
    assertThat(series.get(0).points()).hasSize(30);
    assertThat(series.get(0).points().get(1)).isEqualTo(new Series.Point(1_770_300_060L, 1_004_096));
  }

  @Test
  void describesEachFigure() {
    assertThat(StatsMetric.values()).extracting(StatsMetric::title)
        .containsExactly("CPU Usage", "Memory (RSS)", "Uptime", "Restarts");
    assertThat(StatsMetric.values()).extracting(StatsMetric::height).containsExactly(12, 12, 10, 8);
    assertThat(StatsMetric.CPU.format(12.34)).isEqualTo("12.3%");
    assertThat(StatsMetric.UPTIME.format(3661)).isEqualTo("1h 1m");
    assertThat(StatsMetric.UPTIME.axisLabel(7200)).isEqualTo("2.0h");
  }
}
