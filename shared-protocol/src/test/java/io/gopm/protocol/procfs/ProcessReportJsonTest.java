package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.json.JsonCodec;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessReportJsonTest {

  private final JsonCodec codec = new JsonCodec(ZoneOffset.UTC);

  private JsonNode json(ProcessReport report) throws Exception {
    return codec.readTree(codec.writePretty(report));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void keysComeInTheSpecifiedOrder() throws Exception {
    JsonNode json = json(SampleReports.sleep());

    assertThat(keys(json)).containsExactly("pid", "identity", "resources", "tree", "fds", "sockets", "env", "cgroup", "gopm");
    assertThat(keys(json.get("identity")))
        .containsExactly(
            "name", "state", "state_human", "cmdline", "exe", "exe_exists", "cwd", "root", "started_at", "started_ago",
            "uid", "user", "gid", "group", "session", "tty", "nice", "threads");
    assertThat(keys(json.get("resources")))
        .containsExactly(
            "cpu_user_seconds", "cpu_system_seconds", "cpu_percent", "vm_peak_bytes", "vm_rss_bytes", "vm_swap_bytes",
            "vm_size_bytes", "shared_bytes", "fds_open", "fds_soft_limit", "fds_hard_limit", "voluntary_ctxt_switches",
            "involuntary_ctxt_switches");
    assertThat(keys(json.get("tree").get(0)))
        .containsExactly("pid", "ppid", "exe", "cmdline", "user", "started_at", "started_ago");
    assertThat(keys(json.get("sockets").get(0))).containsExactly("proto", "local", "remote", "state", "fd", "inode");
    assertThat(keys(json.get("cgroup")))
        .containsExactly("path", "oom_score", "oom_score_adj", "seccomp", "no_new_privs", "cap_eff");
    assertThat(keys(json.get("gopm")))
        .containsExactly("managed", "daemon_up", "name", "id", "restarts", "autorestart", "log_out", "log_err");
  }

  @Test
  void valuesHaveTheSpecifiedTypes() throws Exception {
    JsonNode json = json(SampleReports.sleep());

    assertThat(json.get("pid").asLong()).isEqualTo(23076);
    assertThat(json.get("identity").get("cmdline").isArray()).isTrue();
    assertThat(json.get("identity").get("started_at").asText()).isEqualTo("2026-02-05T01:30:35Z");
    assertThat(json.get("identity").get("tty").asText()).isEqualTo("(none)");
    assertThat(json.get("identity").get("exe_exists").isBoolean()).isTrue();
    assertThat(json.get("resources").get("cpu_user_seconds").isNumber()).isTrue();
    assertThat(json.get("tree").get(0).get("cmdline").asText()).isEqualTo("/bin/sleep 1000");
    assertThat(json.get("env").get("HOME").asText()).isEqualTo("/home/deploy");
    assertThat(json.get("gopm").get("autorestart").asText()).isEqualTo("always");
  }

  @Test
  void aDescriptorHasAnInodeOnlyWhenItIsASocket() throws Exception {
    List<FdEntry> fds = List.of(new FdEntry(0, "/dev", "r", "/dev/null", 0), new FdEntry(3, "socket", "rw", "socket:[98765]", 98765));

    JsonNode json = json(SampleReports.sleep(fds, Map.of(), List.of())).get("fds");

    assertThat(keys(json.get(0))).containsExactly("fd", "type", "mode", "target");
    assertThat(keys(json.get(1))).containsExactly("fd", "type", "mode", "target", "inode");
    assertThat(json.get(1).get("inode").asLong()).isEqualTo(98765);
  }

  @Test
  void aSocketWithoutKnownDescriptorHasNoFdButDescriptorZeroIsKept() throws Exception {
    ProcessSocket unknown = new ProcessSocket("UNIX", "@x", "", "CONNECTED", null, 5);
    ProcessSocket onStdin = new ProcessSocket("TCP", "0.0.0.0:22", "0.0.0.0:0", "LISTEN", 0, 6);

    assertThat(keys(codec.toTree(unknown))).containsExactly("proto", "local", "remote", "state", "inode");
    assertThat(codec.toTree(onStdin).get("fd").asInt()).isZero();
  }

  @Test
  void aManagedProcessAlwaysHasItsIdEvenZero() throws Exception {
    JsonNode gopm = codec.toTree(GopmInfo.managed("api", 0, 0, "never", "/o", "/e"));

    assertThat(gopm.get("id").asInt()).isZero();
    assertThat(gopm.get("restarts").asInt()).isZero();
  }

  @Test
  void anUnmanagedPidHasOnlyTheTwoFlags() {
    assertThat(codec.write(GopmInfo.NOT_MANAGED)).isEqualTo("{\"managed\":false,\"daemon_up\":true}");
    assertThat(codec.write(GopmInfo.DAEMON_DOWN)).isEqualTo("{\"managed\":false,\"daemon_up\":false}");
  }

  @Test
  void sectionsNotCollectedAreNullOrZeroAndTheEmptyUnreadableListIsLeftOut() throws Exception {
    ProcessReport s = SampleReports.sleep();
    ProcessReport treeOnly = new ProcessReport(
        s.pid(), s.identity(), ProcessResources.NONE, s.tree(), null, null, null, CgroupInfo.NONE, GopmInfo.DAEMON_DOWN, List.of());

    String text = codec.write(treeOnly);
    JsonNode json = codec.readTree(text);

    assertThat(keys(json)).containsExactly("pid", "identity", "resources", "tree", "fds", "sockets", "env", "cgroup", "gopm");
    assertThat(text).contains("\"fds\":null,\"sockets\":null,\"env\":null,");
    assertThat(json.get("resources").get("vm_rss_bytes").asLong()).isZero();
    assertThat(json.get("cgroup").get("path").asText()).isEmpty();
  }

  @Test
  void unreadableEntriesAreListedLast() throws Exception {
    JsonNode json = json(SampleReports.sleep(null, null, List.of("exe", "environ")));

    assertThat(keys(json)).endsWith("gopm", "unreadable");
    assertThat(json.get("unreadable").toString()).isEqualTo("[\"exe\",\"environ\"]");
  }

  @Test
  void anUnknownStartTimeIsTheZeroTimeAndAnEmptyCommandLineIsNull() throws Exception {
    ProcessIdentity id = new ProcessIdentity(
        "kthreadd", "S", "sleeping", List.of(), "", false, "", "", Timestamps.NEVER, "", 0, "root", 0, "root", 0,
        "(none)", 0, 1);

    JsonNode json = codec.toTree(id);

    assertThat(json.get("started_at").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(json.get("cmdline").isNull()).isTrue();
  }

  @Test
  void prettyOutputIsIndentedByTwoSpaces() {
    assertThat(codec.writePretty(SampleReports.sleep())).startsWith("{\n  \"pid\": 23076,\n  \"identity\": {\n    \"name\": \"sleep\",");
  }
}
