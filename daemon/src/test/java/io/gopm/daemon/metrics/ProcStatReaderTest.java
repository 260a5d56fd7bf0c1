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

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcStatReaderTest {

  private static final String TAIL =
      " S 1 1234 1234 0 -1 4194560 1500 0 3 0 250 75 9 8 20 0 4 0 98765 123456789 1300"
          + " 18446744073709551615 1 1 0 0 0 0 0 4096 1260 0 0 0 17 2 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

  @TempDir Path proc;

  private void write(int pid, String stat) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(dir.resolve("stat"), stat);
    Files.writeString(dir.resolve("statm"), "4750 " + (pid * 100) + " 800 10 0 300 0\n");
  }

  @Test
  void readsLinesLongerThanItsFirstBufferWhole() throws IOException {
    write(1, "1 (" + "n".repeat(3000) + ")" + TAIL);

    ProcStat stat = new ProcStatReader(proc, 4096).read(1);

    assertThat(stat).isEqualTo(new ProcStat('S', 325, 98765, 100L * 4096));
  }

  @Test
  void aShortLineAfterALongOneIsNotMixedWithWhatTheBufferHeld() throws IOException {
    ProcStatReader reader = new ProcStatReader(proc, 4096);
    write(1, "1 (" + "n".repeat(3000) + ")" + TAIL);
    write(2, "2 (x) R 1 2 2 0 -1 0 0 0 0 0 11 22 0 0 20 0 1 0 333");
    reader.read(1);

    assertThat(reader.read(2)).isEqualTo(new ProcStat('R', 33, 333, 200L * 4096));
  }

  @Test
  void refusesAFileFarLongerThanAStatLine() throws IOException {
    write(1, "1 (" + "n".repeat(70_000) + ")" + TAIL);

    assertThatThrownBy(() -> new ProcStatReader(proc, 4096).read(1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void aProcessWhoseStatmIsGoneIsAnIOException() throws IOException {
    write(3, "3 (x)" + TAIL);
    Files.delete(proc.resolve("3/statm"));

    assertThatThrownBy(() -> new ProcStatReader(proc, 4096).read(3)).isInstanceOf(IOException.class);
  }

  @Test
  void aProcessThatIsGoneIsAnIOException() {
    assertThatThrownBy(() -> new ProcStatReader(proc, 4096).read(99)).isInstanceOf(IOException.class);
  }
}
