package io.gopm.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {

  @Test
  void keepsAtMostItsCapacityAndSaysHowManyWereDropped() {
    LogBuffer buffer = new LogBuffer(3);
    for (int i = 1; i <= 10; i++) {
      buffer.add(LogEntry.line("out", "line " + i));
    }

    assertThat(buffer.size()).isEqualTo(3);
    List<LogEntry> drained = buffer.drain();

    assertThat(drained).extracting(LogEntry::text).containsExactly(
        "… 7 lines skipped (arriving faster than shown) …", "line 8", "line 9", "line 10");
    assertThat(drained.get(0).skipped()).isEqualTo(7);
    assertThat(drained.get(0).notice()).isTrue();
    assertThat(buffer.droppedTotal()).isEqualTo(7);
  }

  @Test
  void aDrainEmptiesTheBufferAndResetsTheNotice() {
    LogBuffer buffer = new LogBuffer(2);
    buffer.add(LogEntry.line("out", "a"));
    buffer.add(LogEntry.line("out", "b"));
    buffer.add(LogEntry.line("out", "c"));
    buffer.drain();

    buffer.add(LogEntry.line("out", "d"));

    assertThat(buffer.drain()).extracting(LogEntry::text).containsExactly("d");
    assertThat(buffer.drain()).isEmpty();
  }

  @Test
  void linesTheDaemonDroppedAreCountedToo() {
    LogBuffer buffer = new LogBuffer(10);
    buffer.skippedUpstream(500);
    buffer.add(LogEntry.line("out", "after the gap"));

    assertThat(buffer.drain()).extracting(LogEntry::skipped).containsExactly(500L, 0L);
  }

  @Test
  void aMillionLinesCostNoMoreThanTheCapacity() {
    LogBuffer buffer = new LogBuffer(1000);
    for (int i = 0; i < 1_000_000; i++) {
      buffer.add(LogEntry.line("out", "flood"));
    }

    assertThat(buffer.size()).isEqualTo(1000);
    assertThat(buffer.droppedTotal()).isEqualTo(999_000);
  }
}
