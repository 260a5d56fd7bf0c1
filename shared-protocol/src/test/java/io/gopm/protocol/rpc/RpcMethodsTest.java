package io.gopm.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcMethodsTest {

  @Test
  void everyMethodHasAUniqueName() {
    assertThat(RpcMethods.ALL).extracting(RpcMethod::name).doesNotHaveDuplicates()
        .contains("hello", "ping", "start", "start_apps", "stop", "restart", "delete", "list", "describe", "isrunning", "logs",
            "flush", "resurrect", "save", "stats", "kill", "reboot", "mcp");
  }

  @Test
  void methodsWithoutParametersSayTheyTakeNone() {
    assertThat(RpcMethods.ALL).filteredOn(RpcMethod::takesNoParams).extracting(RpcMethod::name)
        .containsExactlyInAnyOrder("ping", "resurrect", "save", "kill", "reboot");
  }

  @Test
  void listAndStatsMayBeCalledWithoutParams() {
    assertThat(RpcMethods.ALL).filteredOn(RpcMethod::paramsOptional).extracting(RpcMethod::name)
        .containsExactlyInAnyOrder("list", "stats");
  }

  @Test
  void statsResultTypeIsAMapOfPointLists() {
    assertThat(RpcMethods.STATS.resultType().getTypeName())
        .isEqualTo("java.util.Map<java.lang.String, java.util.List<io.gopm.protocol.model.StatsPoint>>");
  }

  @Test
  void onlyStateChangingMethodsAreMarkedAsMutating() {
    assertThat(RpcMethods.ALL).filteredOn(RpcMethod::mutates).extracting(RpcMethod::name)
        .containsExactlyInAnyOrder(
            "start", "start_apps", "stop", "restart", "delete", "flush", "resurrect", "kill", "reboot");
  }

  @Test
  void listResultTypeReadsAListOfProcesses() throws Exception {
    JsonCodec codec = new JsonCodec(ZoneOffset.UTC);
    ProcessInfo info = new ProcessInfo(0, "api", "/bin/api", null, null, null, null, ProcessStatus.ONLINE, null, 7,
        RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, null, null, null, 1024);

    List<ProcessInfo> list = codec.read(codec.write(List.of(info)), RpcMethods.LIST.resultType());

    assertThat(list).containsExactly(info);
    assertThat(RpcMethods.RESTART.resultType().getTypeName()).isEqualTo("java.util.List<io.gopm.protocol.model.ProcessInfo>");
  }

  @Test
  void theLogNotificationCarriesLogLines() {
    assertThat(RpcMethods.LOG_LINE.name()).isEqualTo("log");
    assertThat(RpcMethods.LOG_LINE.paramsType()).isEqualTo(io.gopm.protocol.model.LogLine.class);
  }
}
