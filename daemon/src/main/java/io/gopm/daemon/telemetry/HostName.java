package io.gopm.daemon.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's host name, as {@code hostname} prints it, for the {@code host} tag. */
public final class HostName {

  private HostName() {}

  /**
   * The kernel's host name ({@code <proc>/sys/kernel/hostname}, what Go's {@code os.Hostname}
   * reads); {@code unknown} when it cannot be read or is empty. No DNS lookup.
   */
  public static String of(Path proc) {
    try {
      String name = Files.readString(proc.resolve("sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
      return name.isEmpty() ? LineProtocol.UNKNOWN_HOST : name;
    } catch (IOException | RuntimeException e) {
      return LineProtocol.UNKNOWN_HOST;
    }
  }
}
