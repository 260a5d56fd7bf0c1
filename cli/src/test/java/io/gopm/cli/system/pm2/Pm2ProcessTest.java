package io.gopm.cli.system.pm2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading {@code pm2 jlist}: a real PM2 7.0.4 list, and PM2's loosely typed settings. */
@Timeout(10)
class Pm2ProcessTest {

  private final JsonCodec codec = new JsonCodec();

  static String fixture() throws IOException {
    try (InputStream in = Pm2ProcessTest.class.getResourceAsStream("jlist-pm2-7.0.4.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Pm2Process entry(String pm2Env) throws IOException {
    return Pm2Process.fromJlistEntry(codec.readTree("{\"name\":\"app\",\"pm_id\":3,\"pid\":42,\"pm2_env\":" + pm2Env + "}"));
  }

  private JsonNode node(String json) throws IOException {
    return codec.readTree(json);
  }

  @Test
  void readsEveryEntryOfARealListInPm2Order() throws IOException {
    List<Pm2Process> processes = Pm2Process.parseList(fixture(), codec);

    assertThat(processes).extracting(Pm2Process::name).containsExactly("api", "worker", "nap", "envapp", "clus", "clus");
    Pm2Process api = processes.get(0);
    assertThat(api.pmId()).isZero();
    assertThat(api.pid()).isEqualTo(32589);
    assertThat(api.status()).isEqualTo("online");
    assertThat(api.execPath()).isEqualTo("/srv/app/server.js");
    assertThat(api.cwd()).isEqualTo("/srv/app");
    assertThat(api.args()).containsExactly("--port", "3000");
    assertThat(api.interpreter()).isEqualTo("node");
    assertThat(api.env()).containsOnlyKeys("HOME", "PATH");
    assertThat(api.autorestart()).isTrue();
    assertThat(api.maxRestarts()).isNull();
    assertThat(api.clustered()).isFalse();

    Pm2Process worker = processes.get(1);
    assertThat(worker.status()).isEqualTo("stopped");
    assertThat(worker.pid()).isZero();
    assertThat(worker.args()).isEmpty();
    assertThat(worker.env()).containsEntry("PYTHONUNBUFFERED", "1").doesNotContainKey("worker");

    assertThat(processes.get(2).interpreter()).isEqualTo("none");
    assertThat(processes.get(2).args()).containsExactly("300");
  }

  @Test
  void readsTheSettingsOfAnEcosystemApp() throws IOException {
    Pm2Process envapp = Pm2Process.parseList(fixture(), codec).get(3);

    assertThat(envapp.args()).containsExactly("--a", "b");
    assertThat(envapp.env()).containsEntry("GREETING", "hi").containsEntry("PORT", "3000").containsEntry("DEBUG", "true")
        .doesNotContainKeys("envapp", "unique_id", "PM2_HOME", "PM2_USAGE", "PM2_JSON_PROCESSING");
    assertThat(envapp.autorestart()).isFalse();
    assertThat(envapp.maxRestarts()).isEqualTo(5);
    assertThat(envapp.minUptimeMs()).isEqualTo(1000L);
    assertThat(envapp.restartDelayMs()).isEqualTo(250L);
    assertThat(envapp.killTimeoutMs()).isEqualTo(1600L);
  }

  @Test
  void detectsClusterModeByExecModeOrInstances() throws IOException {
    List<Pm2Process> processes = Pm2Process.parseList(fixture(), codec);
    assertThat(processes.get(4).clustered()).isTrue();
    assertThat(processes.get(4).instances()).isEqualTo(2);

    assertThat(entry("{\"exec_mode\":\"cluster_mode\",\"instances\":1}").clustered()).isTrue();
    assertThat(entry("{\"exec_mode\":\"fork_mode\",\"instances\":3}").clustered()).isTrue();
    assertThat(entry("{\"exec_mode\":\"fork_mode\",\"instances\":1}").clustered()).isFalse();
    assertThat(entry("{}").clustered()).isFalse();
    assertThat(entry("{}").instances()).isEqualTo(1);
  }

  @Test
  void takesMillisecondsFromNumbersOrTextStartingWithDigits() throws IOException {
    assertThat(Pm2Process.positive(node("1000"))).isEqualTo(1000L);
    assertThat(Pm2Process.positive(node("1500.7"))).isEqualTo(1500L);
    assertThat(Pm2Process.positive(node("\"1000\""))).isEqualTo(1000L);
    assertThat(Pm2Process.positive(node("\" 2500ms\""))).isEqualTo(2500L);
    assertThat(Pm2Process.positive(node("0"))).isNull();
    assertThat(Pm2Process.positive(node("-5"))).isNull();
    assertThat(Pm2Process.positive(node("\"soon\""))).isNull();
    assertThat(Pm2Process.positive(node("\"\""))).isNull();
    assertThat(Pm2Process.positive(node("true"))).isNull();
    assertThat(Pm2Process.positive(node("null"))).isNull();

    Pm2Process app = entry("{\"min_uptime\":\"3000\",\"restart_delay\":0,\"kill_timeout\":\"x\",\"max_restarts\":\"7\"}");
    assertThat(app.minUptimeMs()).isEqualTo(3000L);
    assertThat(app.restartDelayMs()).isNull();
    assertThat(app.killTimeoutMs()).isNull();
    assertThat(app.maxRestarts()).isEqualTo(7);
    assertThat(entry("{\"max_restarts\":0}").maxRestarts()).isNull();
  }

  @Test
  void takesArgsFromAnArrayAsIsAndFromTextSplitOnWhitespace() throws IOException {
    assertThat(Pm2Process.args(node("[\"--port\", \"3000\", \"a b\"]"))).containsExactly("--port", "3000", "a b");
    assertThat(Pm2Process.args(node("[\"--port\", 3000, true, null]"))).containsExactly("--port", "3000", "true");
    assertThat(Pm2Process.args(node("\"  --port   3000\\t-v \""))).containsExactly("--port", "3000", "-v");
    assertThat(Pm2Process.args(node("\"\""))).isEmpty();
    assertThat(Pm2Process.args(node("5"))).isEmpty();
    assertThat(Pm2Process.args(node("{\"a\":1}"))).isEmpty();
    assertThat(Pm2Process.args(node("null"))).isEmpty();
  }

  @Test
  void takesAutorestartOnlyFromABoolean() throws IOException {
    assertThat(entry("{\"autorestart\":true}").autorestart()).isTrue();
    assertThat(entry("{\"autorestart\":false}").autorestart()).isFalse();
    assertThat(entry("{\"autorestart\":\"false\"}").autorestart()).isNull();
    assertThat(entry("{\"autorestart\":0}").autorestart()).isNull();
    assertThat(entry("{}").autorestart()).isNull();
  }

  @Test
  void readsAnEntryWithNothingButItsName() throws IOException {
    Pm2Process bare = Pm2Process.fromJlistEntry(node("{\"name\":\"bare\"}"));

    assertThat(bare.name()).isEqualTo("bare");
    assertThat(bare.execPath()).isEmpty();
    assertThat(bare.cwd()).isEmpty();
    assertThat(bare.interpreter()).isEmpty();
    assertThat(bare.env()).isEmpty();
    assertThat(bare.pid()).isZero();
  }

  @Test
  void findsTheListAfterTheLinesPm2PrintsWhenItStartsItsDaemon() {
    String output = "\n  banner [with] brackets\n[PM2] Spawning PM2 daemon with pm2_home=/x\n"
        + "\u001b[32m[PM2] \u001b[39mPM2 Successfully daemonized\n[{\"name\":\"a\",\"pm_id\":0,\"pm2_env\":{}}]\n";

    assertThat(Pm2Process.parseList(output, codec)).extracting(Pm2Process::name).containsExactly("a");
    assertThat(Pm2Process.parseList("[PM2] Spawning\n[]\n", codec)).isEmpty();
    assertThat(Pm2Process.parseList("[]", codec)).isEmpty();
  }

  @Test
  void refusesOutputThatIsNotAList() {
    assertThatThrownBy(() -> Pm2Process.parseList("[{\"name\":", codec))
        .isInstanceOf(Pm2Exception.class).hasMessageStartingWith("cannot parse pm2 jlist output: ");
    assertThatThrownBy(() -> Pm2Process.parseList("{\"name\":\"a\"}", codec))
        .hasMessage("cannot parse pm2 jlist output: expected a JSON array");
    assertThatThrownBy(() -> Pm2Process.parseList("  \n", codec)).hasMessage("cannot parse pm2 jlist output: no output");
  }
}
