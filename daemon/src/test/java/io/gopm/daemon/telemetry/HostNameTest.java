package io.gopm.daemon.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostNameTest {

  @TempDir Path proc;

  @Test
  void isTheKernelHostNameWithoutItsLineEnd() throws Exception {
    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.writeString(proc.resolve("sys/kernel/hostname"), "nyc1\n");

    assertThat(HostName.of(proc)).isEqualTo("nyc1");
  }

  @Test
  void isUnknownWhenItCannotBeReadOrIsEmpty() throws Exception {
    assertThat(HostName.of(proc)).isEqualTo("unknown");

    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.writeString(proc.resolve("sys/kernel/hostname"), "\n");
    assertThat(HostName.of(proc)).isEqualTo("unknown");
  }

  @Test
  void isReadFromTheRealProcOnLinux() {
    assertThat(HostName.of(Path.of("/proc"))).isNotBlank().doesNotContain("\n");
  }
}
