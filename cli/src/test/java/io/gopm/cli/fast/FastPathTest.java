package io.gopm.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.cli.render.Ansi;
import io.gopm.protocol.json.JsonCodec;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path against a stand-in daemon on a real Unix socket that answers one connection with
 * scripted frames: what it prints, its exit statuses, and that it declines (writing nothing)
 * whenever the answer is not a plain result. Byte-for-byte agreement with the picocli commands on
 * a real daemon is checked by {@code FastPathIT}.
 */
@Timeout(30)
class FastPathTest {

  private static final String HELLO_OK = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocol\":1,\"version\":\"0.1.0\"}}";

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ServerSocketChannel server;
  private Thread daemon;

  @AfterEach
  void stopDaemon() throws Exception {
    if (server != null) {
      server.close();
      daemon.join(5000);
    }
  }

  /** A daemon that answers the next connection with {@code frames}, one per line. */
  private void daemonAnswers(String... frames) throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(home.resolve("gopm.sock")));
    daemon =
        new Thread(
            () -> {
              try (SocketChannel connection = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
                requests.add(in.readLine());
                requests.add(in.readLine());
                StringBuilder answer = new StringBuilder();
                for (String frame : frames) {
                  answer.append(frame).append('\n');
                }
                Channels.newOutputStream(connection).write(answer.toString().getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                // the test closed the server before a client came
              }
            },
            "stand-in-daemon");
    daemon.start();
  }

  private static String result(String json) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + json + "}";
  }

  private int run(boolean colours, String... args) throws IOException {
    FastCommand command = FastCommand.parse(args);
    assertThat(command).as("a fast command").isNotNull();
    return new FastPath(Map.of("GOPM_HOME", home.toString()), out, new Ansi(colours)).run(command);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listJsonPrintsTheDaemonsArrayAsItWasSent() throws Exception {
    String array = "[{\"id\":0,\"name\":\"naïve \\\"api\\\" \\u0001\",\"env\":{},\"cpu\":0.0,\"uptime\":\"2026-02-05T15:39:14.739123456-05:00\"}]";
    daemonAnswers(HELLO_OK, result(array));

    assertThat(run(false, "list", "--json")).isZero();

    assertThat(printed()).isEqualTo(array + "\n");
    assertThat(requests.get(1)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"list\"}");
  }

  @Test
  void listJsonOfNoProcessesIsAnEmptyArray() throws Exception {
    daemonAnswers(HELLO_OK, result("[]"));

    assertThat(run(false, "--json", "ls")).isZero();

    assertThat(printed()).isEqualTo("[]\n");
  }

  @Test
  void sendsTheHandshakeAndTheTargetAsJson() throws Exception {
    daemonAnswers(HELLO_OK, result("{\"name\":\"x\",\"running\":false,\"status\":\"\",\"pid\":0}"));

    run(false, "isrunning", "naïve \"q\" \\ \t");

    JsonCodec codec = new JsonCodec();
    JsonNode hello = codec.readTree(requests.get(0));
    assertThat(hello.path("method").asText()).isEqualTo("hello");
    assertThat(hello.path("params").path("client").asText()).isEqualTo("cli");
    JsonNode call = codec.readTree(requests.get(1));
    assertThat(call.path("method").asText()).isEqualTo("isrunning");
    assertThat(call.path("params").path("target").asText()).isEqualTo("naïve \"q\" \\ \t");
  }

  @Test
  void isRunningOnlineExitsZeroWithPidAndUptime() throws Exception {
    daemonAnswers(HELLO_OK, result("{\"name\":\"api\",\"running\":true,\"status\":\"online\",\"pid\":42,\"uptime\":\"5m\"}"));

    assertThat(run(true, "isrunning", "api")).isZero();

    assertThat(printed()).isEqualTo("api: \u001b[32monline\u001b[0m (PID 42, uptime 5m)\n");
  }

  @Test
  void isRunningErroredExitsOneWithExitCodeAndRestarts() throws Exception {
    daemonAnswers(
        HELLO_OK,
        result("{\"name\":\"api\",\"running\":false,\"status\":\"errored\",\"pid\":0,\"exit_code\":3,\"restarts\":15}"));

    assertThat(run(false, "isrunning", "0")).isEqualTo(1);

    assertThat(printed()).isEqualTo("api: errored (exit code 3, 15 restarts)\n");
  }

  @Test
  void isRunningUnknownTargetExitsOneAndNamesTheTarget() throws Exception {
    daemonAnswers(HELLO_OK, result("{\"name\":\"ghost\",\"running\":false,\"status\":\"\",\"pid\":0}"));

    assertThat(run(false, "isrunning", "ghost")).isEqualTo(1);

    assertThat(printed()).isEqualTo("ghost: not found\n");
  }

  @Test
  void isRunningJsonPrintsTheResultAndKeepsTheExitStatus() throws Exception {
    String answer = "{\"name\":\"api\",\"running\":false,\"status\":\"stopped\",\"pid\":0}";
    daemonAnswers(HELLO_OK, result(answer));

    assertThat(run(false, "isrunning", "api", "--json")).isEqualTo(1);

    assertThat(printed()).isEqualTo(answer + "\n");
  }

  @Test
  void pingPrintsTheDaemonsVitalSigns() throws Exception {
    daemonAnswers(
        HELLO_OK,
        result("{\"pid\":7,\"uptime\":\"4d 12h\",\"uptime_ms\":1,\"uptime_seconds\":0,\"version\":\"0.1.0\",\"protocol\":1,\"logs_dir\":\"/l\",\"log_max_size\":1}"));

    assertThat(run(false, "ping")).isZero();

    assertThat(printed()).isEqualTo("gopm daemon running (PID: 7, uptime: 4d 12h, version: 0.1.0)\n");
  }

  @Test
  void declinesWithoutOutputWhenNoDaemonListens() throws Exception {
    assertThat(run(false, "list", "--json")).isEqualTo(FastPath.FALL_BACK);
    assertThat(run(false, "ping")).isEqualTo(FastPath.FALL_BACK);

    assertThat(out.size()).isZero();
  }

  @Test
  void declinesWithoutOutputWhenTheCallFails() throws Exception {
    daemonAnswers(
        HELLO_OK,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"boom\",\"data\":{\"kind\":\"internal\"}}}");

    assertThat(run(false, "isrunning", "api")).isEqualTo(FastPath.FALL_BACK);

    assertThat(out.size()).isZero();
  }

  @Test
  void declinesWithoutOutputWhenTheHandshakeIsRefused() throws Exception {
    daemonAnswers(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32600,\"message\":\"protocol 1 not supported\",\"data\":{\"kind\":\"invalid_request\"}}}",
        result("[]"));

    assertThat(run(false, "list", "--json")).isEqualTo(FastPath.FALL_BACK);

    assertThat(out.size()).isZero();
  }

  @Test
  void declinesWithoutOutputWhenTheDaemonHangsUpOrAnswersNonsense() throws Exception {
    daemonAnswers(HELLO_OK);
    assertThat(run(false, "list", "--json")).isEqualTo(FastPath.FALL_BACK);
    stopDaemonAndForgetIt();

    daemonAnswers(HELLO_OK, result("{\"name\":\"api\",\"running\":\"yes\"}"));
    assertThat(run(false, "isrunning", "api")).isEqualTo(FastPath.FALL_BACK);
    stopDaemonAndForgetIt();

    daemonAnswers(HELLO_OK, "not json");
    assertThat(run(false, "ping", "--json")).isEqualTo(FastPath.FALL_BACK);

    assertThat(out.size()).isZero();
  }

  private void stopDaemonAndForgetIt() throws Exception {
    stopDaemon();
    server = null;
    java.nio.file.Files.deleteIfExists(home.resolve("gopm.sock"));
    requests.clear();
  }
}
