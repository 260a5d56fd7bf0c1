package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdkProcessLauncherTest {

  @ParameterizedTest(name = "JDK exit value {0} is recorded as {1}")
  @CsvSource({
    "0, 0",
    "1, 1",
    "2, 2",
    "127, 127",
    "128, 128", // exit(128) is a plain exit code: signals start at 1
    "129, -1", // SIGHUP
    "137, -1", // SIGKILL
    "143, -1", // SIGTERM
    "192, -1", // the highest signal number (64)
    "193, 193", // above 128 + 64 is no signal
    "255, 255",
  })
  void signalDeathsBecomeMinusOneAndOtherCodesAreKept(int jdkExitValue, int expected) {
    assertThat(JdkProcessLauncher.exitCode(jdkExitValue)).isEqualTo(expected);
  }
}
