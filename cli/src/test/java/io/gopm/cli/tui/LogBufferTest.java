package io.gopm.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LogBufferTest {

  @Test
  void keepsTheNewestLinesUpToItsCapacity() {
    LogBuffer buffer = new LogBuffer(3);
    assertThat(buffer.addAll(List.of("a", "b", "c"))).isZero();
    assertThat(buffer.add("d")).isEqualTo(1);
    assertThat(buffer.addAll(List.of("e", "f"))).isEqualTo(2);
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.window(10, 0)).containsExactly("d", "e", "f");
  }

  @Test
  void aWindowEndsSomeLinesBackFromTheNewest() {
    LogBuffer buffer = new LogBuffer(100);
    buffer.addAll(IntStream.range(0, 10).mapToObj(Integer::toString).toList());
    assertThat(buffer.window(3, 0)).containsExactly("7", "8", "9");
    assertThat(buffer.window(3, 2)).containsExactly("5", "6", "7");
    assertThat(buffer.window(3, 9)).containsExactly("0");
    assertThat(buffer.window(3, 50)).isEmpty();
    assertThat(buffer.window(0, 0)).isEmpty();
    assertThat(buffer.window(20, 0)).hasSize(10);
  }

  @Test
  void aFloodCostsNoMoreThanTheCapacity() {
    LogBuffer buffer = new LogBuffer(TuiModel.LOG_CAPACITY);
    for (int i = 0; i < 100_000; i++) {
      buffer.add("line " + i);
    }
    assertThat(buffer.size()).isEqualTo(TuiModel.LOG_CAPACITY);
    assertThat(buffer.window(1, 0)).containsExactly("line 99999");
    assertThat(buffer.window(1, TuiModel.LOG_CAPACITY - 1)).containsExactly("line 98000");
    buffer.clear();
    assertThat(buffer.size()).isZero();
  }

  @Test
  void refusesAnEmptyCapacity() {
    assertThatThrownBy(() -> new LogBuffer(0)).hasMessageContaining("capacity");
  }
}
