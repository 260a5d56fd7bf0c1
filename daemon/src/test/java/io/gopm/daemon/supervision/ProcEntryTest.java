package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcEntryTest {

  @Test
  void parsesStatePgrpAndStartTimeAfterACommandNameWithSpacesAndParentheses() {
    String line = "4521 (my (odd) app) S 1 4521 4521 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 1000 50 "
        + "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    assertThat(ProcEntry.parseStat(line)).contains(new ProcEntry.Stat('S', 4521, 987654));
  }

  @Test
  void aTruncatedOrForeignLineIsNotAStatLine() {
    assertThat(ProcEntry.parseStat("")).isEmpty();
    assertThat(ProcEntry.parseStat("12 (x) S 1 2")).isEmpty();
    assertThat(ProcEntry.parseStat("12 (x) S 1 x 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")).isEmpty();
  }

  @Test
  void findsOneVariableInANulSeparatedEnvironment() {
    String environ = "PATH=/bin\0GOPM_DAEMON_RUN=1:2:/h\0HOME=/root\0";

    assertThat(ProcEntry.environmentValue(environ, RunMarker.VARIABLE)).contains("1:2:/h");
    assertThat(ProcEntry.environmentValue(environ, "GOPM")).isEmpty();
  }

  @Test
  void aMarkerRoundTripsThroughItsTextEvenWithColonsInTheHome() {
    RunMarker marker = new RunMarker(12, 3456, Path.of("/tmp/a:b"));

    assertThat(RunMarker.parse(marker.text())).contains(marker);
    assertThat(RunMarker.parse("garbage")).isEmpty();
    assertThat(RunMarker.parse("x:1:/h")).isEmpty();
  }
}
