package io.gopm.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcStatTest {

  /**
   * A stat line as the kernel writes it (52 fields), for a command named {@code my (weird) app}:
   * state S, utime (field 14) 250, stime (15) 75, cutime/cstime 9/8 (must not count), starttime
   * (22) 98765.
   */
  private static final String STAT =
      "1234 (my (weird) app) S 1 1234 1234 0 -1 4194560 1500 0 3 0 250 75 9 8 20 0 4 0 98765"
          + " 123456789 1300 18446744073709551615 1 1 0 0 0 0 0 4096 1260 0 0 0 17 2 0 0 0 0 0 0 0 0 0"
          + " 0 0 0 0\n";

  private static final String STATUS =
      "Name:\tmy (weird) app\n"
          + "Umask:\t0022\n"
          + "State:\tS (sleeping)\n"
          + "Tgid:\t1234\n"
          + "Pid:\t1234\n"
          + "VmPeak:\t   20000 kB\n"
          + "VmSize:\t   19000 kB\n"
          + "VmHWM:\t    6000 kB\n"
          + "VmRSS:\t    5120 kB\n"
          + "RssAnon:\t    3000 kB\n"
          + "Threads:\t4\n";

  private static final String ZOMBIE_STATUS =
      "Name:\tdefunct\nState:\tZ (zombie)\nTgid:\t77\nPid:\t77\nThreads:\t1\n";

  @TempDir Path proc;

  @Test
  void parsesCpuTicksStartTimeAndStateAfterTheLastParenthesis() throws IOException {
    ProcStat stat = ProcStat.parse(STAT, STATUS);

    assertThat(stat.state()).isEqualTo('S');
    assertThat(stat.cpuTicks()).isEqualTo(250 + 75);
    assertThat(stat.startTicks()).isEqualTo(98765);
  }

  @Test
  void convertsVmRssFromKilobytesToBytes() throws IOException {
    assertThat(ProcStat.parse(STAT, STATUS).rssBytes()).isEqualTo(5120L * 1024);
  }

  @Test
  void aCommandNameWithSpacesAndAClosingParenthesisFollowedBySpaceIsHandled() throws IOException {
    String stat = STAT.replace("(my (weird) app)", "(a) b) S 9 (c))");

    ProcStat parsed = ProcStat.parse(stat, STATUS);

    assertThat(parsed.cpuTicks()).isEqualTo(325);
    assertThat(parsed.startTicks()).isEqualTo(98765);
  }

  @Test
  void aLineWithExactlyTwentyTwoFieldsIsEnough() throws IOException {
    String stat = "42 (x) R 1 42 42 0 -1 0 0 0 0 0 11 22 0 0 20 0 1 0 333";

    ProcStat parsed = ProcStat.parse(stat, "VmRSS:\t1 kB");

    assertThat(parsed).isEqualTo(new ProcStat('R', 33, 333, 1024));
  }

  @Test
  void aZombieWithoutMemoryLinesHasZeroRss() throws IOException {
    String stat = STAT.replace(") S ", ") Z ");

    ProcStat parsed = ProcStat.parse(stat, ZOMBIE_STATUS);

    assertThat(parsed.state()).isEqualTo('Z');
    assertThat(parsed.rssBytes()).isZero();
  }

  @Test
  void largeTickCountsDoNotOverflowAnInt() throws IOException {
    String stat = STAT.replace(" 250 75 ", " 4000000000 3000000000 ");

    assertThat(ProcStat.parse(stat, STATUS).cpuTicks()).isEqualTo(7_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1234 my app S 1 2 3",
        "1234 (app) S 1 1234 1234 0 -1 4194560 1500 0 3 0 250",
      })
  void aMalformedStatLineIsAnIOException(String stat) {
    assertThatThrownBy(() -> ProcStat.parse(stat, STATUS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unexpected /proc stat format");
  }

  @Test
  void aStatLineEndingRightAfterTheCommandNameIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse("1234 (app) ", STATUS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unexpected /proc stat format");
  }

  @Test
  void aStatLineEndingAtTheClosingParenthesisIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse("1234 (app)", STATUS)).isInstanceOf(IOException.class);
  }

  @Test
  void aNonNumericTickFieldIsAnIOException() {
    String stat = STAT.replace(" 250 75 ", " x 75 ");

    assertThatThrownBy(() -> ProcStat.parse(stat, STATUS)).isInstanceOf(IOException.class);
  }

  @Test
  void aMalformedVmRssLineIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse(STAT, "VmRSS:\tlots kB\n")).isInstanceOf(IOException.class);
  }

  @Test
  void readsTheFilesOfAPidDirectory() throws IOException {
    Path pid = Files.createDirectory(proc.resolve("1234"));
    Files.writeString(pid.resolve("stat"), STAT);
    Files.writeString(pid.resolve("status"), STATUS);

    assertThat(ProcStat.read(proc, 1234)).isEqualTo(new ProcStat('S', 325, 98765, 5120L * 1024));
  }

  @Test
  void readingAProcessThatIsGoneThrows() {
    assertThatThrownBy(() -> ProcStat.read(proc, 999)).isInstanceOf(IOException.class);
  }

  @Test
  void readsTheRealProcOfThisJvm() throws IOException {
    int pid = (int) ProcessHandle.current().pid();

    ProcStat self = ProcStat.read(Path.of("/proc"), pid);

    assertThat(self.rssBytes()).isPositive();
    assertThat(self.rssBytes() % 1024).isZero();
    assertThat(self.state()).isIn('R', 'S', 'D');
    assertThat(self.startTicks()).isPositive();
    assertThat(self.cpuTicks()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void clockTicksAreOneHundredPerSecond() {
    assertThat(ProcStat.CLOCK_TICKS).isEqualTo(100);
  }
}
