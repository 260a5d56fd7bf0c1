package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogsRequestTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 20", "-5, 20", "1, 1", "3, 3", "1000, 1000"})
  void zeroOrFewerLinesMeansTwenty(int asked, int effective) {
    assertThat(new LogsRequest("api", asked, false, false).effectiveLines()).isEqualTo(effective);
  }
}
