package io.gopm.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

  private static final String POLICY_JSON =
      "{\"autorestart\":\"always\",\"max_restarts\":0,\"min_uptime\":\"5s\",\"restart_delay\":\"2s\","
          + "\"exp_backoff\":false,\"max_delay\":\"30s\",\"kill_signal\":15,\"kill_timeout\":\"5s\"}";

  private final JsonCodec codec = new JsonCodec(ZoneOffset.ofHours(-5));

  private static ProcessInfo process(String interpreter, String statusReason, Map<String, String> env) {
    return new ProcessInfo(
        3, "api", "/usr/bin/node", List.of("server.js", "--port", "8080"), "/srv/api", env, interpreter,
        ProcessStatus.ONLINE, statusReason, 4242, RestartPolicy.DEFAULTS, 2,
        Instant.parse("2026-02-05T20:39:14.739123456Z"), Instant.parse("2026-02-05T20:00:00Z"), 0,
        25_270_272L, 0.5, List.of("0.0.0.0:8080"), "/home/u/.gopm/logs/api-out.log",
        "/home/u/.gopm/logs/api-err.log", 1_048_576L);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void writesProcessInfoWithSnakeCaseKeysInContractOrder() throws Exception {
    String json = codec.write(process("node", "crashed", Map.of("PORT", "8080")));

    assertThat(keys(codec.readTree(json)))
        .containsExactly("id", "name", "command", "args", "cwd", "env", "interpreter", "status",
            "status_reason", "pid", "restart_policy", "restarts", "uptime", "created_at", "exit_code",
            "memory", "cpu", "listeners", "log_out", "log_err", "max_log_size");
  }

  @Test
  void writesProcessInfoValuesInTheirWireForm() throws Exception {
    JsonNode node = codec.readTree(codec.write(process("node", "crashed", Map.of("PORT", "8080"))));

    assertThat(node.get("id").asInt()).isEqualTo(3);
    assertThat(node.get("status").asText()).isEqualTo("online");
    assertThat(node.get("status_reason").asText()).isEqualTo("crashed");
    assertThat(node.get("uptime").asText()).isEqualTo("2026-02-05T15:39:14.739123456-05:00");
    assertThat(node.get("created_at").asText()).isEqualTo("2026-02-05T15:00:00-05:00");
    assertThat(node.get("memory").asLong()).isEqualTo(25_270_272L);
    assertThat(node.get("cpu").asDouble()).isEqualTo(0.5);
    assertThat(node.get("max_log_size").asLong()).isEqualTo(1_048_576L);
    assertThat(node.get("listeners").toString()).isEqualTo("[\"0.0.0.0:8080\"]");
    assertThat(node.get("args").toString()).isEqualTo("[\"server.js\",\"--port\",\"8080\"]");
  }

  @Test
  void writesTheRestartPolicyWithDurationsAsGoStrings() throws Exception {
    String json = codec.write(process("", "", Map.of()));

    assertThat(json).contains("\"restart_policy\":" + POLICY_JSON);
    assertThat(json).contains("\"min_uptime\":\"5s\"");
  }

  @Test
  void leavesOutEmptyInterpreterAndStatusReason() throws Exception {
    JsonNode withEmpty = codec.readTree(codec.write(process("", "", Map.of())));
    JsonNode withNull = codec.readTree(codec.write(process(null, null, null)));

    for (JsonNode node : List.of(withEmpty, withNull)) {
      assertThat(node.has("interpreter")).isFalse();
      assertThat(node.has("status_reason")).isFalse();
      assertThat(keys(node)).containsSubsequence("env", "status", "pid");
    }
  }

  @Test
  void neverWritesNullForArgsEnvOrListeners() throws Exception {
    ProcessInfo bare = new ProcessInfo(0, "a", "/bin/a", null, null, null, null, ProcessStatus.STOPPED,
        null, 0, RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, null, null, null, 1024);

    String json = codec.write(bare);

    assertThat(json).contains("\"args\":[]", "\"env\":{}", "\"listeners\":[]", "\"cwd\":\"\"");
    assertThat(json).doesNotContain("null");
  }

  @Test
  void writesANeverSetTimeAsGosZeroTime() throws Exception {
    ProcessInfo bare = new ProcessInfo(0, "a", "/bin/a", null, null, null, null, ProcessStatus.STOPPED,
        null, 0, RestartPolicy.DEFAULTS, 0, null, null, 0, 0, 0, null, null, null, 1024);

    JsonNode node = codec.readTree(codec.write(bare));

    assertThat(node.get("uptime").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(node.get("created_at").asText()).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void writesEnvironmentKeysSorted() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ZED", "1");
    env.put("ALPHA", "2");
    env.put("MID", "3");
    env.put("BETA", "4");

    String json = codec.write(process("", "", env));

    assertThat(json).contains("\"env\":{\"ALPHA\":\"2\",\"BETA\":\"4\",\"MID\":\"3\",\"ZED\":\"1\"}");
  }

  @Test
  void readsBackWhatItWrites() throws Exception {
    ProcessInfo original = process("python3", "exited with code 1", Map.of("A", "1", "B", "2"));

    ProcessInfo copy = codec.read(codec.write(original), ProcessInfo.class);

    assertThat(copy).isEqualTo(original);
  }

  @Test
  void readsBackAListOfProcessesThroughAGenericType() throws Exception {
    List<ProcessInfo> list = List.of(process("", "", Map.of()), process("bash", "", Map.of("X", "y")));

    List<ProcessInfo> copy = codec.read(codec.write(list), new TypeReference<List<ProcessInfo>>() {}.getType());

    assertThat(copy).isEqualTo(list);
  }

  @Test
  void readsAProcessWithMissingOptionalFieldsWithDefaults() throws Exception {
    String json = "{\"id\":1,\"name\":\"a\",\"command\":\"/bin/a\",\"status\":\"stopped\",\"args\":null,"
        + "\"pid\":0,\"restarts\":0,\"exit_code\":0,\"memory\":0,\"cpu\":0,\"max_log_size\":1048576,"
        + "\"restart_policy\":" + POLICY_JSON + ",\"some_future_key\":true}";

    ProcessInfo info = codec.read(json, ProcessInfo.class);

    assertThat(info.args()).isEmpty();
    assertThat(info.env()).isEmpty();
    assertThat(info.listeners()).isEmpty();
    assertThat(info.interpreter()).isEmpty();
    assertThat(info.uptime()).isEqualTo(Timestamps.NEVER);
    assertThat(info.status()).isEqualTo(ProcessStatus.STOPPED);
  }

  @Test
  void writesAndReadsDurationsAsGoStrings() throws Exception {
    assertThat(codec.write(Duration.ofSeconds(5))).isEqualTo("\"5s\"");
    assertThat(codec.write(Duration.ofSeconds(60))).isEqualTo("\"1m0s\"");
    assertThat(codec.write(Duration.ZERO)).isEqualTo("\"0s\"");
    Duration fiveSeconds = codec.read("\"5s\"", Duration.class);
    Duration empty = codec.read("\"\"", Duration.class);
    Duration composite = codec.read("\"1m30s\"", Duration.class);
    assertThat(fiveSeconds).isEqualTo(Duration.ofSeconds(5));
    assertThat(empty).isEqualTo(Duration.ZERO);
    assertThat(composite).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void readsDurationsGivenAsNanosecondNumbers() throws Exception {
    String json = POLICY_JSON.replace("\"min_uptime\":\"5s\"", "\"min_uptime\":1500000000")
        .replace("\"kill_timeout\":\"5s\"", "\"kill_timeout\":0");

    RestartPolicy policy = codec.read(json, RestartPolicy.class);

    assertThat(policy.minUptime()).isEqualTo(Duration.ofMillis(1500));
    assertThat(policy.killTimeout()).isEqualTo(Duration.ZERO);
    assertThat(policy.restartDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void refusesAnInvalidDurationStringNamingFieldAndGoMessage() {
    String json = POLICY_JSON.replace("\"min_uptime\":\"5s\"", "\"min_uptime\":\"5\"");

    JsonProcessingException error =
        catchThrowableOfType(JsonProcessingException.class, () -> codec.read(json, RestartPolicy.class));

    assertThat(JsonCodec.describe(error))
        .startsWith("line 1, column ")
        .contains("field \"min_uptime\"")
        .contains("time: missing unit in duration \"5\"");
  }

  @Test
  void refusesDurationsOfOtherJsonTypes() {
    for (String value : List.of("true", "1.5", "[]", "{}")) {
      String json = POLICY_JSON.replace("\"min_uptime\":\"5s\"", "\"min_uptime\":" + value);
      assertThatThrownBy(() -> codec.read(json, RestartPolicy.class))
          .as(value)
          .isInstanceOf(JsonProcessingException.class);
    }
  }

  @Test
  void refusesAStringWhereAnIntegerIsExpected() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\"command\":\"x\",\"max_restarts\":\"3\"}", StartRequest.class));

    assertThat(error).isNotNull();
    assertThat(JsonCodec.describe(error)).contains("field \"max_restarts\"");
  }

  @Test
  void refusesAStringWhereABooleanIsExpected() {
    assertThatThrownBy(
            () -> codec.read("{\"target\":\"a\",\"lines\":5,\"err_only\":\"true\",\"follow\":false}", LogsRequest.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void refusesAnArrayWhereAStringIsExpectedNamingTheField() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\"target\": [\"a\"]}", TargetRequest.class));

    assertThat(JsonCodec.describe(error)).startsWith("line 1, column 12: field \"target\": expected a string");
  }

  @Test
  void refusesANumberWhereAStringIsExpected() {
    assertThatThrownBy(() -> codec.read("{\"target\": 3}", TargetRequest.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> codec.read("{\"target\": true}", TargetRequest.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> codec.read("{\"command\":\"x\",\"args\":[1]}", StartRequest.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void readsAbsentBooleanParametersAsFalse() throws Exception {
    LogsRequest request = codec.read("{\"target\":\"a1\",\"lines\":3,\"err_only\":false}", LogsRequest.class);

    assertThat(request.follow()).isFalse();
  }

  @Test
  void refusesTrailingTokensAfterTheDocument() {
    assertThatThrownBy(() -> codec.read("{\"target\":\"a\"} x", TargetRequest.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void describeGivesLineAndColumnOfASyntaxError() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\n  \"target\": \"a\",\n}", TargetRequest.class));

    assertThat(JsonCodec.describe(error))
        .startsWith("line 3, column 1: ")
        .contains("Unexpected character ('}'")
        .doesNotContain("\n")
        .doesNotContain("Source:");
  }

  @Test
  void describeNamesTheFullFieldPathOfANestedTypeError() {
    String json = "{\"id\":1,\"name\":\"a\",\"command\":\"c\",\"status\":\"online\",\"restart_policy\":"
        + POLICY_JSON.replace("\"max_restarts\":0", "\"max_restarts\":\"x\"") + "}";

    JsonProcessingException error =
        catchThrowableOfType(JsonProcessingException.class, () -> codec.read(json, ProcessInfo.class));

    assertThat(JsonCodec.describe(error)).contains("field \"restart_policy.max_restarts\"");
  }

  @Test
  void describeNamesArrayIndicesInTheFieldPath() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("[{\"target\":\"a\"},{\"target\":[]}]", new TypeReference<List<TargetRequest>>() {}.getType()));

    assertThat(JsonCodec.describe(error)).contains("field \"[1].target\"");
  }

  @Test
  void describeUsesTheMessageOfAValueTheModelRefuses() {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read(POLICY_JSON.replace("\"always\"", "\"sometimes\""), RestartPolicy.class));

    assertThat(JsonCodec.describe(error)).endsWith(": expected always, on-failure or never");
  }

  @Test
  void describeUsesTheModelsMessageForAnUnknownStatus() {
    String json = "{\"name\":\"a\",\"command\":\"c\",\"status\":\"sleeping\",\"restart_policy\":" + POLICY_JSON + "}";

    JsonProcessingException error =
        catchThrowableOfType(JsonProcessingException.class, () -> codec.read(json, ProcessInfo.class));

    assertThat(JsonCodec.describe(error))
        .matches("line 1, column \\d+: unknown status \"sleeping\" \\(expected online, stopped or errored\\)");
  }

  @Test
  void describeDoesNotLeakJavaClassNames() {
    JsonProcessingException coercion = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\"command\":\"x\",\"max_restarts\":\"3\"}", StartRequest.class));
    JsonProcessingException unknownField = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\"target\":\"a\",\"bogus\":1}", TargetRequest.class));
    JsonProcessingException wrongShape = catchThrowableOfType(JsonProcessingException.class,
        () -> codec.read("{\"command\":\"x\",\"args\":\"--flag\"}", StartRequest.class));

    for (JsonProcessingException error : List.of(coercion, unknownField, wrongShape)) {
      assertThat(JsonCodec.describe(error))
          .doesNotContain("java.")
          .doesNotContain("CoercionConfig")
          .doesNotContain("DeserializationFeature");
    }
  }

  @Test
  void writePrettyIndentsByTwoSpacesWithKeyColonSpaceValueAndSortedMapKeys() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "a2");
    value.put("args", List.of("--run-forever", "--fast"));
    value.put("env", Map.of("FOO", "bar"));
    value.put("none", List.of());
    value.put("empty", Map.of());
    value.put("max_restarts", 3);

    String pretty = codec.writePretty(value).replace(System.lineSeparator(), "\n");

    assertThat(pretty).isEqualTo(
        "{\n"
            + "  \"args\": [\n"
            + "    \"--run-forever\",\n"
            + "    \"--fast\"\n"
            + "  ],\n"
            + "  \"empty\": {},\n"
            + "  \"env\": {\n"
            + "    \"FOO\": \"bar\"\n"
            + "  },\n"
            + "  \"max_restarts\": 3,\n"
            + "  \"name\": \"a2\",\n"
            + "  \"none\": []\n"
            + "}");
  }

  @Test
  void writePrettyKeepsTheOrderOfAnObjectTree() {
    com.fasterxml.jackson.databind.node.ObjectNode app = codec.newObject();
    app.put("name", "a2");
    app.put("command", "/usr/local/bin/app");
    app.putArray("args");
    app.putObject("env");

    String pretty = codec.writePretty(app).replace(System.lineSeparator(), "\n");

    assertThat(pretty).isEqualTo(
        "{\n"
            + "  \"name\": \"a2\",\n"
            + "  \"command\": \"/usr/local/bin/app\",\n"
            + "  \"args\": [],\n"
            + "  \"env\": {}\n"
            + "}");
  }

  @Test
  void writePrettyOfAnAckIsOneIndentedKey() {
    assertThat(codec.writePretty(Ack.OK).replace(System.lineSeparator(), "\n")).isEqualTo("{\n  \"success\": true\n}");
  }

  @Test
  void writeIsCompactOnOneLine() {
    assertThat(codec.write(Map.of("a", List.of(1, 2)))).isEqualTo("{\"a\":[1,2]}");
    assertThat(new String(codec.writeBytes(Ack.OK), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"success\":true}");
  }

  @Test
  void leavesOutNullFields() {
    assertThat(codec.write(new TargetRequest(null))).isEqualTo("{}");
  }

  @Test
  void writesEnumsByTheirWireNames() {
    assertThat(codec.write(AutoRestart.ON_FAILURE)).isEqualTo("\"on-failure\"");
    assertThat(codec.write(ProcessStatus.ERRORED)).isEqualTo("\"errored\"");
  }

  @Test
  void convertsATreeWithTheSameStrictness() throws Exception {
    JsonNode good = codec.readTree("{\"target\":\"api\"}");
    JsonNode bad = codec.readTree("{\"command\":\"x\",\"max_restarts\":\"3\"}");

    TargetRequest request = codec.convert(good, TargetRequest.class);

    assertThat(request.target()).isEqualTo("api");
    assertThatThrownBy(() -> codec.convert(bad, StartRequest.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void toTreeUsesTheSameNamesAsWrite() {
    JsonNode tree = codec.toTree(new LogsRequest("api", 5, true, false));

    assertThat(keys(tree)).containsExactly("target", "lines", "err_only", "follow");
  }

  @Test
  void writesTimestampsInTheCodecsZone() {
    JsonCodec utc = new JsonCodec(ZoneOffset.UTC);
    Instant instant = Instant.parse("2026-02-05T20:39:14.5Z");

    assertThat(utc.write(instant)).isEqualTo("\"2026-02-05T20:39:14.5Z\"");
    assertThat(codec.write(instant)).isEqualTo("\"2026-02-05T15:39:14.5-05:00\"");
  }

  @Test
  void refusesATimestampThatIsNotRfc3339() {
    String json = "{\"name\":\"a\",\"command\":\"c\",\"status\":\"online\",\"uptime\":\"yesterday\",\"restart_policy\":"
        + POLICY_JSON + "}";

    JsonProcessingException error =
        catchThrowableOfType(JsonProcessingException.class, () -> codec.read(json, ProcessInfo.class));

    assertThat(JsonCodec.describe(error)).contains("field \"uptime\"").contains("expected an RFC 3339 timestamp");
  }
}
