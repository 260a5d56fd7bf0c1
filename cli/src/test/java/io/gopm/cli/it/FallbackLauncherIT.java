package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDK's launcher, the daemon's fallback where the event-driven one cannot run (docs/adr/0024):
 * every other integration test runs on the event-driven launcher, so this one keeps the fallback
 * from rotting. Forced with {@code -Dgopm.launcher=jdk}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FallbackLauncherIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void theJdkLauncherStartsCapturesRestartsAfterACrashAndStops() throws Exception {
    gopm.env("GOPM_JAVA_OPTS", "-Dgopm.launcher=jdk");
    Files.writeString(gopm.workDir.resolve("talk.sh"), "echo \"hello from the fallback\"\necho \"to stderr\" >&2\nexec sleep 600\n");

    gopm.ok("start", "talk.sh", "--interpreter", "bash", "--name", "talk");
    ProcessInfo crasher = gopm.startApp("crasher", List.of("--restart-delay", "0s"), "--crash-after", "200ms", "--exit-code", "3");

    gopm.awaitFileContains(gopm.logFile("talk", "out"), "hello from the fallback", WAIT);
    gopm.awaitFileContains(gopm.logFile("talk", "err"), "to stderr", WAIT);
    ProcessInfo restarted = gopm.awaitProcess("crasher", WAIT, p -> p.restarts() >= 2 && p.pid() > 0);
    assertThat(restarted.pid()).isNotEqualTo(crasher.pid());
    assertThat(gopm.daemonLog()).contains("launcher chosen").contains("launcher=jdk");

    gopm.ok("stop", "talk");
    ProcessInfo stopped = gopm.awaitProcess("talk", WAIT, p -> p.status() == ProcessStatus.STOPPED);
    assertThat(stopped.pid()).isZero();
  }
}
