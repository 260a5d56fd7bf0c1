package io.gopm.console.connect;

import io.gopm.console.Workstation;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ssh} command lines the console runs for one {@link Target.Ssh}. {@code BatchMode}
 * makes ssh fail instead of asking for a password or passphrase: the console never asks for one
 * and never stores one; keys come from the user's agent and configuration.
 */
public final class SshCommand {

  private final String executable;
  private final Target.Ssh target;
  private final SshOptions options;

  public SshCommand(String executable, Target.Ssh target, SshOptions options) {
    this.executable = executable;
    this.target = target;
    this.options = options;
  }

  /** Prints the daemon socket's path on the host ({@link Workstation#remoteSocketProbe()}). */
  public List<String> probe() {
    List<String> command = common();
    command.add("-T");
    addDestination(command);
    command.add(Workstation.remoteSocketProbe());
    return command;
  }

  /**
   * Forwards {@code localEnd} (a Unix socket path, or {@code 127.0.0.1:PORT}) to the daemon's
   * socket until ssh is ended; ssh exits at once if it cannot set the forward up.
   */
  public List<String> tunnel(String localEnd, String remoteSocket) {
    List<String> command = common();
    command.addAll(
        List.of(
            "-o", "ExitOnForwardFailure=yes",
            "-o", "StreamLocalBindUnlink=yes",
            "-o", "StreamLocalBindMask=0177",
            "-o", "ServerAliveInterval=10",
            "-o", "ServerAliveCountMax=3",
            "-o", "ControlMaster=no",
            "-o", "ControlPath=none",
            "-N",
            "-L", localEnd + ":" + remoteSocket));
    addDestination(command);
    return command;
  }

  private List<String> common() {
    List<String> command = new ArrayList<>();
    command.add(executable);
    if (options.configFile() != null) {
      command.add("-F");
      command.add(options.configFile().toString());
    }
    for (String option : options.options()) {
      command.add("-o");
      command.add(option);
    }
    command.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=15"));
    return command;
  }

  private void addDestination(List<String> command) {
    if (target.port() != 0) {
      command.add("-p");
      command.add(Integer.toString(target.port()));
    }
    if (target.user() != null) {
      command.add("-l");
      command.add(target.user());
    }
    command.add("--");
    command.add(target.host());
  }
}
