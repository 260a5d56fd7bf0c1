package io.gopm.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.console.connect.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void targetsComeAsArgumentsOrSocketOptions() {
    LaunchOptions options = LaunchOptions.parse(List.of("ssh://deploy@web1", "--socket", "/tmp/a.sock", "--socket=/tmp/b.sock", "local"));

    assertThat(options.targets()).containsExactly(
        new Target.Ssh("deploy", "web1", 0, null), new Target.UnixSocket(Path.of("/tmp/a.sock")),
        new Target.UnixSocket(Path.of("/tmp/b.sock")), new Target.Local());
  }

  @Test
  void everyOptionIsRead() {
    LaunchOptions options = LaunchOptions.parse(List.of(
        "--interval", "500ms", "--settings", "/tmp/s.json", "-F", "/tmp/ssh_config", "-o", "IdentityFile=/k", "--ssh-option=Port=22"));

    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.settingsFile()).isEqualTo(Path.of("/tmp/s.json"));
    assertThat(options.sshConfig()).isEqualTo(Path.of("/tmp/ssh_config"));
    assertThat(options.sshOptions()).containsExactly("IdentityFile=/k", "Port=22");
    assertThat(LaunchOptions.parse(List.of("-h")).help()).isTrue();
    assertThat(LaunchOptions.parse(List.of("--version")).version()).isTrue();
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--interval", "5"))).hasMessageContaining("invalid --interval \"5\"");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--interval", "10ms"))).hasMessageContaining("at least 200ms");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--socket"))).hasMessage("--socket needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--frobnicate"))).hasMessageContaining("unknown option --frobnicate");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--help=yes"))).hasMessageContaining("takes no value");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("web1"))).hasMessageContaining("unknown target");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("-o", "-oProxyCommand=x"))).hasMessageContaining("Name=value");
  }

  @Test
  void theUsageNamesTheShortcutsOfTheTerminalUi() {
    assertThat(LaunchOptions.usage()).contains("ssh://[user@]host[:port]").contains("tcp://127.0.0.1:PORT").contains("q quit");
  }
}
