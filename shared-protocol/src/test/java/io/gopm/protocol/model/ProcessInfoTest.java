package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.format.Timestamps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {

  private static ProcessInfo info(ProcessStatus status, int pid, List<String> args) {
    return new ProcessInfo(1, "api", "/bin/api", args, null, null, null, status, null, pid,
        RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, null, null, null, 1024);
  }

  @Test
  void isOnlineOnlyWhenStatusIsOnlineAndAPidIsKnown() {
    assertThat(info(ProcessStatus.ONLINE, 42, null).online()).isTrue();
    assertThat(info(ProcessStatus.ONLINE, 0, null).online()).isFalse();
    assertThat(info(ProcessStatus.STOPPED, 42, null).online()).isFalse();
    assertThat(info(ProcessStatus.ERRORED, 0, null).online()).isFalse();
  }

  @Test
  void fillsAbsentValuesWithEmptyOnesAndNeverSetTimes() {
    ProcessInfo info = info(ProcessStatus.STOPPED, 0, null);

    assertThat(info.args()).isEmpty();
    assertThat(info.env()).isEmpty();
    assertThat(info.listeners()).isEmpty();
    assertThat(info.cwd()).isEmpty();
    assertThat(info.interpreter()).isEmpty();
    assertThat(info.statusReason()).isEmpty();
    assertThat(info.logOut()).isEmpty();
    assertThat(info.logErr()).isEmpty();
    assertThat(info.uptime()).isEqualTo(Timestamps.NEVER);
    assertThat(info.createdAt()).isEqualTo(Timestamps.NEVER);
  }

  @Test
  void copiesItsListsSoLaterChangesDoNotLeakIn() {
    List<String> args = new ArrayList<>(List.of("a"));
    ProcessInfo info = info(ProcessStatus.ONLINE, 1, args);
    args.add("b");

    assertThat(info.args()).containsExactly("a");
  }

  @Test
  void requiresNameCommandStatusAndPolicy() {
    assertThatThrownBy(() -> new ProcessInfo(1, null, "/bin/api", null, null, null, null, ProcessStatus.ONLINE,
        null, 0, RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, null, null, null, 1024))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> new ProcessInfo(1, "api", "/bin/api", null, null, null, null, ProcessStatus.ONLINE,
        null, 0, null, 0, null, null, 0, 0, 0, null, null, null, 1024))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("restart_policy");
  }

  @Test
  void statusPrintsItsWireName() {
    assertThat(ProcessStatus.ONLINE).hasToString("online");
    assertThat(ProcessStatus.STOPPED.wireName()).isEqualTo("stopped");
    assertThat(ProcessStatus.ERRORED.wireName()).isEqualTo("errored");
  }
}
