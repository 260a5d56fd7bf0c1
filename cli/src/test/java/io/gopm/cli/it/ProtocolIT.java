package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 1: the wire protocol, driven by hand as with socat, including hostile input. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProtocolIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @BeforeEach
  void daemonRuns() {
    gopm.ok("ping");
  }

  /** A raw line-oriented connection. */
  private final class Raw implements AutoCloseable {
    final SocketChannel channel;
    final OutputStream out;
    final BufferedReader in;

    Raw() throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(gopm.home.resolve("gopm.sock")));
      out = Channels.newOutputStream(channel);
      in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    JsonNode call(String line) throws IOException {
      send(line);
      String answer = in.readLine();
      assertThat(answer).as("an answer to " + line).isNotNull();
      return gopm.tree(answer);
    }

    void send(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  @Test
  void aPlainJsonRpcRequestIsAnswered() throws IOException {
    try (Raw raw = new Raw()) {
      JsonNode response = raw.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");

      assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(response.get("id").asInt()).isEqualTo(7);
      assertThat(response.get("result").get("pid").asLong()).isEqualTo(gopm.daemonPid());
    }
  }

  @Test
  void malformedFramesGetErrorsAndTheConnectionGoesOn() throws IOException {
    try (Raw raw = new Raw()) {
      assertThat(raw.call("this is not json").get("error").get("code").asInt()).isEqualTo(-32700);
      assertThat(raw.call("[1,2,3]").get("error").get("code").asInt()).isEqualTo(-32600);
      assertThat(raw.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}").get("error").get("code").asInt()).isEqualTo(-32600);
      JsonNode unknown = raw.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"explode\"}");
      assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32601);
      assertThat(unknown.get("error").get("message").asText()).isEqualTo("unknown method: explode");
      JsonNode wrongType = raw.call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"stop\",\"params\":{\"target\":[1]}}");
      assertThat(wrongType.get("error").get("code").asInt()).isEqualTo(-32602);
      assertThat(wrongType.get("error").get("data").get("kind").asText()).isEqualTo("invalid_params");
      JsonNode missing = raw.call("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"stop\"}");
      assertThat(missing.get("error").get("code").asInt()).isEqualTo(-32602);
      JsonNode notFound = raw.call("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"describe\",\"params\":{\"target\":\"x\"}}");
      assertThat(notFound.get("error").get("data").get("kind").asText()).isEqualTo("not_found");
      assertThat(raw.call("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}").has("result")).isTrue();
    }
  }

  @Test
  void anOversizedFrameIsRefusedAndTheDaemonKeepsServing() throws IOException {
    try (Raw raw = new Raw()) {
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try {
        for (int i = 0; i < 17; i++) {
          raw.out.write(chunk);
        }
        raw.out.write('\n');
        raw.out.flush();
      } catch (IOException closedByDaemon) {
        // the daemon may hang up before the whole frame is written
      }
      String answer = raw.in.readLine();
      if (answer != null) {
        assertThat(gopm.tree(answer).get("error").get("message").asText()).contains("larger than 16 MiB");
      }
    }
    assertThat(gopm.ok("ping")).contains("running");
  }

  @Test
  void aSilentConnectionDoesNotBlockOthers() throws IOException {
    try (Raw silent = new Raw(); Raw halfSent = new Raw()) {
      halfSent.out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"meth".getBytes(StandardCharsets.UTF_8));
      halfSent.out.flush();

      assertThat(gopm.ok("list")).contains("No processes running");
    }
  }

  @Test
  void aClientVanishingMidStreamLeavesTheDaemonServing() throws Exception {
    gopm.startApp("talker", java.util.List.of(), "--run-forever", "--stdout-every", "10ms");
    try (Raw raw = new Raw()) {
      raw.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logs\",\"params\":{\"target\":\"talker\",\"lines\":1,\"err_only\":false,\"follow\":true}}");
      assertThat(raw.in.readLine()).contains("\"result\"");
      assertThat(raw.in.readLine()).contains("\"method\":\"log\"");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(gopm.ok("ping")).contains("running");
    }
  }

  @Test
  void aClientOfAnotherProtocolVersionIsToldWhatToDo() throws IOException {
    try (Raw raw = new Raw()) {
      JsonNode hello = raw.call("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"hello\",\"params\":{\"protocol\":99,\"client\":\"future\"}}");
      assertThat(hello.get("error").get("data").get("kind").asText()).isEqualTo("protocol_mismatch");
      assertThat(hello.get("error").get("message").asText()).contains("gopm kill");

      JsonNode list = raw.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"list\"}");
      assertThat(list.get("error").get("data").get("kind").asText()).isEqualTo("protocol_mismatch");
      assertThat(raw.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").has("result")).isTrue();
    }
  }

  @Test
  void debugTracesTheConversation() {
    CliResult result = gopm.run("--debug", "ping");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr()).contains("[debug] connected to").contains("[debug] → hello").contains("[debug] → ping")
        .contains("[debug] ← {\"jsonrpc\":\"2.0\"");
  }
}
