package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ConsoleCommandTest {

  @TempDir Path dir;

  @Test
  void theConsoleBesideGopmComesBeforeTheOneOnPath() throws IOException {
    Path dist = Files.createDirectories(dir.resolve("dist"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path beside = executable(dist.resolve("gopm-console"));
    executable(bin.resolve("gopm-console"));

    assertThat(ConsoleCommand.find(dist.resolve("gopm").toString(), Map.of("PATH", bin.toString())))
        .contains(beside);
  }

  @Test
  void otherwiseTheFirstExecutableOnPathIsUsed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path notExecutable = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(notExecutable.resolve("gopm-console"), "");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path onPath = executable(bin.resolve("gopm-console"));

    String path = empty + ":" + notExecutable + "::" + bin;
    assertThat(ConsoleCommand.find(dir.resolve("gopm").toString(), Map.of("PATH", path))).contains(onPath);
  }

  @Test
  void nothingFoundIsEmpty() {
    assertThat(ConsoleCommand.find(null, Map.of())).isEmpty();
    assertThat(ConsoleCommand.find(dir.resolve("gopm").toString(), Map.of("PATH", dir.toString()))).isEmpty();
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
