package io.gopm.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LayoutTest {

  @Test
  void eightyByTwentyFourGivesTheProcessesTheirRowsAndTheLogsTheRest() {
    Layout layout = Layout.of(80, 24, 4, true);

    assertThat(layout.tooSmall()).isFalse();
    assertThat(layout.processes()).isEqualTo(new Layout.Box(2, 1, 76, 6));
    assertThat(layout.processRows()).isEqualTo(4);
    assertThat(layout.logs()).isEqualTo(new Layout.Box(2, 7, 76, 13));
    assertThat(layout.logRows()).isEqualTo(11);
    assertThat(layout.messageRow()).isEqualTo(20);
    assertThat(layout.helpRow()).isEqualTo(21);
    assertThat(layout.helpRows()).isEqualTo(2);
    assertThat(layout.logs().innerWidth()).isEqualTo(72);
  }

  @Test
  void everyRowIsUsedAndNothingOverlaps() {
    for (int height = Layout.MIN_HEIGHT; height <= 80; height++) {
      for (int processes : new int[] {0, 1, 4, 30, 200}) {
        for (boolean logs : new boolean[] {true, false}) {
          Layout layout = Layout.of(100, height, processes, logs);
          Layout.Box top = layout.processes();
          assertThat(top.y()).isIn(1, 2);
          assertThat(top.height()).as("%d rows, %d processes", height, processes).isGreaterThanOrEqualTo(3);
          int end = top.y() + top.height();
          if (logs) {
            Layout.Box bottom = layout.logs();
            assertThat(bottom.y()).isGreaterThanOrEqualTo(end);
            assertThat(bottom.height()).isGreaterThanOrEqualTo(Layout.MIN_LOG_BOX - (height < 13 ? 2 : 0));
            end = bottom.y() + bottom.height();
          }
          assertThat(end).as("%d rows, %d processes, logs %s", height, processes, logs).isEqualTo(layout.messageRow());
          assertThat(layout.helpRow() + layout.helpRows()).isEqualTo(height - 1);
        }
      }
    }
  }

  @Test
  void aTallScreenIsAiryAndShowsEveryProcess() {
    Layout layout = Layout.of(200, 60, 12, true);

    assertThat(layout.processes()).isEqualTo(new Layout.Box(2, 2, 196, 14));
    assertThat(layout.processRows()).isEqualTo(12);
    assertThat(layout.logs().y()).as("a blank row between the boxes").isEqualTo(17);
    assertThat(layout.logRows()).isEqualTo(layout.messageRow() - 17 - 2);
    assertThat(layout.logRows()).isGreaterThan(30);
  }

  @Test
  void manyProcessesLeaveTheLogsAThirdOfTheSpace() {
    Layout layout = Layout.of(120, 40, 200, true);
    int space = layout.messageRow() - layout.processes().y() - 1;
    assertThat(layout.logs().height()).isGreaterThanOrEqualTo(space / 3);
    assertThat(layout.processRows()).isLessThan(200);
  }

  @Test
  void hiddenLogsGiveTheProcessesEverything() {
    Layout layout = Layout.of(80, 24, 3, false);
    assertThat(layout.logs()).isNull();
    assertThat(layout.logRows()).isZero();
    assertThat(layout.processes().y() + layout.processes().height()).isEqualTo(layout.messageRow());
  }

  @Test
  void aLowScreenHasOneHelpRow() {
    Layout layout = Layout.of(80, 12, 2, true);
    assertThat(layout.helpRows()).isEqualTo(1);
    assertThat(layout.helpRow()).isEqualTo(10);
    assertThat(layout.logRows()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void belowTheMinimumNothingIsLaidOut() {
    assertThat(Layout.of(39, 24, 3, true).tooSmall()).isTrue();
    assertThat(Layout.of(80, 9, 3, true).tooSmall()).isTrue();
    assertThat(Layout.of(1, 1, 0, false).tooSmall()).isTrue();
    assertThat(Layout.of(40, 10, 3, true).tooSmall()).isFalse();
  }

  @Test
  void theListScrollsOnlyAsFarAsTheSelectionNeeds() {
    assertThat(Layout.firstVisibleRow(0, 5)).isZero();
    assertThat(Layout.firstVisibleRow(4, 5)).isZero();
    assertThat(Layout.firstVisibleRow(5, 5)).isEqualTo(1);
    assertThat(Layout.firstVisibleRow(99, 5)).isEqualTo(95);
    assertThat(Layout.firstVisibleRow(3, 0)).isZero();
  }
}
