package io.gopm.cli.system;

import java.nio.file.Path;

/**
 * The systemd unit GoPM installs. The daemon runs in the foreground ({@code Type=simple}, {@code
 * gopm --daemon}), so systemd tracks its main process exactly, without a PID file; it brings back
 * the saved processes itself when it starts. {@code KillMode=mixed} lets the daemon stop its
 * children gracefully on SIGTERM (systemd only SIGKILLs what is left after the timeout).
 */
public final class UnitFile {

  private UnitFile() {}

  /** The unit text for a daemon run as {@code user} from the executable at {@code gopm}. */
  public static String render(SystemUser user, Path gopm) {
    return String.join(
            "\n",
            "[Unit]",
            "Description=GoPM Process Manager",
            "Documentation=https://github.com/7c/gopm",
            "After=network.target",
            "",
            "[Service]",
            "Type=simple",
            "User=" + user.name(),
            "Environment=HOME=" + user.home(),
            "ExecStart=" + gopm + " --daemon",
            "ExecReload=" + gopm + " restart all",
            "KillMode=mixed",
            "TimeoutStopSec=120",
            "Restart=always",
            "RestartSec=5",
            "LimitNOFILE=65536",
            "LimitNPROC=65536",
            "",
            "[Install]",
            "WantedBy=multi-user.target",
            "")
        ;
  }
}
