package io.gopm.daemon.mcp;

import static io.gopm.daemon.mcp.FakeDaemonCalls.process;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.procfs.ProcessInspector;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class McpServiceTest {

  private static final List<String> TOOL_ORDER =
      List.of("gopm_ping", "gopm_list", "gopm_start", "gopm_stop", "gopm_restart", "gopm_delete", "gopm_describe",
          "gopm_isrunning", "gopm_logs", "gopm_flush", "gopm_resurrect", "gopm_pid", "gopm_export", "gopm_import");

  @TempDir Path home;
  private Path logFile;
  private DaemonLog log;
  private final JsonCodec codec = new JsonCodec(ZoneOffset.UTC);
  private final FakeDaemonCalls daemon = new FakeDaemonCalls();
  private McpService service;

  @BeforeEach
  void createService() throws IOException {
    logFile = home.resolve("daemon.log");
    log = DaemonLog.open(logFile, false);
    service =
        new McpService(new GopmTools(daemon, codec, ProcessInspector.system()), new GopmResources(daemon, codec), codec, log);
  }

  @AfterEach
  void closeLog() throws IOException {
    log.close();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Optional<ObjectNode> handle(String json) throws IOException {
    return service.handle(codec.readTree(json));
  }

  private JsonNode respond(String json) throws IOException {
    Optional<ObjectNode> response = handle(json);
    assertThat(response).as("a response to %s", json).isPresent();
    assertThat(response.get().path("jsonrpc").asText()).isEqualTo("2.0");
    return response.get();
  }

  /** The result of {@code method} called with id 1; fails when the answer is an error. */
  private JsonNode result(String method, String paramsJson) throws IOException {
    JsonNode response = respond(request(method, paramsJson));
    assertThat(response.has("error")).as("error in %s", response).isFalse();
    assertThat(response.path("id").asInt()).isEqualTo(1);
    return response.path("result");
  }

  /** The error of {@code method} called with id 1; fails when the answer is a result. */
  private JsonNode error(String method, String paramsJson) throws IOException {
    JsonNode response = respond(request(method, paramsJson));
    assertThat(response.has("result")).as("result in %s", response).isFalse();
    assertThat(response.path("id").asInt()).isEqualTo(1);
    return response.path("error");
  }

  private static String request(String method, String paramsJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
  }

  /** The {@code tools/call} result of {@code tool} with {@code argumentsJson}. */
  private JsonNode callTool(String tool, String argumentsJson) throws IOException {
    JsonNode result = result("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}");
    assertThat(result.path("content")).hasSize(1);
    assertThat(result.path("content").get(0).path("type").asText()).isEqualTo("text");
    return result;
  }

  /** The text of a successful tool call. */
  private String toolText(String tool, String argumentsJson) throws IOException {
    JsonNode result = callTool(tool, argumentsJson);
    assertThat(result.has("isError")).as("isError in %s", result).isFalse();
    return result.path("content").get(0).path("text").asText();
  }

  /** The text of a tool call that is a business failure ({@code isError: true}). */
  private String toolFailure(String tool, String argumentsJson) throws IOException {
    JsonNode result = callTool(tool, argumentsJson);
    assertThat(result.path("isError").asBoolean()).as("isError in %s", result).isTrue();
    return result.path("content").get(0).path("text").asText();
  }

  private FakeDaemonCalls withApiAndWorker() {
    return daemon
        .with(process(0, "api", "/srv/api/server", "/srv/api", ProcessStatus.ONLINE, 1234))
        .with(process(1, "worker", "/srv/worker/run", "/srv/worker", ProcessStatus.STOPPED, 0));
  }

  // ---- the JSON-RPC envelope -----------------------------------------------------------------

  @Nested
  class Envelope {

    @Test
    void answersPingWithAnEmptyObject() throws IOException {
      JsonNode result = result("ping", null);

      assertThat(result.isObject()).isTrue();
      assertThat(result.size()).isZero();
    }

    @Test
    void echoesStringAndZeroIds() throws IOException {
      assertThat(respond("{\"jsonrpc\":\"2.0\",\"id\":\"req-7\",\"method\":\"ping\"}").path("id").asText())
          .isEqualTo("req-7");
      JsonNode zero = respond("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"ping\"}");
      assertThat(zero.has("id")).isTrue();
      assertThat(zero.path("id").asInt(-1)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notifications/initialized", "notifications/cancelled", "no/such/method"})
    void answersNothingToANotification(String method) throws IOException {
      assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}")).isEmpty();
    }

    @Test
    void answersNothingToARequestWithANullId() throws IOException {
      assertThat(handle("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}")).isEmpty();
    }

    @Test
    void answersNothingToAResponseSentByTheClient() throws IOException {
      assertThat(handle("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}")).isEmpty();
      assertThat(handle("{\"jsonrpc\":\"2.0\",\"id\":6,\"error\":{\"code\":-1,\"message\":\"no\"}}")).isEmpty();
    }

    @Test
    void refusesAWrongJsonRpcVersionKeepingTheId() throws IOException {
      JsonNode response = respond("{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}");

      assertThat(response.path("id").asInt()).isEqualTo(9);
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(response.path("error").path("message").asText()).contains("jsonrpc");
    }

    @Test
    void refusesAMessageWithoutJsonRpcMember() throws IOException {
      JsonNode response = respond("{\"id\":3,\"method\":\"ping\"}");

      assertThat(response.path("id").asInt()).isEqualTo(3);
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void refusesABatchWithoutId() throws IOException {
      JsonNode response = respond("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");

      assertThat(response.has("id")).isFalse();
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(response.path("error").path("message").asText()).contains("batches are not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"text\"", "true", "null"})
    void refusesANonObjectWithoutId(String json) throws IOException {
      JsonNode response = respond(json);

      assertThat(response.has("id")).isFalse();
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void refusesARequestWithoutMethod() throws IOException {
      JsonNode response = respond("{\"jsonrpc\":\"2.0\",\"id\":4}");

      assertThat(response.path("id").asInt()).isEqualTo(4);
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void refusesAnIdThatIsNeitherStringNorIntegerWithoutEchoingIt() throws IOException {
      JsonNode response = respond("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}");

      assertThat(response.has("id")).isFalse();
      assertThat(response.path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void answersAnUnknownMethodWithMethodNotFound() throws IOException {
      JsonNode error = error("server/discover", "{}");

      assertThat(error.path("code").asInt()).isEqualTo(-32601);
      assertThat(error.path("message").asText()).isEqualTo("method not found: server/discover");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"x\"", "7"})
    void refusesParamsThatAreNotAnObject(String params) throws IOException {
      JsonNode error = error("tools/list", params);

      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).contains("params");
    }

    @Test
    void treatsMissingParamsAsAnEmptyObject() throws IOException {
      assertThat(result("tools/list", null).path("tools")).hasSize(14);
    }
  }

  // ---- initialize ------------------------------------------------------------------------------

  @Nested
  class Initialize {

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
    void echoesASupportedRevision(String version) throws IOException {
      JsonNode result = result("initialize", "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{}}");

      assertThat(result.path("protocolVersion").asText()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-28", "2024-11-05", "1999-01-01", ""})
    void offersTheBaselineForAnUnsupportedRevisionAndNeverTheStatelessOne(String version) throws IOException {
      JsonNode result = result("initialize", "{\"protocolVersion\":\"" + version + "\"}");

      assertThat(result.path("protocolVersion").asText()).isEqualTo("2025-11-25").isNotEqualTo("2026-07-28");
    }

    @Test
    void offersTheBaselineWhenNoRevisionIsSent() throws IOException {
      assertThat(result("initialize", "{}").path("protocolVersion").asText()).isEqualTo("2025-11-25");
      assertThat(result("initialize", null).path("protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void declaresToolsAndResourcesAndNamesTheServer() throws IOException {
      JsonNode result = result("initialize", "{\"protocolVersion\":\"2025-11-25\"}");

      assertThat(result.path("capabilities").path("tools").isObject()).isTrue();
      assertThat(result.path("capabilities").path("resources").isObject()).isTrue();
      assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("gopm");
      assertThat(result.path("serverInfo").path("version").asText()).isEqualTo(GopmVersion.version()).isNotBlank();
      assertThat(result.path("instructions").asText()).contains("gopm_list");
    }
  }

  // ---- tools/list ------------------------------------------------------------------------------

  @Nested
  class ToolList {

    @Test
    void listsTheFourteenToolsInSpecificationOrder() throws IOException {
      List<String> names = new ArrayList<>();
      result("tools/list", "{}").path("tools").forEach(tool -> names.add(tool.path("name").asText()));

      assertThat(names).containsExactlyElementsOf(TOOL_ORDER);
    }

    @Test
    void givesEveryToolATitleADescriptionAndAnObjectSchema() throws IOException {
      for (JsonNode tool : result("tools/list", "{}").path("tools")) {
        String name = tool.path("name").asText();
        assertThat(tool.path("title").asText()).as("title of %s", name).isNotBlank();
        assertThat(tool.path("description").asText()).as("description of %s", name).isNotBlank();
        assertThat(tool.path("inputSchema").path("type").asText()).as("schema type of %s", name).isEqualTo("object");
        assertThat(tool.path("annotations").path("title").asText()).as("annotation title of %s", name)
            .isEqualTo(tool.path("title").asText());
      }
    }

    @Test
    void marksExactlyTheReadOnlyAndTheDestructiveTools() throws IOException {
      Set<String> readOnly = Set.of("gopm_ping", "gopm_list", "gopm_describe", "gopm_isrunning", "gopm_logs", "gopm_pid",
          "gopm_export");
      Set<String> destructive = Set.of("gopm_stop", "gopm_restart", "gopm_delete", "gopm_flush");

      for (JsonNode tool : result("tools/list", "{}").path("tools")) {
        String name = tool.path("name").asText();
        JsonNode annotations = tool.path("annotations");
        assertThat(annotations.path("readOnlyHint").isBoolean()).as("readOnlyHint of %s", name).isTrue();
        assertThat(annotations.path("readOnlyHint").asBoolean()).as("readOnlyHint of %s", name)
            .isEqualTo(readOnly.contains(name));
        assertThat(annotations.path("destructiveHint").asBoolean()).as("destructiveHint of %s", name)
            .isEqualTo(destructive.contains(name));
      }
    }

    @Test
    void closesTheSchemaOfToolsWithoutParameters() throws IOException {
      for (JsonNode tool : result("tools/list", "{}").path("tools")) {
        String name = tool.path("name").asText();
        if (List.of("gopm_ping", "gopm_list", "gopm_resurrect").contains(name)) {
          assertThat(tool.path("inputSchema").path("additionalProperties").asBoolean(true)).as(name).isFalse();
        }
      }
    }

    @Test
    void requiresTheTargetOfTargetTools() throws IOException {
      for (JsonNode tool : result("tools/list", "{}").path("tools")) {
        String name = tool.path("name").asText();
        if (List.of("gopm_stop", "gopm_restart", "gopm_delete", "gopm_describe", "gopm_isrunning", "gopm_logs",
            "gopm_flush").contains(name)) {
          assertThat(tool.path("inputSchema").path("required").toString()).as(name).isEqualTo("[\"target\"]");
        }
      }
    }
  }

  // ---- tools/call envelope -----------------------------------------------------------------------

  @Nested
  class ToolCall {

    @Test
    void answersAnUnknownToolWithInvalidParams() throws IOException {
      JsonNode error = error("tools/call", "{\"name\":\"gopm_save\",\"arguments\":{}}");

      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).isEqualTo("unknown tool: gopm_save");
    }

    @Test
    void answersAMissingToolNameWithInvalidParams() throws IOException {
      assertThat(error("tools/call", "{\"arguments\":{}}").path("code").asInt()).isEqualTo(-32602);
      assertThat(error("tools/call", "{\"name\":7}").path("code").asInt()).isEqualTo(-32602);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"target\"", "3"})
    void answersArgumentsThatAreNotAnObjectWithInvalidParams(String arguments) throws IOException {
      JsonNode error = error("tools/call", "{\"name\":\"gopm_list\",\"arguments\":" + arguments + "}");

      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).contains("arguments");
    }

    @Test
    void treatsMissingArgumentsAsAnEmptyObject() throws IOException {
      withApiAndWorker();

      JsonNode result = result("tools/call", "{\"name\":\"gopm_list\"}");

      assertThat(result.has("isError")).isFalse();
      assertThat(result.path("content").get(0).path("text").asText()).contains("\"name\": \"api\"");
    }

    @Test
    void reportsAnUnknownTargetAsABusinessFailureWithTheDaemonsMessage() throws IOException {
      withApiAndWorker();

      assertThat(toolFailure("gopm_describe", "{\"target\":\"zz\"}")).isEqualTo("process \"zz\" not found");
      assertThat(toolFailure("gopm_stop", "{\"target\":\"zz\"}")).isEqualTo("process \"zz\" not found");
    }

    @Test
    void reportsAMissingTargetAsABusinessFailure() throws IOException {
      assertThat(toolFailure("gopm_stop", "{}")).startsWith("target is required");
      assertThat(toolFailure("gopm_describe", "{\"target\":\"\"}")).startsWith("target is required");
      assertThat(daemon.calls).doesNotContain("stop", "describe");
    }

    @Test
    void acceptsANumericTargetAsAnId() throws IOException {
      withApiAndWorker();

      assertThat(toolText("gopm_describe", "{\"target\":1}")).contains("\"name\": \"worker\"");
      assertThat(daemon.lastParams(RpcMethods.DESCRIBE)).isEqualTo(new TargetRequest("1"));
    }

    @Test
    void reportsAnUnexpectedFaultOfATool() throws IOException {
      daemon.fault = new IllegalStateException("disk on fire");

      assertThat(toolFailure("gopm_list", "{}")).isEqualTo("internal error: disk on fire");
      assertThat(Files.readString(logFile, StandardCharsets.UTF_8)).contains("MCP tool failed: gopm_list", "disk on fire");
    }
  }

  // ---- the tools themselves --------------------------------------------------------------------

  @Nested
  class Tools {

    @Test
    void pingSummarisesTheDaemonAndCountsProcessesByStatus() throws IOException {
      withApiAndWorker();

      assertThat(toolText("gopm_ping", "{}"))
          .isEqualTo("GoPM daemon running (PID: 4242, uptime: 1m, version: 1.2.3, processes: 1 online, 1 stopped)");
    }

    @Test
    void pingSaysNoProcessesWhenTheTableIsEmpty() throws IOException {
      assertThat(toolText("gopm_ping", "{}"))
          .isEqualTo("GoPM daemon running (PID: 4242, uptime: 1m, version: 1.2.3, processes: no processes)");
    }

    @Test
    void pingCountsErroredProcesses() throws IOException {
      daemon.with(process(0, "a", "/bin/a", "/", ProcessStatus.ERRORED, 0))
          .with(process(1, "b", "/bin/b", "/", ProcessStatus.ERRORED, 0))
          .with(process(2, "c", "/bin/c", "/", ProcessStatus.ONLINE, 77));

      assertThat(toolText("gopm_ping", "{}")).endsWith("processes: 1 online, 2 errored)");
    }

    @Test
    void listReturnsThePrettyProcessArray() throws IOException {
      withApiAndWorker();

      String text = toolText("gopm_list", "{}");

      JsonNode list = codec.readTree(text);
      assertThat(list.isArray()).isTrue();
      assertThat(list).hasSize(2);
      assertThat(list.get(0).path("name").asText()).isEqualTo("api");
      assertThat(text).contains("\n  ");
    }

    @Test
    void startPassesTheArgumentsToTheDaemonIncludingUndeclaredKeys() throws IOException {
      String text = toolText("gopm_start",
          "{\"command\":\"/usr/bin/sleep\",\"name\":\"web\",\"args\":[\"60\"],\"cwd\":\"/tmp\",\"kill_timeout\":\"3s\"}");

      assertThat(codec.readTree(text).path("name").asText()).isEqualTo("web");
      StartRequest sent = daemon.lastParams(RpcMethods.START);
      assertThat(sent.command()).isEqualTo("/usr/bin/sleep");
      assertThat(sent.args()).containsExactly("60");
      assertThat(sent.cwd()).isEqualTo("/tmp");
      assertThat(sent.killTimeout()).isEqualTo("3s");
    }

    @Test
    void startRefusesAWrongTypeBeforeCallingTheDaemon() throws IOException {
      String text = toolFailure("gopm_start", "{\"command\":\"/bin/true\",\"max_restarts\":\"3\"}");

      assertThat(text).startsWith("invalid start params: ").contains("max_restarts");
      assertThat(daemon.calls).doesNotContain("start");
    }

    @Test
    void startReportsTheDaemonsRefusal() throws IOException {
      withApiAndWorker();

      assertThat(toolFailure("gopm_start", "{\"command\":\"/bin/true\",\"name\":\"api\"}"))
          .isEqualTo("process \"api\" already exists");
    }

    @Test
    void stopAnswersSuccessAsPrettyJson() throws IOException {
      withApiAndWorker();

      assertThat(toolText("gopm_stop", "{\"target\":\"api\"}")).isEqualTo("{\n  \"success\": true\n}");
      assertThat(daemon.lastParams(RpcMethods.STOP)).isEqualTo(new TargetRequest("api"));
    }

    @Test
    void restartOfAllReturnsEveryProcess() throws IOException {
      withApiAndWorker();

      assertThat(codec.readTree(toolText("gopm_restart", "{\"target\":\"all\"}"))).hasSize(2);
    }

    @Test
    void isRunningOfAnUnknownTargetIsANormalResult() throws IOException {
      String text = toolText("gopm_isrunning", "{\"target\":\"ghost\"}");

      JsonNode answer = codec.readTree(text);
      assertThat(answer.path("running").asBoolean(true)).isFalse();
      assertThat(answer.path("status").asText("missing")).isEmpty();
    }

    @Test
    void logsAsksForTwentyStdoutLinesByDefault() throws IOException {
      withApiAndWorker();

      assertThat(toolText("gopm_logs", "{\"target\":\"api\"}")).isEqualTo("first line\nsecond line");
      assertThat(daemon.lastParams(RpcMethods.LOGS)).isEqualTo(new LogsRequest("api", 20, false, false));
    }

    @Test
    void logsPassesStderrAndTheLineCount() throws IOException {
      withApiAndWorker();

      toolText("gopm_logs", "{\"target\":\"api\",\"lines\":50,\"err\":true}");

      assertThat(daemon.lastParams(RpcMethods.LOGS)).isEqualTo(new LogsRequest("api", 50, true, false));
    }

    @Test
    void logsCapsTheLineCountAtOneThousand() throws IOException {
      withApiAndWorker();

      toolText("gopm_logs", "{\"target\":\"api\",\"lines\":1000000}");

      assertThat(daemon.lastParams(RpcMethods.LOGS).lines()).isEqualTo(GopmTools.MAX_LOG_LINES).isEqualTo(1000);
    }

    @Test
    void logsCapsTheTextAndSaysEarlierLinesWereLeftOut() throws IOException {
      withApiAndWorker();
      StringBuilder huge = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        huge.append(i > 0 ? "\n" : "").append(String.format("line %05d ", i)).append("x".repeat(40));
      }
      daemon.logContent = huge.toString();

      String text = toolText("gopm_logs", "{\"target\":\"api\",\"lines\":1000}");

      String note = text.substring(0, text.indexOf('\n'));
      String kept = text.substring(text.indexOf('\n') + 1);
      assertThat(note).startsWith("(earlier lines left out").contains("60000 characters");
      assertThat(kept.length()).isLessThanOrEqualTo(GopmTools.MAX_LOG_CHARS);
      assertThat(kept.length()).isGreaterThan(GopmTools.MAX_LOG_CHARS - 60);
      assertThat(kept).startsWith("line ").endsWith("line 02999 " + "x".repeat(40));
      assertThat(kept.split("\n")).allMatch(line -> line.matches("line \\d{5} x{40}"));
    }

    @Test
    void logsSaysSoWhenThereAreNoLines() throws IOException {
      withApiAndWorker();
      daemon.logContent = "";

      assertThat(toolText("gopm_logs", "{\"target\":\"api\"}")).isEqualTo("(no log lines yet)");
    }

    @Test
    void logsOfAnUnknownProcessIsABusinessFailure() throws IOException {
      assertThat(toolFailure("gopm_logs", "{\"target\":\"zz\"}")).isEqualTo("process \"zz\" not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"pid\":0}", "{\"pid\":-5}", "{\"pid\":\"abc\"}"})
    void pidRequiresAPositivePid(String arguments) throws IOException {
      assertThat(toolFailure("gopm_pid", arguments)).isEqualTo("pid is required and must be positive");
    }

    @Test
    void pidOfAMissingProcessSaysSo() throws IOException {
      assertThat(toolFailure("gopm_pid", "{\"pid\":999999999}")).isEqualTo("PID 999999999 — no such process");
    }

    @Test
    void pidInspectsTheTestJvm() throws IOException {
      long self = ProcessHandle.current().pid();

      String text = toolText("gopm_pid", "{\"pid\":" + self + "}");

      assertThat(text).contains("\"identity\"");
      JsonNode report = codec.readTree(text);
      assertThat(report.path("pid").asLong()).isEqualTo(self);
      assertThat(report.path("gopm").path("daemon_up").asBoolean()).isTrue();
      assertThat(report.path("gopm").path("managed").asBoolean(true)).isFalse();
    }

    @Test
    void pidNamesTheManagedProcessThatOwnsThePid() throws IOException {
      int self = (int) ProcessHandle.current().pid();
      daemon.with(process(3, "tests", "/usr/bin/java", "/", ProcessStatus.ONLINE, self));

      JsonNode report = codec.readTree(toolText("gopm_pid", "{\"pid\":" + self + ",\"sections\":[\"identity\"]}"));

      assertThat(report.path("gopm").path("managed").asBoolean()).isTrue();
      assertThat(report.path("gopm").path("name").asText()).isEqualTo("tests");
      assertThat(report.path("identity").isObject()).isTrue();
    }

    @Test
    void exportWritesEveryProcessByDefault() throws IOException {
      withApiAndWorker();

      JsonNode document = codec.readTree(toolText("gopm_export", "{}"));

      assertThat(document.path("apps")).hasSize(2);
      assertThat(document.path("apps").get(0).path("command").asText()).isEqualTo("/srv/api/server");
    }

    @Test
    void exportSelectsByNameOrId() throws IOException {
      withApiAndWorker();

      JsonNode byName = codec.readTree(toolText("gopm_export", "{\"target\":\"api\"}"));
      JsonNode byId = codec.readTree(toolText("gopm_export", "{\"target\":\"1\"}"));

      assertThat(byName.path("apps")).hasSize(1);
      assertThat(byName.path("apps").get(0).path("name").asText()).isEqualTo("api");
      assertThat(byId.path("apps")).hasSize(1);
      assertThat(byId.path("apps").get(0).path("name").asText()).isEqualTo("worker");
    }

    @Test
    void exportOfAnUnknownTargetSaysItIsNotFound() throws IOException {
      withApiAndWorker();

      assertThat(toolFailure("gopm_export", "{\"target\":\"x\"}")).isEqualTo("process \"x\" not found");
    }

    @Test
    void exportOfAnEmptyTableSaysNoProcessesAreDefined() throws IOException {
      assertThat(toolFailure("gopm_export", "{}")).isEqualTo("no processes defined");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"apps\":[]}", "{\"apps\":{}}"})
    void importRequiresApps(String arguments) throws IOException {
      assertThat(toolFailure("gopm_import", arguments)).isEqualTo("apps array is required and must not be empty");
      assertThat(daemon.calls).doesNotContain("start");
    }

    @Test
    void importSkipsADuplicateAndStartsTheRest() throws IOException {
      withApiAndWorker();

      String text = toolText("gopm_import",
          "{\"apps\":[{\"name\":\"api-copy\",\"command\":\"/srv/api/server\",\"cwd\":\"/srv/api\"},"
              + "{\"name\":\"fresh\",\"command\":\"/srv/fresh/run\",\"cwd\":\"/srv/fresh\"}]}");

      assertThat(text).isEqualTo(
          "SKIP api-copy (matches existing \"api\")\n"
              + "OK fresh (PID: 5000)\n"
              + "\n"
              + "Imported 1/2 processes (1 skipped)");
      assertThat(daemon.lastParams(RpcMethods.START).name()).isEqualTo("fresh");
    }

    @Test
    void importReportsAnAppWithoutCommandAsAFailure() throws IOException {
      String text = toolText("gopm_import", "{\"apps\":[{\"name\":\"broken\"}]}");

      assertThat(text.split("\n")[0]).startsWith("FAIL broken: ").contains("command");
      assertThat(text).endsWith("\n\nImported 0/1 processes");
      assertThat(daemon.calls).doesNotContain("start");
    }

    @Test
    void importReportsTheDaemonsRefusalAsAFailure() throws IOException {
      withApiAndWorker();

      String text = toolText("gopm_import", "{\"apps\":[{\"name\":\"api\",\"command\":\"/other/bin\",\"cwd\":\"/other\"}]}");

      assertThat(text).isEqualTo("FAIL api: process \"api\" already exists\n\nImported 0/1 processes");
    }

    @Test
    void importStartsEveryNewApp() throws IOException {
      String text = toolText("gopm_import",
          "{\"apps\":[{\"name\":\"one\",\"command\":\"/bin/one\",\"cwd\":\"/\"},{\"name\":\"two\",\"command\":\"/bin/two\",\"cwd\":\"/\"}]}");

      assertThat(text).isEqualTo("OK one (PID: 5000)\nOK two (PID: 5001)\n\nImported 2/2 processes");
      assertThat(daemon.processes).extracting(ProcessInfo::name).containsExactly("one", "two");
    }

    @Test
    void importSkipsAnAppMatchingOneStartedEarlierInTheSameImport() throws IOException {
      String text = toolText("gopm_import",
          "{\"apps\":[{\"name\":\"one\",\"command\":\"./run\",\"cwd\":\"/srv/x\"},"
              + "{\"name\":\"again\",\"command\":\"/srv/x/run\",\"cwd\":\"/srv/x\"}]}");

      assertThat(text).isEqualTo(
          "OK one (PID: 5000)\nSKIP again (matches existing \"one\")\n\nImported 1/2 processes (1 skipped)");
    }

    @Test
    void resurrectReturnsTheAddedProcesses() throws IOException {
      assertThat(codec.readTree(toolText("gopm_resurrect", "{}")).isArray()).isTrue();
      assertThat(daemon.calls).contains("resurrect");
    }
  }

  // ---- resources -------------------------------------------------------------------------------

  @Nested
  class Resources {

    @Test
    void listsTheTwoFixedResources() throws IOException {
      JsonNode resources = result("resources/list", "{}").path("resources");

      assertThat(resources).hasSize(2);
      assertThat(resources.get(0).path("uri").asText()).isEqualTo("gopm://processes");
      assertThat(resources.get(1).path("uri").asText()).isEqualTo("gopm://status");
      resources.forEach(r -> assertThat(r.path("mimeType").asText()).isEqualTo("application/json"));
    }

    @Test
    void listsTheThreePerProcessTemplates() throws IOException {
      JsonNode templates = result("resources/templates/list", "{}").path("resourceTemplates");

      assertThat(templates).hasSize(3);
      List<String> uris = new ArrayList<>();
      templates.forEach(t -> uris.add(t.path("uriTemplate").asText()));
      assertThat(uris).containsExactly("gopm://process/{name}", "gopm://logs/{name}/stdout", "gopm://logs/{name}/stderr");
    }

    private JsonNode read(String uri) throws IOException {
      JsonNode contents = result("resources/read", "{\"uri\":\"" + uri + "\"}").path("contents");
      assertThat(contents).hasSize(1);
      assertThat(contents.get(0).path("uri").asText()).isEqualTo(uri);
      return contents.get(0);
    }

    @Test
    void readsTheProcessList() throws IOException {
      withApiAndWorker();

      JsonNode content = read("gopm://processes");

      assertThat(content.path("mimeType").asText()).isEqualTo("application/json");
      assertThat(codec.readTree(content.path("text").asText())).hasSize(2);
    }

    @Test
    void readsTheProcessListWithoutTheScheme() throws IOException {
      withApiAndWorker();

      assertThat(codec.readTree(read("processes").path("text").asText())).hasSize(2);
    }

    @Test
    void readsTheDaemonStatus() throws IOException {
      JsonNode status = codec.readTree(read("gopm://status").path("text").asText());

      assertThat(status.path("pid").asInt()).isEqualTo(4242);
      assertThat(status.path("version").asText()).isEqualTo("1.2.3");
    }

    @Test
    void readsOneProcessByName() throws IOException {
      withApiAndWorker();

      JsonNode content = read("gopm://process/worker");

      assertThat(content.path("mimeType").asText()).isEqualTo("application/json");
      assertThat(codec.readTree(content.path("text").asText()).path("name").asText()).isEqualTo("worker");
    }

    @Test
    void readsTheLastHundredLinesOfStdoutAsPlainText() throws IOException {
      withApiAndWorker();

      JsonNode content = read("gopm://logs/api/stdout");

      assertThat(content.path("mimeType").asText()).isEqualTo("text/plain");
      assertThat(content.path("text").asText()).isEqualTo("first line\nsecond line");
      assertThat(daemon.lastParams(RpcMethods.LOGS)).isEqualTo(new LogsRequest("api", 100, false, false));
    }

    @Test
    void readsStderr() throws IOException {
      withApiAndWorker();

      read("gopm://logs/api/stderr");

      assertThat(daemon.lastParams(RpcMethods.LOGS).errOnly()).isTrue();
    }

    @Test
    void answersAnUnknownResourceWithResourceNotFound() throws IOException {
      JsonNode error = error("resources/read", "{\"uri\":\"gopm://nothing\"}");

      assertThat(error.path("code").asInt()).isEqualTo(-32002);
      assertThat(error.path("message").asText()).isEqualTo("unknown resource: gopm://nothing");
    }

    @Test
    void answersAnUnknownProcessWithResourceNotFound() throws IOException {
      JsonNode error = error("resources/read", "{\"uri\":\"gopm://process/zz\"}");

      assertThat(error.path("code").asInt()).isEqualTo(-32002);
      assertThat(error.path("message").asText()).isEqualTo("process \"zz\" not found");
      assertThat(error("resources/read", "{\"uri\":\"gopm://logs/zz/stdout\"}").path("code").asInt()).isEqualTo(-32002);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gopm://logs/api", "gopm://logs/api/other", "gopm://logs//stdout", "gopm://logs/api/stdout/x"})
    void answersAMalformedLogsUriWithInvalidParams(String uri) throws IOException {
      withApiAndWorker();

      JsonNode error = error("resources/read", "{\"uri\":\"" + uri + "\"}");

      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).isEqualTo("expected logs/{name}/stdout or logs/{name}/stderr");
    }

    @Test
    void answersAnEmptyProcessNameWithInvalidParams() throws IOException {
      JsonNode error = error("resources/read", "{\"uri\":\"gopm://process/\"}");

      assertThat(error.path("code").asInt()).isEqualTo(-32602);
      assertThat(error.path("message").asText()).isEqualTo("process name required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"uri\":5}", "{\"uri\":null}"})
    void answersAMissingUriWithInvalidParams(String params) throws IOException {
      assertThat(error("resources/read", params).path("code").asInt()).isEqualTo(-32602);
    }
  }

  // ---- faults ----------------------------------------------------------------------------------

  @Test
  void answersAnUnexpectedFaultWithInternalErrorAndLogsIt() throws IOException {
    daemon.fault = new IllegalStateException("disk on fire");

    JsonNode error = error("resources/read", "{\"uri\":\"gopm://processes\"}");

    assertThat(error.path("code").asInt()).isEqualTo(-32603);
    assertThat(error.path("message").asText())
        .startsWith("internal error")
        .doesNotContain("\n")
        .doesNotContain("\tat ")
        .doesNotContain("io.gopm.");
    String logged = Files.readString(logFile, StandardCharsets.UTF_8);
    assertThat(logged).contains("MCP request failed: resources/read", "disk on fire", "at io.gopm.daemon.mcp.");
  }
}
