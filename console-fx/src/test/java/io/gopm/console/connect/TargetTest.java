package io.gopm.console.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void localIsTheDefault() {
    assertThat(Target.parse("")).isEqualTo(new Target.Local());
    assertThat(Target.parse("local")).isEqualTo(new Target.Local());
    assertThat(Target.parse("local").onThisMachine()).isTrue();
  }

  @Test
  void aPathIsASocketOnThisMachine() {
    Target target = Target.parse("/home/u/.gopm/gopm.sock");

    assertThat(target).isEqualTo(new Target.UnixSocket(Path.of("/home/u/.gopm/gopm.sock")));
    assertThat(target.spec()).isEqualTo("/home/u/.gopm/gopm.sock");
    assertThat(Target.parse("unix:///tmp/x.sock")).isEqualTo(new Target.UnixSocket(Path.of("/tmp/x.sock")));
  }

  @Test
  void sshTargetsTakeUserHostPortAndSocket() {
    assertThat(Target.parse("ssh://web1")).isEqualTo(new Target.Ssh(null, "web1", 0, null));
    assertThat(Target.parse("ssh://deploy@web1:2222"))
        .isEqualTo(new Target.Ssh("deploy", "web1", 2222, null));
    assertThat(Target.parse("ssh://deploy@web1/srv/gopm/gopm.sock"))
        .isEqualTo(new Target.Ssh("deploy", "web1", 0, "/srv/gopm/gopm.sock"));
    assertThat(Target.parse("ssh://root@[::1]:22")).isEqualTo(new Target.Ssh("root", "::1", 22, null));
  }

  @Test
  void sshSpecReadsBackToTheSameTarget() {
    for (String spec : new String[] {"ssh://web1", "ssh://deploy@web1:2222", "ssh://root@[::1]:22", "ssh://a@b/x/gopm.sock"}) {
      assertThat(Target.parse(Target.parse(spec).spec())).isEqualTo(Target.parse(spec));
    }
    assertThat(Target.parse("ssh://deploy@web1:2222").label()).isEqualTo("deploy@web1:2222");
  }

  @Test
  void sshHostsThatSshCouldReadAsOptionsAreRefused() {
    assertThatThrownBy(() -> Target.parse("ssh://-oProxyCommand=evil")).hasMessageContaining("must not start with '-'");
    assertThatThrownBy(() -> Target.parse("ssh://a b")).hasMessageContaining("spaces");
    assertThatThrownBy(() -> Target.parse("ssh://web1:99999")).hasMessageContaining("port must be 1-65535");
    assertThatThrownBy(() -> Target.parse("ssh://")).hasMessageContaining("names no host");
  }

  @Test
  void tcpTargetsMustBeLoopback() {
    assertThat(Target.parse("tcp://127.0.0.1:7000")).isEqualTo(new Target.Tcp("127.0.0.1", 7000));
    assertThat(Target.parse("tcp://localhost:7000/")).isEqualTo(new Target.Tcp("localhost", 7000));
    assertThat(Target.parse("tcp://[::1]:7000")).isEqualTo(new Target.Tcp("::1", 7000));
    assertThatThrownBy(() -> Target.parse("tcp://10.0.0.5:7000")).hasMessageContaining("use ssh://10.0.0.5");
    assertThatThrownBy(() -> Target.parse("tcp://127.0.0.1")).hasMessageContaining("needs a port");
  }

  @Test
  void anythingElseIsExplained() {
    assertThatThrownBy(() -> Target.parse("web1")).hasMessageContaining("use local, a socket path, ssh://");
  }
}
