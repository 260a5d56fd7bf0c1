package io.gopm.cli.system;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where GoPM's system integration lives: the systemd unit, the {@code /usr/local/bin} link, the
 * marker of a running systemd, and the {@code systemctl} command. {@code GOPM_SYSTEM_ROOT} (a
 * directory standing in for {@code /}) and {@code GOPM_SYSTEMCTL} (another command) exist for
 * tests only, which cannot touch the real system.
 *
 * @param root the file system root, {@code /} in production
 * @param systemctl the command that talks to systemd
 */
public record SystemPaths(Path root, String systemctl) {

  /** The paths of this machine, or of the test root named in the environment. */
  public static SystemPaths fromEnvironment(Map<String, String> env) {
    String root = env.get("GOPM_SYSTEM_ROOT");
    String systemctl = env.get("GOPM_SYSTEMCTL");
    return new SystemPaths(
        Path.of(root == null || root.isEmpty() ? "/" : root),
        systemctl == null || systemctl.isEmpty() ? "systemctl" : systemctl);
  }

  /** {@code /etc/systemd/system/gopm.service}. */
  public Path unitFile() {
    return root.resolve("etc/systemd/system/gopm.service");
  }

  /** {@code /usr/local/bin/gopm}, the link {@code install} creates. */
  public Path binLink() {
    return root.resolve("usr/local/bin/gopm");
  }

  /** {@code /run/systemd/system}: exists when systemd is the running init system. */
  public Path systemdRunDir() {
    return root.resolve("run/systemd/system");
  }

  /** {@code /etc/passwd}. */
  public Path passwd() {
    return Path.of("/etc/passwd");
  }
}
