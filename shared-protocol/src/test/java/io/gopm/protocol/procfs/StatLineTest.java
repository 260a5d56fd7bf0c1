package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatLineTest {

  @Test
  void theCommandNameRunsToTheLastParenthesisEvenWithSpacesAndParenthesesInside() {
    String line = ProcFixture.stat(4242, "my (weird) ) app", "R", 4200, 4100, 34816, 1234, 567, -5, 12_345_600);

    StatLine stat = StatLine.parse(line).orElseThrow();

    assertThat(stat.comm()).isEqualTo("my (weird) ) app");
    assertThat(stat.state()).isEqualTo("R");
    assertThat(stat.ppid()).isEqualTo(4200);
    assertThat(stat.session()).isEqualTo(4100);
    assertThat(stat.ttyNr()).isEqualTo(34816);
    assertThat(stat.utimeTicks()).isEqualTo(1234);
    assertThat(stat.stimeTicks()).isEqualTo(567);
    assertThat(stat.nice()).isEqualTo(-5);
    assertThat(stat.startTicks()).isEqualTo(12_345_600);
  }

  @Test
  void textThatIsNotAStatLineIsRefused() {
    assertThat(StatLine.parse("")).isEmpty();
    assertThat(StatLine.parse("42 (short) S 1 2 3")).isEmpty();
    assertThat(StatLine.parse("no parentheses at all")).isEmpty();
  }
}
