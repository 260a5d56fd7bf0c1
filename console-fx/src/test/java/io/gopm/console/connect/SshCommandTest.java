package io.gopm.console.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshCommandTest {

  @Test
  void theTunnelForwardsALocalSocketInBatchModeAndFailsOnAForwardFailure() {
    SshCommand ssh = new SshCommand("ssh", new Target.Ssh("deploy", "web1", 2222, null), SshOptions.NONE);

    List<String> command = ssh.tunnel("/tmp/gopm-console-1/gopm.sock", "/home/deploy/.gopm/gopm.sock");

    assertThat(command).startsWith("ssh").endsWith("-p", "2222", "-l", "deploy", "--", "web1");
    assertThat(command).containsSequence("-o", "BatchMode=yes");
    assertThat(command).containsSequence("-o", "ExitOnForwardFailure=yes");
    assertThat(command).containsSequence("-N", "-L", "/tmp/gopm-console-1/gopm.sock:/home/deploy/.gopm/gopm.sock");
  }

  @Test
  void theProbeAsksTheHostForItsSocketPath() {
    SshCommand ssh = new SshCommand("ssh", new Target.Ssh(null, "web1", 0, null), SshOptions.NONE);

    List<String> command = ssh.probe();

    assertThat(command).doesNotContain("-p", "-l");
    assertThat(command).endsWith("--", "web1", "sh -c 'printf \"%s\\n\" \"${GOPM_HOME:-$HOME/.gopm}/gopm.sock\"'");
  }

  @Test
  void theUsersConfigurationAndOptionsComeFirst() {
    SshOptions options = new SshOptions(Path.of("/tmp/ssh_config"), List.of("IdentityFile=/k", "Port 2200"));
    SshCommand ssh = new SshCommand("/usr/bin/ssh", new Target.Ssh(null, "web1", 0, null), options);

    assertThat(ssh.probe()).startsWith("/usr/bin/ssh", "-F", "/tmp/ssh_config", "-o", "IdentityFile=/k", "-o", "Port 2200");
  }

  @Test
  void optionsThatAreNotOptionsAreRefused() {
    assertThatThrownBy(() -> new SshOptions(null, List.of("-oProxyCommand=x"))).hasMessageContaining("Name=value");
    assertThatThrownBy(() -> new SshOptions(null, List.of("nonsense"))).hasMessageContaining("Name=value");
  }

  @Test
  void failuresRetryingCannotFixArePermanent() {
    assertThat(SshTunnelLink.isPermanent("root@127.0.0.1: Permission denied (publickey).")).isTrue();
    assertThat(SshTunnelLink.isPermanent("Host key verification failed.")).isTrue();
    assertThat(SshTunnelLink.isPermanent("ssh: connect to host web1 port 22: Connection refused")).isFalse();
  }
}
