package io.gopm.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A user account the daemon can run as.
 *
 * @param name the login name
 * @param uid its user ID
 * @param home its home directory (where {@code .gopm} lives)
 */
public record SystemUser(String name, long uid, Path home) {

  /**
   * Looks a name up in the user database ({@code getent passwd}, so directory services count; the
   * {@code passwd} file when {@code getent} is missing).
   */
  public static Optional<SystemUser> lookup(String name, Path passwd) {
    if (name == null || name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('\n') >= 0) {
      return Optional.empty();
    }
    try {
      Process getent = new ProcessBuilder("getent", "passwd", name).redirectErrorStream(true).start();
      String line = new String(getent.getInputStream().readAllBytes()).strip();
      if (getent.waitFor() == 0 && !line.isEmpty()) {
        return parse(line);
      }
      if (getent.exitValue() == 2) {
        return Optional.empty(); // not found
      }
    } catch (IOException e) {
      // no getent: read the file
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      return Files.readAllLines(passwd).stream()
          .filter(line -> line.startsWith(name + ":"))
          .findFirst()
          .flatMap(SystemUser::parse);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The effective user ID of this process (the owner of {@code /proc/self}). */
  public static long effectiveUid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }

  /** A {@code passwd} line: {@code name:x:uid:gid:gecos:home:shell}. */
  static Optional<SystemUser> parse(String line) {
    String[] fields = line.split(":", -1);
    if (fields.length < 7) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SystemUser(fields[0], Long.parseLong(fields[2]), Path.of(fields[5])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
