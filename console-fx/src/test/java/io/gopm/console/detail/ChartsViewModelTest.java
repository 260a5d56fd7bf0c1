package io.gopm.console.detail;

import static io.gopm.console.Processes.NOW;
import static io.gopm.console.Processes.online;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.StatsPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsViewModelTest {

  private final ChartsViewModel model = new ChartsViewModel();

  @Test
  void theDaemonsHistoryIsContinuedByTheConsolesSamples() {
    model.show("api");
    long t = NOW.getEpochSecond();
    model.sample(online(0, "api", 1.0, 100, 10), NOW.minusSeconds(130));
    model.history("api", List.of(new StatsPoint(t - 120, 5, 1000, 0, 10, "online"), new StatsPoint(t - 60, 6, 2000, 0, 70, "online")), NOW);
    model.sample(online(0, "api", 7.0, 3000, 10), NOW);

    assertThat(model.points()).extracting(ChartPoint::cpu).containsExactly(5.0, 6.0, 7.0);
    assertThat(model.points()).extracting(ChartPoint::sampled).containsExactly(false, false, true);
    assertThat(model.noteProperty().get()).isEqualTo("2 points of daemon history (one a minute), 1 console samples");
  }

  @Test
  void samplesOfOtherProcessesAndLateHistoryAreIgnored() {
    model.show("api");
    model.sample(online(1, "worker", 1, 1, 1), NOW);
    model.history("worker", List.of(new StatsPoint(1, 1, 1, 0, 1, "online")), NOW);

    assertThat(model.points()).isEmpty();
    assertThat(model.noteProperty().get()).isEqualTo("waiting for data");
  }

  @Test
  void samplesAreBounded() {
    model.show("api");
    for (int i = 0; i < ChartsViewModel.MAX_SAMPLES + 50; i++) {
      model.sample(online(0, "api", i, 1, 1), NOW.plusSeconds(i));
    }

    assertThat(model.points()).hasSize(ChartsViewModel.MAX_SAMPLES);
    assertThat(model.points().get(0).cpu()).isEqualTo(50.0);
  }

  @Test
  void historyIsDueOnceAMinute() {
    model.show("api");
    assertThat(model.historyDue(NOW)).isTrue();

    model.historyRequested(NOW);
    assertThat(model.historyDue(NOW.plusSeconds(59))).isFalse();
    assertThat(model.historyDue(NOW.plusSeconds(60))).isTrue();

    model.clear();
    assertThat(model.historyDue(NOW)).isFalse();
  }
}
