package io.gopm.cli.system.pm2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class Pm2EnvTest {

  private static final List<String> SPEC_INTERNAL_KEYS =
      List.of(
          "status", "unique_id", "instances", "exec_mode", "vizion", "merge_logs", "axm_actions",
          "axm_monitor", "axm_options", "axm_dynamic", "automation", "name", "node_args",
          "unstable_restarts", "treekill", "exit_code", "prev_restart_delay", "version",
          "versioning", "restart_time", "created_at", "watch", "filter_env", "namespace",
          "kill_retry_time", "username", "windowsHide", "instance_var");

  private final JsonCodec codec = new JsonCodec();

  @Test
  void dropsEveryInternalKeyAndKeepsOrdinaryVariables() {
    ObjectNode env = codec.newObject();
    SPEC_INTERNAL_KEYS.forEach(key -> env.put(key, "x"));
    env.put("pm_id", 3).put("pm_exec_path", "/a").put("PM2_HOME", "/h").put("PM2_USAGE", "CLI");
    env.put("PATH", "/usr/bin").put("HOME", "/root").put("NODE_ENV", "production").put("Status", "kept");
    env.put("PM_LIKE", "kept").put("pm2_lower", "kept");

    assertThat(Pm2Env.importable(env, "app"))
        .containsOnlyKeys("PATH", "HOME", "NODE_ENV", "Status", "PM_LIKE", "pm2_lower")
        .containsEntry("NODE_ENV", "production");
    SPEC_INTERNAL_KEYS.forEach(key -> assertThat(Pm2Env.isInternal(key)).as(key).isTrue());
    assertThat(Pm2Env.INTERNAL_KEYS).containsExactlyInAnyOrderElementsOf(SPEC_INTERNAL_KEYS);
  }

  @Test
  void writesNumbersAndBooleansAsTextAndDropsValuesThatAreNotText() throws IOException {
    String json = "{\"PORT\":3000,\"RATIO\":1.5,\"DEBUG\":true,\"OFF\":false,\"EMPTY\":\"\",\"OBJ\":{\"a\":1},"
        + "\"ARR\":[1],\"NONE\":null,\"\":\"empty key\",\"A=B\":\"eq\"}";

    assertThat(Pm2Env.importable(codec.readTree(json), "app"))
        .containsExactly(
            java.util.Map.entry("DEBUG", "true"),
            java.util.Map.entry("EMPTY", ""),
            java.util.Map.entry("OFF", "false"),
            java.util.Map.entry("PORT", "3000"),
            java.util.Map.entry("RATIO", "1.5"));
  }

  @Test
  void dropsTheEntryPm2KeepsUnderTheAppsName() throws IOException {
    assertThat(Pm2Env.importable(codec.readTree("{\"api\":{},\"A\":\"1\"}"), "api")).containsOnlyKeys("A");
    assertThat(Pm2Env.importable(codec.readTree("{\"api\":\"{}\",\"A\":\"1\"}"), "api")).containsOnlyKeys("A");
    assertThat(Pm2Env.importable(codec.readTree("{\"API\":\"8080\"}"), "API")).containsEntry("API", "8080");
    assertThat(Pm2Env.importable(codec.readTree("{\"other\":\"{}\"}"), "api")).containsEntry("other", "{}");
  }

  @Test
  void sortsByKeyAndToleratesAMissingEnv() throws IOException {
    assertThat(Pm2Env.importable(codec.readTree("{\"B\":\"2\",\"A\":\"1\",\"C\":\"3\"}"), "x").keySet())
        .containsExactly("A", "B", "C");
    assertThat(Pm2Env.importable(null, "x")).isEmpty();
    assertThat(Pm2Env.importable(codec.readTree("\"text\""), "x")).isEmpty();
  }
}
