package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.Ansi;
import org.junit.jupiter.api.Test;

class LogsCommandTest {

  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  private final Ansi on = new Ansi(true);
  private final Ansi off = new Ansi(false);

  // ---- dimTimestamp ----

  @Test
  void dimsALeadingIsoTimestamp() {
    String line = "2026-02-05T15:39:14.739-05:00 server listening";

    assertThat(LogsCommand.dimTimestamp(on, line))
        .isEqualTo(DIM + "2026-02-05T15:39:14.739-05:00" + RESET + " server listening");
  }

  @Test
  void dimsAUtcTimestampWithNanoseconds() {
    String line = "2026-02-05T15:39:14.739123456Z stdout heartbeat";

    assertThat(LogsCommand.dimTimestamp(on, line))
        .isEqualTo(DIM + "2026-02-05T15:39:14.739123456Z" + RESET + " stdout heartbeat");
  }

  @Test
  void dimsOnlyTheTimestampAndKeepsTheRestVerbatim() {
    String line = "2026-02-05T15:39:14Z  two  spaces 2026-02-05T15:39:14Z";

    String dimmed = LogsCommand.dimTimestamp(on, line);

    assertThat(dimmed).startsWith(DIM + "2026-02-05T15:39:14Z" + RESET);
    assertThat(Ansi.strip(dimmed)).isEqualTo(line);
    assertThat(dimmed.split("\u001b\\[2m", -1)).hasSize(2);
  }

  @Test
  void leavesLinesWithoutALeadingTimestampAlone() {
    assertThat(LogsCommand.dimTimestamp(on, "hello world")).isEqualTo("hello world");
    assertThat(LogsCommand.dimTimestamp(on, "[gopm] process started")).isEqualTo("[gopm] process started");
    assertThat(LogsCommand.dimTimestamp(on, "message 2026-02-05T15:39:14Z"))
        .isEqualTo("message 2026-02-05T15:39:14Z");
    assertThat(LogsCommand.dimTimestamp(on, " 2026-02-05T15:39:14Z indented"))
        .isEqualTo(" 2026-02-05T15:39:14Z indented");
    assertThat(LogsCommand.dimTimestamp(on, "2026-02-05 15:39:14 space separated"))
        .isEqualTo("2026-02-05 15:39:14 space separated");
    assertThat(LogsCommand.dimTimestamp(on, "")).isEmpty();
  }

  @Test
  void leavesALineThatIsOnlyATimestampAlone() {
    assertThat(LogsCommand.dimTimestamp(on, "2026-02-05T15:39:14Z")).isEqualTo("2026-02-05T15:39:14Z");
  }

  @Test
  void leavesTimestampsAloneWhenColoursAreOff() {
    String line = "2026-02-05T15:39:14.739-05:00 server listening";

    assertThat(LogsCommand.dimTimestamp(off, line)).isEqualTo(line);
  }

  // ---- colourDaemonLine ----

  @Test
  void dimsTheTimePartOfAnInfoLine() {
    String line = "time=2026-02-05T15:39:14.739Z level=INFO msg=\"daemon started\" pid=42";

    assertThat(LogsCommand.colourDaemonLine(on, line))
        .isEqualTo(DIM + "time=2026-02-05T15:39:14.739Z" + RESET + " level=INFO msg=\"daemon started\" pid=42");
  }

  @Test
  void coloursAnErrorLineRed() {
    String line = "time=2026-02-05T15:39:14.739Z level=ERROR msg=boom";

    String coloured = LogsCommand.colourDaemonLine(on, line);

    assertThat(coloured).startsWith(DIM + "time=2026-02-05T15:39:14.739Z" + RESET);
    assertThat(coloured).contains(RED + " level=ERROR msg=boom" + RESET);
    assertThat(Ansi.strip(coloured)).isEqualTo(line);
  }

  @Test
  void coloursAWarningLineYellow() {
    String line = "time=2026-02-05T15:39:14.739Z level=WARN msg=\"slow start\"";

    String coloured = LogsCommand.colourDaemonLine(on, line);

    assertThat(coloured).startsWith(DIM + "time=2026-02-05T15:39:14.739Z" + RESET);
    assertThat(coloured).contains(YELLOW + " level=WARN msg=\"slow start\"" + RESET);
    assertThat(coloured).doesNotContain(RED);
    assertThat(Ansi.strip(coloured)).isEqualTo(line);
  }

  @Test
  void doesNotColourInfoOrDebugLinesRedOrYellow() {
    for (String level : new String[] {"INFO", "DEBUG"}) {
      String coloured = LogsCommand.colourDaemonLine(on, "time=t level=" + level + " msg=x");
      assertThat(coloured).doesNotContain(RED).doesNotContain(YELLOW);
    }
  }

  @Test
  void leavesLinesThatAreNotKeyValueRecordsUntouched() {
    assertThat(LogsCommand.colourDaemonLine(on, "panic: something broke")).isEqualTo("panic: something broke");
    assertThat(LogsCommand.colourDaemonLine(on, "  at io.gopm.Foo(Foo.java:1)"))
        .isEqualTo("  at io.gopm.Foo(Foo.java:1)");
    assertThat(LogsCommand.colourDaemonLine(on, "level=ERROR msg=no time")).isEqualTo("level=ERROR msg=no time");
    assertThat(LogsCommand.colourDaemonLine(on, "")).isEmpty();
  }

  @Test
  void dimsALineThatIsOnlyATime() {
    assertThat(LogsCommand.colourDaemonLine(on, "time=2026-02-05T15:39:14Z"))
        .isEqualTo(DIM + "time=2026-02-05T15:39:14Z" + RESET);
  }

  @Test
  void leavesDaemonLinesUnchangedWhenColoursAreOff() {
    for (String line :
        new String[] {
          "time=2026-02-05T15:39:14.739Z level=INFO msg=x",
          "time=2026-02-05T15:39:14.739Z level=ERROR msg=boom",
          "time=2026-02-05T15:39:14.739Z level=WARN msg=hm",
          "panic: x"
        }) {
      assertThat(LogsCommand.colourDaemonLine(off, line)).isEqualTo(line);
    }
  }
}
