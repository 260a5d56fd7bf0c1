package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The inspector on the test JVM itself, through the machine's real {@code /proc}. */
@EnabledOnOs(OS.LINUX)
class ProcessInspectorOnRealProcTest {

  private final long self = ProcessHandle.current().pid();
  private final ProcessInspector inspector = ProcessInspector.system();

  @Test
  void inspectsThisJvm() {
    ProcessReport report = inspector.inspect(self, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow();

    assertThat(inspector.available()).isTrue();
    assertThat(report.identity().name()).isEqualTo("java");
    assertThat(report.identity().cmdline()).isNotEmpty();
    assertThat(report.identity().exe()).endsWith("/java");
    assertThat(report.identity().exeExists()).isTrue();
    assertThat(report.identity().threads()).isGreaterThan(1);
    assertThat(report.identity().startedAgo()).isNotEmpty();
    assertThat(report.resources().vmRssBytes()).isPositive();
    assertThat(report.resources().fdsOpen()).isGreaterThanOrEqualTo(3);
    assertThat(report.resources().fdsSoftLimit()).isPositive();
    assertThat(report.fds()).extracting(FdEntry::fd).contains(0, 1, 2);
    assertThat(report.env()).containsKey("PATH");
    assertThat(report.tree().get(0).pid()).isEqualTo(self);
    assertThat(report.tree().get(report.tree().size() - 1).ppid()).isZero();
    assertThat(report.unreadable()).isEmpty();
  }

  @Test
  void aListeningSocketOfThisJvmAppearsWithItsDescriptor() throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      // a JVM socket is dual-stack: 127.0.0.1 is listed in tcp6 as [::ffff:127.0.0.1]
      List<String> local = List.of("127.0.0.1:" + server.getLocalPort(), "[::ffff:127.0.0.1]:" + server.getLocalPort());

      ProcessReport report =
          inspector.inspect(self, Sections.of(false, false, false, true), GopmInfo.DAEMON_DOWN).orElseThrow();

      List<ProcessSocket> listening = report.sockets().stream().filter(s -> local.contains(s.local())).toList();
      assertThat(listening).hasSize(1);
      ProcessSocket socket = listening.get(0);
      assertThat(socket.proto()).isEqualTo("TCP");
      assertThat(socket.state()).isEqualTo("LISTEN");
      assertThat(socket.fd()).isNotNull();
      assertThat(report.fds())
          .filteredOn(fd -> fd.fd() == socket.fd())
          .singleElement()
          .satisfies(fd -> assertThat(fd.target()).isEqualTo("socket:[" + socket.inode() + "]"));
      // owned sockets only: every one is tied to a descriptor
      assertThat(report.sockets()).allSatisfy(s -> assertThat(s.fd()).isNotNull());
    }
  }

  @Test
  void theRealReportRendersAsTextAndJson() {
    ProcessReport report = inspector.inspect(self, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow();

    String text = new PidReportText(ZoneOffset.UTC).render(report, Sections.FULL);
    String json = new JsonCodec().writePretty(report);

    assertThat(text).contains("Process Inspection — PID " + self).contains("| Name              java");
    assertThat(json).contains("\"name\": \"java\"");
  }

  @Test
  void aPidThatDoesNotExistHasNoReport() {
    assertThat(inspector.inspect(999_999_999L, Sections.FULL, GopmInfo.DAEMON_DOWN)).isEmpty();
  }
}
