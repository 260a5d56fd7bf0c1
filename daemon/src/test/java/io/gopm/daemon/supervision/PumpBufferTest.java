package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PumpBufferTest {

  @Test
  void aQuietStreamKeepsTheSmallBuffer() {
    PumpBuffer buffer = new PumpBuffer();
    for (int i = 0; i < 100; i++) {
      buffer.adapt(120);
    }
    assertThat(buffer.bytes()).hasSize(PumpBuffer.MIN);
  }

  @Test
  void readsThatFillTheBufferGrowItToTheMaximumAndNoFurther() {
    PumpBuffer buffer = new PumpBuffer();
    for (int i = 0; i < 10; i++) {
      buffer.adapt(buffer.bytes().length);
    }
    assertThat(buffer.bytes()).hasSize(PumpBuffer.MAX);
  }

  @Test
  void aStreamThatCalmsDownGivesTheRoomBack() {
    PumpBuffer buffer = new PumpBuffer();
    for (int i = 0; i < 10; i++) {
      buffer.adapt(buffer.bytes().length);
    }
    buffer.adapt(buffer.bytes().length / 2);
    assertThat(buffer.bytes()).as("a half-full read keeps the size").hasSize(PumpBuffer.MAX);

    for (int i = 0; i < 10; i++) {
      buffer.adapt(100);
    }
    assertThat(buffer.bytes()).hasSize(PumpBuffer.MIN);
  }
}
