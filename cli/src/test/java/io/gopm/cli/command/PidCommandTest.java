package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.CliException;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.procfs.GopmInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PidCommandTest {

  @Test
  void aNumberIsAPid() {
    assertThat(PidCommand.parsePid("4521")).isEqualTo(4521);
  }

  @Test
  void anythingElseIsAnInvalidPid() {
    assertThatThrownBy(() -> PidCommand.parsePid("abc")).isInstanceOf(CliException.class).hasMessage("invalid PID: abc");
    assertThatThrownBy(() -> PidCommand.parsePid("12x")).hasMessage("invalid PID: 12x");
    assertThatThrownBy(() -> PidCommand.parsePid("")).hasMessage("invalid PID: ");
  }

  @Test
  void aMissingProcessIsNamedOnce() {
    assertThat(PidCommand.noSuchProcess(999_999_999L)).hasMessage("PID 999999999 — no such process");
  }

  @Test
  void theProcessWithTheSamePidIsTheManagedOne() {
    List<ProcessInfo> processes = List.of(process(0, "web", 100), process(3, "api", 4521));

    GopmInfo info = PidCommand.managing(processes, 4521);

    assertThat(info).isEqualTo(GopmInfo.managed("api", 3, 2, "on-failure", "/logs/api-out.log", "/logs/api-err.log"));
  }

  @Test
  void aPidNoProcessHasIsNotManagedAndStoppedProcessesNeverMatch() {
    List<ProcessInfo> processes = List.of(process(0, "web", 100), process(1, "stopped", 0));

    assertThat(PidCommand.managing(processes, 4521)).isEqualTo(GopmInfo.NOT_MANAGED);
    assertThat(PidCommand.managing(List.of(), 1)).isEqualTo(GopmInfo.NOT_MANAGED);
  }

  private static ProcessInfo process(int id, String name, int pid) {
    RestartPolicy policy =
        new RestartPolicy(
            AutoRestart.ON_FAILURE,
            0,
            RestartPolicy.DEFAULTS.minUptime(),
            RestartPolicy.DEFAULTS.restartDelay(),
            false,
            RestartPolicy.DEFAULTS.maxDelay(),
            RestartPolicy.SIGTERM,
            RestartPolicy.DEFAULTS.killTimeout());
    return new ProcessInfo(
        id, name, "/bin/" + name, List.of(), "/", Map.of(), "", pid > 0 ? ProcessStatus.ONLINE : ProcessStatus.STOPPED, "",
        pid, policy, 2, Timestamps.NEVER, Timestamps.NEVER, 0, 0, 0, List.of(), "/logs/" + name + "-out.log",
        "/logs/" + name + "-err.log", 1024);
  }
}
