package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadroomTest {

  private static final long MB = 1024 * 1024;

  private static Headroom headroom(long openFiles, long maxFiles, long liveHeap, long maxHeap) {
    return new Headroom(() -> openFiles, () -> maxFiles, () -> liveHeap, () -> maxHeap);
  }

  @Test
  void startsWhileThereIsRoom() {
    assertThatCode(() -> headroom(100, 1024, 10 * MB, 128 * MB).check()).doesNotThrowAnyException();
  }

  @Test
  void refusesTheStartThatWouldTakeTheReservedFileDescriptors() {
    assertThatThrownBy(() -> headroom(1024 - Headroom.RESERVED_FILES, 1024, 10 * MB, 128 * MB).check())
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("limit of open files (992 of 1024 in use")
        .hasMessageContaining("ulimit -n");
  }

  @Test
  void refusesAStartWhenTheHeapIsNearlyFull() {
    assertThatThrownBy(() -> headroom(100, 1024, 120 * MB, 128 * MB).check())
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("memory is full (120 of 128 MB in use)")
        .hasMessageContaining("GOPM_JAVA_OPTS=-Xmx");
  }

  @Test
  void unknownLimitsDoNotBlockStarts() {
    assertThatCode(() -> headroom(-1, -1, 0, -1).check()).doesNotThrowAnyException();
  }

  @Test
  void thisJvmHasRoomForAStart() {
    assertThatCode(Headroom.ofThisJvm()::check).doesNotThrowAnyException();
  }
}
