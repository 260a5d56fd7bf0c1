package io.gopm.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
   * (22) 98765, vsize (23) 123456789, rss (24) 1300 pages.
   */
  private static final String STAT =
      "1234 (my (weird) app) S 1 1234 1234 0 -1 4194560 1500 0 3 0 250 75 9 8 20 0 4 0 98765"
          + " 123456789 1300 18446744073709551615 1 1 0 0 0 0 0 4096 1260 0 0 0 17 2 0 0 0 0 0 0 0 0 0"
          + " 0 0 0 0\n";

  /** The matching statm: size, resident (1300 pages), shared, text, lib, data, dt. */
  private static final String STATM = "4750 1300 800 10 0 300 0\n";

  @TempDir Path proc;

  @Test
  void parsesCpuTicksStartTimeAndStateAfterTheLastParenthesis() throws IOException {
    ProcStat stat = ProcStat.parse(STAT, STATM);

    assertThat(stat.state()).isEqualTo('S');
    assertThat(stat.cpuTicks()).isEqualTo(250 + 75);
    assertThat(stat.startTicks()).isEqualTo(98765);
  }

  @Test
  void convertsTheResidentPagesOfStatmToBytes() throws IOException {
    assertThat(ProcStat.parse(STAT, STATM).rssBytes()).isEqualTo(1300L * ProcStat.PAGE_SIZE);
  }

  @Test
  void theResidentPagesAreTheSecondFieldOfStatm() throws IOException {
    byte[] statm = "4750 1300 800 10 0 300 0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(ProcStat.residentPages(statm, statm.length)).isEqualTo(1300);
    assertThat(ProcStat.residentPages(statm, 9)).isEqualTo(1300);
  }

  @Test
  void aCommandNameWithSpacesAndAClosingParenthesisFollowedBySpaceIsHandled() throws IOException {
    String stat = STAT.replace("(my (weird) app)", "(a) b) S 9 (c))");

    ProcStat parsed = ProcStat.parse(stat, STATM);

    assertThat(parsed.cpuTicks()).isEqualTo(325);
    assertThat(parsed.startTicks()).isEqualTo(98765);
  }

  @Test
  void aLineWithExactlyTwentyTwoFieldsIsEnough() throws IOException {
    String stat = "42 (x) R 1 42 42 0 -1 0 0 0 0 0 11 22 0 0 20 0 1 0 333";

    ProcStat parsed = ProcStat.parse(stat, STATM);

    assertThat(parsed).isEqualTo(new ProcStat('R', 33, 333, 1300L * ProcStat.PAGE_SIZE));
  }

  @Test
  void aZombieHasZeroRss() throws IOException {
    String stat = STAT.replace(") S ", ") Z ");

    ProcStat parsed = ProcStat.parse(stat, "0 0 0 0 0 0 0\n");

    assertThat(parsed.state()).isEqualTo('Z');
    assertThat(parsed.rssBytes()).isZero();
  }

  @Test
  void largeTickCountsDoNotOverflowAnInt() throws IOException {
    String stat = STAT.replace(" 250 75 ", " 4000000000 3000000000 ");

    assertThat(ProcStat.parse(stat, STATM).cpuTicks()).isEqualTo(7_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1234 my app S 1 2 3",
        "1234 (app) S 1 1234 1234 0 -1 4194560 1500 0 3 0 250",
      })
  void aMalformedStatLineIsAnIOException(String stat) {
    assertThatThrownBy(() -> ProcStat.parse(stat, STATM))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unexpected /proc stat format");
  }

  @Test
  void aStatLineEndingRightAfterTheCommandNameIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse("1234 (app) ", STATM))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unexpected /proc stat format");
  }

  @Test
  void aStatLineEndingAtTheClosingParenthesisIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse("1234 (app)", STATM)).isInstanceOf(IOException.class);
  }

  @Test
  void aNonNumericTickFieldIsAnIOException() {
    String stat = STAT.replace(" 250 75 ", " x 75 ");

    assertThatThrownBy(() -> ProcStat.parse(stat, STATM)).isInstanceOf(IOException.class);
  }

  @Test
  void aMalformedStatmIsAnIOException() {
    assertThatThrownBy(() -> ProcStat.parse(STAT, "4750 lots 800 10 0 300 0\n")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ProcStat.parse(STAT, "4750\n")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ProcStat.parse(STAT, "")).isInstanceOf(IOException.class);
  }

  @Test
  void readsTheFilesOfAPidDirectory() throws IOException {
    Path pid = Files.createDirectory(proc.resolve("1234"));
    Files.writeString(pid.resolve("stat"), STAT);
    Files.writeString(pid.resolve("statm"), STATM);

    assertThat(ProcStat.read(proc, 1234)).isEqualTo(new ProcStat('S', 325, 98765, 1300L * ProcStat.PAGE_SIZE));
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
    assertThat(self.rssBytes() % ProcStat.PAGE_SIZE).isZero();
    assertThat(self.state()).isIn('R', 'S', 'D');
    assertThat(self.startTicks()).isPositive();
    assertThat(self.cpuTicks()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theResidentMemoryIsTheVmRssOfTheStatusFile() throws IOException, InterruptedException {
    Process cat = new ProcessBuilder("cat").start();
    try {
      int pid = (int) cat.pid();
      Path proc = Path.of("/proc");
      // once cat echoes a line it has been exec'd and waits on stdin, its memory steady (no poll)
      cat.getOutputStream().write("ready\n".getBytes(StandardCharsets.US_ASCII));
      cat.getOutputStream().flush();
      assertThat(new BufferedReader(new InputStreamReader(cat.getInputStream(), StandardCharsets.US_ASCII)).readLine())
          .isEqualTo("ready");

      long fromStatus = vmRssKilobytes(Files.readString(proc.resolve(pid + "/status"))) * 1024;

      assertThat(fromStatus).isPositive();
      assertThat(ProcStat.read(proc, pid).rssBytes()).isEqualTo(fromStatus);
    } finally {
      cat.destroyForcibly().waitFor();
    }
  }

  private static long vmRssKilobytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    throw new AssertionError("no VmRSS line in " + status);
  }

  @Test
  void thePageSizeComesFromTheAuxiliaryVector() throws IOException {
    java.nio.ByteBuffer words =
        java.nio.ByteBuffer.allocate(6 * Long.BYTES).order(java.nio.ByteOrder.nativeOrder());
    words.putLong(3).putLong(0x400040).putLong(6).putLong(16384).putLong(0).putLong(0);
    Path auxv = Files.write(proc.resolve("auxv"), words.array());

    assertThat(ProcStat.pageSize(auxv)).isEqualTo(16384);
    assertThat(ProcStat.pageSize(proc.resolve("missing"))).isEqualTo(4096);
    assertThat(Long.bitCount(ProcStat.PAGE_SIZE)).isEqualTo(1);
    assertThat(ProcStat.PAGE_SIZE).isGreaterThanOrEqualTo(4096);
  }

  @Test
  void clockTicksAreOneHundredPerSecond() {
    assertThat(ProcStat.CLOCK_TICKS).isEqualTo(100);
  }
}
