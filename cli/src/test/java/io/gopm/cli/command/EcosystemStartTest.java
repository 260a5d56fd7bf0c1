package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.CliException;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartAppsRequest;
import io.gopm.protocol.model.StartAppsResult;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EcosystemStartTest {

  private final FakeDaemon daemon = new FakeDaemon();
  private final List<String> reported = new ArrayList<>();
  private final EcosystemStart start = new EcosystemStart(daemon, started -> reported.add(started.name()));

  /**
   * Starts every app it is asked to but the one named {@code refused}; can also play a daemon
   * without {@code start_apps}, or one that fails every call.
   */
  private static final class FakeDaemon extends CallOnlyDaemon {
    String refused = "";
    boolean withoutStartApps;
    RpcException everyCallFails;
    final List<List<String>> batches = new ArrayList<>();
    final List<String> singles = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public <P, R> R call(RpcMethod<P, R> method, P params) {
      if (everyCallFails != null) {
        throw everyCallFails;
      }
      if (method == RpcMethods.START_APPS) {
        if (withoutStartApps) {
          throw new RpcException(ErrorCode.METHOD_NOT_FOUND, "unknown method: start_apps");
        }
        List<StartRequest> apps = ((StartAppsRequest) params).apps();
        batches.add(apps.stream().map(StartRequest::name).toList());
        List<ProcessInfo> started = new ArrayList<>();
        for (StartRequest app : apps) {
          if (app.name().equals(refused)) {
            return (R) new StartAppsResult(started, new StartAppsResult.Failure(app.name(), "conflict", "taken"));
          }
          started.add(process(app.name()));
        }
        return (R) new StartAppsResult(started, null);
      }
      if (method == RpcMethods.START) {
        String name = ((StartRequest) params).name();
        singles.add(name);
        if (name.equals(refused)) {
          throw new RpcException(ErrorCode.CONFLICT, "taken");
        }
        return (R) process(name);
      }
      throw new AssertionError("unexpected call " + method.name());
    }
  }

  private static ProcessInfo process(String name) {
    return new ProcessInfo(
        0, name, "/bin/true", List.of(), "/srv", Map.of(), "", ProcessStatus.ONLINE, "", 100,
        RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, List.of(), "", "", 1_048_576L);
  }

  private static List<StartRequest> apps(int count) {
    return IntStream.range(0, count).mapToObj(i -> StartRequest.of("/bin/true", "a" + i, List.of())).toList();
  }

  private static List<String> names(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "a" + i).toList();
  }

  @Test
  void sendsTheAppsInTheFileOrderInCallsOfAtMostFiftyAndReportsEachInThatOrder() {
    start.start(apps(120));

    assertThat(daemon.batches).containsExactly(names(0, 50), names(50, 100), names(100, 120));
    assertThat(reported).containsExactlyElementsOf(names(0, 120));
    assertThat(daemon.singles).isEmpty();
  }

  @Test
  void theFirstFailureIsReportedWithItsAppsNameAndNothingAfterItIsSent() {
    daemon.refused = "a57";

    assertThatThrownBy(() -> start.start(apps(120)))
        .isInstanceOf(CliException.class)
        .hasMessage("failed to start \"a57\": taken");

    assertThat(reported).containsExactlyElementsOf(names(0, 57));
    assertThat(daemon.batches).hasSize(2);
  }

  @Test
  void aDaemonWithoutStartAppsGetsOneStartPerAppWithTheSameFailure() {
    daemon.withoutStartApps = true;
    daemon.refused = "a3";

    assertThatThrownBy(() -> start.start(apps(5))).hasMessage("failed to start \"a3\": taken");

    assertThat(daemon.singles).containsExactlyElementsOf(names(0, 4));
    assertThat(reported).containsExactlyElementsOf(names(0, 3));
  }

  @Test
  void anErrorOfTheWholeCallNamesTheFirstAppItCarried() {
    daemon.everyCallFails = new RpcException(ErrorCode.SHUTTING_DOWN, "the daemon is shutting down");

    assertThatThrownBy(() -> start.start(apps(3)))
        .hasMessage("failed to start \"a0\": the daemon is shutting down");
    assertThat(reported).isEmpty();
  }
}
