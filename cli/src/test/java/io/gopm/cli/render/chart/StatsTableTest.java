package io.gopm.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.model.StatsPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTableTest {

  private static final long START = Instant.parse("2026-02-05T14:02:00Z").getEpochSecond();
  private static final Ansi OFF = new Ansi(false);

  private static final List<StatsPoint> API =
      List.of(
          new StatsPoint(START, 0.0, 21_076_377L, 0, 60, "online"),
          new StatsPoint(START + 60, 12.3, 25_690_112L, 2, 0, "stopped"),
          new StatsPoint(START + 3660, 1.2, 25_270_272L, 2, 3660, "online"));

  private static Map<String, List<StatsPoint>> stats() {
    Map<String, List<StatsPoint>> stats = new LinkedHashMap<>();
    stats.put("api", API);
    stats.put("worker", List.of(new StatsPoint(START, 150.0, 512, 7, 90_061, "online")));
    return stats;
  }

  @Test
  void summarisesEachProcessWithMinMaxAndLast() {
    String table = StatsTable.render(stats(), EnumSet.allOf(StatsMetric.class), OFF, ZoneOffset.UTC);

    assertThat(table)
        .isEqualTo(
            "api: 3 samples, 14:02 to 15:03\n"
                + "  Metric    Min      Max      Last\n"
                + "  CPU       0.0%     12.3%    1.2%\n"
                + "  Memory    20.1 MB  24.5 MB  24.1 MB\n"
                + "  Uptime    0s       1h 1m    1h 1m\n"
                + "  Restarts  0        2        2\n"
                + "\n"
                + "worker: 1 sample, 14:02 to 14:02\n"
                + "  Metric    Min       Max       Last\n"
                + "  CPU       150.0%    150.0%    150.0%\n"
                + "  Memory    512 B     512 B     512 B\n"
                + "  Uptime    1d 1h 1m  1d 1h 1m  1d 1h 1m\n"
                + "  Restarts  7         7         7\n");
  }

  @Test
  void showsOnlyTheChosenFigures() {
    String table = StatsTable.render(stats(), EnumSet.of(StatsMetric.MEMORY, StatsMetric.CPU), OFF, ZoneOffset.UTC);

    assertThat(table).contains("  CPU ").contains("  Memory ").doesNotContain("Uptime").doesNotContain("Restarts");
    assertThat(table.indexOf("CPU")).isLessThan(table.indexOf("Memory"));
  }

  @Test
  void isEmptyWithoutSnapshots() {
    assertThat(StatsTable.render(Map.of(), EnumSet.allOf(StatsMetric.class), OFF, ZoneOffset.UTC)).isEmpty();
    assertThat(StatsTable.render(Map.of("api", List.of()), EnumSet.allOf(StatsMetric.class), OFF, ZoneOffset.UTC))
        .isEmpty();
  }

  @Test
  void hasNoEscapeCodesOrBrailleWhenColoursAreOff() {
    String table = StatsTable.render(stats(), EnumSet.allOf(StatsMetric.class), OFF, ZoneOffset.UTC);

    assertThat(table).doesNotContain("\u001b").doesNotContainPattern("[\u2800-\u28FF]");
  }

  @Test
  void boldsTheProcessNameWhenColoursAreOn() {
    String table = StatsTable.render(stats(), EnumSet.of(StatsMetric.CPU), new Ansi(true), ZoneOffset.UTC);

    assertThat(table).startsWith("\u001b[1mapi\u001b[0m: 3 samples");
  }

  @Test
  void fitsANarrowTerminal() {
    String table = StatsTable.render(stats(), EnumSet.allOf(StatsMetric.class), OFF, ZoneOffset.UTC);

    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
  }
}
