package io.gopm.cli.system.pm2;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.StartRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MigrationReportTest {

  private final JsonCodec codec = new JsonCodec();
  private final MigrationReport plain = new MigrationReport(new Ansi(false));

  private static StartRequest full() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", "3000");
    env.put("NODE_ENV", "production");
    return new StartRequest("/bin/sleep", "my-api", List.of("300"), "/srv", env, "node", "always", 16,
        "1000ms", "250ms", true, "30s", "1600ms", "/l/out.log", "/l/err.log", "10M");
  }

  private static Pm2Process pm2(String status) {
    SortedMap<String, String> env = new TreeMap<>();
    return new Pm2Process("my-api", 0, 1234, status, "/srv/server.js", "/srv", List.of(), "node", env, true, null, null,
        null, null, "fork_mode", 1);
  }

  @Test
  void writesTheDryRunJsonInTheEcosystemKeyOrder() {
    assertThat(MigrationReport.dryJson(full(), codec)).isEqualTo(String.join("\n",
        "{",
        "  \"command\": \"/bin/sleep\",",
        "  \"name\": \"my-api\",",
        "  \"args\": [",
        "    \"300\"",
        "  ],",
        "  \"cwd\": \"/srv\",",
        "  \"env\": {",
        "    \"NODE_ENV\": \"production\",",
        "    \"PORT\": \"3000\"",
        "  },",
        "  \"interpreter\": \"node\",",
        "  \"autorestart\": \"always\",",
        "  \"max_restarts\": 16,",
        "  \"min_uptime\": \"1000ms\",",
        "  \"restart_delay\": \"250ms\",",
        "  \"exp_backoff\": true,",
        "  \"max_delay\": \"30s\",",
        "  \"kill_timeout\": \"1600ms\",",
        "  \"log_out\": \"/l/out.log\",",
        "  \"log_err\": \"/l/err.log\",",
        "  \"max_log_size\": \"10M\"",
        "}"));
  }

  @Test
  void leavesEmptyFieldsOutOfTheDryRunJson() {
    StartRequest bare = new StartRequest("/srv/app.js", "clus", List.of("--a", "b"), "/srv", Map.of(), "node", "never",
        null, "500ms", "250ms", null, null, null, null, null, null);

    assertThat(MigrationReport.dryJson(bare, codec)).isEqualTo(String.join("\n",
        "{",
        "  \"command\": \"/srv/app.js\",",
        "  \"name\": \"clus\",",
        "  \"args\": [",
        "    \"--a\",",
        "    \"b\"",
        "  ],",
        "  \"cwd\": \"/srv\",",
        "  \"interpreter\": \"node\",",
        "  \"autorestart\": \"never\",",
        "  \"min_uptime\": \"500ms\",",
        "  \"restart_delay\": \"250ms\"",
        "}"));
  }

  @Test
  void alignsDetailLabelsInFourteenColumns() {
    assertThat(plain.details(full())).containsExactly(
        "  command:      /bin/sleep",
        "  interpreter:  node",
        "  cwd:          /srv",
        "  args:         300",
        "  env:          NODE_ENV=production, PORT=3000",
        "  autorestart:  always",
        "  max_restarts: 16",
        "  min_uptime:   1000ms",
        "  restart_delay: 250ms",
        "  kill_timeout: 1600ms");
  }

  @Test
  void showsOnlyTheCommandWhenNothingElseIsSet() {
    assertThat(plain.details(StartRequest.of("/bin/true", "t", List.of()))).containsExactly("  command:      /bin/true");
  }

  @Test
  void keepsTheAlignmentWithColours() {
    String line = new MigrationReport(new Ansi(true)).details(full()).get(0);

    assertThat(line).isEqualTo("  \u001b[2mcommand:\u001b[0m      /bin/sleep");
    assertThat(Ansi.strip(line)).isEqualTo("  command:      /bin/sleep");
  }

  @Test
  void headsEachAppWithItsPositionIdsAndStatus() {
    assertThat(plain.header(1, 2, pm2("online"))).isEqualTo("━━━ [1/2] my-api (pm2_id=0, PID=1234, online) ━━━");

    MigrationReport coloured = new MigrationReport(new Ansi(true));
    assertThat(coloured.header(1, 2, pm2("online"))).contains("\u001b[32monline\u001b[0m").contains("\u001b[1mmy-api\u001b[0m");
    assertThat(coloured.header(1, 2, pm2("stopped"))).contains("\u001b[33mstopped\u001b[0m");
    assertThat(coloured.header(1, 2, pm2("stopping"))).contains("\u001b[33mstopping\u001b[0m");
    assertThat(coloured.header(1, 2, pm2("errored"))).contains("\u001b[31merrored\u001b[0m");
    assertThat(coloured.header(1, 2, pm2("launching"))).contains(", launching)");
  }

  @Test
  void printsWarningsAndDryHeaders() {
    assertThat(plain.warning("cluster mode")).isEqualTo("  ! cluster mode");
    assertThat(new MigrationReport(new Ansi(true)).warning("x")).isEqualTo("  \u001b[33m!\u001b[0m x");
    assertThat(plain.dryHeader("clus")).isEqualTo("━━━ clus");
  }
}
