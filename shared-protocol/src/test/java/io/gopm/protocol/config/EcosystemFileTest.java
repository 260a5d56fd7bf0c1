package io.gopm.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcosystemFileTest {

  private static final String TWO_APPS = """
      {
        "apps": [
          {
            "name": "api",
            "command": "./api-server",
            "args": ["--port", "8080"],
            "cwd": "/srv/api",
            "interpreter": "python3",
            "env": { "KEY": "VALUE" },
            "autorestart": "on-failure",
            "max_restarts": 5,
            "min_uptime": "10s",
            "restart_delay": "2s",
            "exp_backoff": true,
            "max_delay": "1m",
            "kill_timeout": "3s",
            "log_out": "/custom/out.log",
            "log_err": "/custom/err.log",
            "max_log_size": "10M"
          },
          { "name": "worker", "command": "/usr/bin/worker" }
        ]
      }
      """;

  private final JsonCodec codec = new JsonCodec(ZoneOffset.UTC);

  @TempDir Path tempDir;

  private ConfigException failure(String json) {
    return catchThrowableOfType(ConfigException.class, () -> EcosystemFile.parse(json, codec));
  }

  private static String app(String fields) {
    return "{\"apps\":[{\"name\":\"x\",\"command\":\"/bin/x\"," + fields + "}]}";
  }

  @Test
  void loadsEveryAppWithItsFields() throws Exception {
    Path file = tempDir.resolve("ecosystem.json");
    Files.writeString(file, TWO_APPS);

    List<StartRequest> apps = EcosystemFile.load(file, codec);

    assertThat(apps).extracting(StartRequest::name).containsExactly("api", "worker");
    assertThat(apps).extracting(StartRequest::command).containsExactly("./api-server", "/usr/bin/worker");
    StartRequest api = apps.get(0);
    assertThat(api.args()).containsExactly("--port", "8080");
    assertThat(api.cwd()).isEqualTo("/srv/api");
    assertThat(api.interpreter()).isEqualTo("python3");
    assertThat(api.env()).containsExactly(Map.entry("KEY", "VALUE"));
    assertThat(api.autorestart()).isEqualTo("on-failure");
    assertThat(api.maxRestarts()).isEqualTo(5);
    assertThat(api.restartDelay()).isEqualTo("2s");
    assertThat(api.logOut()).isEqualTo("/custom/out.log");
    assertThat(api.logErr()).isEqualTo("/custom/err.log");
    assertThat(api.maxLogSizeOr(1)).isEqualTo(10_485_760L);
    assertThat(api.restartPolicy()).isEqualTo(new RestartPolicy(AutoRestart.ON_FAILURE, 5, Duration.ofSeconds(10),
        Duration.ofSeconds(2), true, Duration.ofMinutes(1), 15, Duration.ofSeconds(3)));
  }

  @Test
  void anAppWithOnlyNameAndCommandGetsTheDefaults() throws Exception {
    StartRequest worker = EcosystemFile.parse(TWO_APPS, codec).get(1);

    assertThat(worker.args()).isEmpty();
    assertThat(worker.env()).isEmpty();
    assertThat(worker.cwd()).isNull();
    assertThat(worker.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
    assertThat(worker.maxLogSizeOr(1_048_576L)).isEqualTo(1_048_576L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{\"apps\":[]}", "{\"apps\":null}", "null", "{\"name\":\"api\",\"command\":\"x\"}"})
  void aFileWithoutAppsIsRefused(String json) {
    assertThat(failure(json)).hasMessage("ecosystem file has no apps");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"command\":\"y\"}", "{\"name\":\"\",\"command\":\"y\"}", "{\"name\":\"  \",\"command\":\"y\"}",
      "null"})
  void anAppWithoutNameIsRefusedByIndex(String second) {
    assertThat(failure("{\"apps\":[{\"name\":\"a\",\"command\":\"x\"}," + second + "]}"))
        .hasMessage("app at index 1 is missing a name");
  }

  @ParameterizedTest(name = "[{index}] name plus \"{0}\"")
  @ValueSource(strings = {"", ",\"command\":\"\"", ",\"command\":\" \"", ",\"command\":null"})
  void anAppWithoutCommandIsRefusedByName(String command) {
    assertThat(failure("{\"apps\":[{\"name\":\"x\"" + command + "}]}")).hasMessage("app \"x\" is missing a command");
  }

  @Test
  void aRepeatedNameIsRefused() {
    assertThat(failure("{\"apps\":[{\"name\":\"x\",\"command\":\"a\"},{\"name\":\"y\",\"command\":\"b\"},"
        + "{\"name\":\"x\",\"command\":\"c\"}]}"))
        .hasMessage("duplicate app name \"x\"");
  }

  @Test
  void anUnknownAutorestartModeIsRefused() {
    assertThat(failure(app("\"autorestart\":\"sometimes\"")))
        .hasMessage("app \"x\": invalid autorestart \"sometimes\": expected always, on-failure or never");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"min_uptime", "restart_delay", "max_delay", "kill_timeout"})
  void anInvalidDurationIsRefusedWithGosMessage(String field) {
    assertThat(failure(app("\"" + field + "\":\"5\"")))
        .hasMessage("app \"x\": invalid " + field + " \"5\": time: missing unit in duration \"5\"");
  }

  @Test
  void aNegativeDurationIsRefused() {
    assertThat(failure(app("\"restart_delay\":\"-2s\"")))
        .hasMessage("app \"x\": invalid restart_delay \"-2s\": must not be negative");
  }

  @Test
  void anEmptyDurationMeansTheDefault() throws Exception {
    StartRequest request = EcosystemFile.parse(app("\"min_uptime\":\"\",\"kill_timeout\":\"\""), codec).get(0);

    assertThat(request.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"1.5M | 1.5M", "1MB | 1MB", "abc | ABC", "1T | 1T"})
  void anInvalidSizeIsRefusedWithTheSizeMessage(String size, String upper) {
    assertThat(failure(app("\"max_log_size\":\"" + size + "\"")).getMessage())
        .startsWith("app \"x\": invalid max_log_size \"" + size + "\": invalid size \"" + upper + "\": ");
  }

  @Test
  void aNegativeMaxRestartsIsRefused() {
    assertThat(failure(app("\"max_restarts\":-1")))
        .hasMessage("app \"x\": invalid max_restarts \"-1\": must be 0 (unlimited) or more");
  }

  @Test
  void anInvalidProcessNameIsRefused() {
    assertThat(failure("{\"apps\":[{\"name\":\"a/b\",\"command\":\"x\"}]}").getMessage())
        .startsWith("app \"a/b\": invalid name \"a/b\": ");
  }

  @Test
  void theFirstInvalidAppWins() {
    String json = "{\"apps\":[{\"name\":\"a\",\"command\":\"x\",\"min_uptime\":\"5\"},{\"command\":\"y\"}]}";

    assertThat(failure(json)).hasMessage("app \"a\": invalid min_uptime \"5\": time: missing unit in duration \"5\"");
  }

  @Test
  void withinAnAppTheNameIsCheckedBeforeTheCommand() {
    assertThat(failure("{\"apps\":[{\"autorestart\":\"sometimes\"}]}")).hasMessage("app at index 0 is missing a name");
  }

  @Test
  void aDuplicateIsReportedBeforeTheDuplicatesOwnFieldErrors() {
    String json = "{\"apps\":[{\"name\":\"a\",\"command\":\"x\"},{\"name\":\"a\",\"command\":\"y\",\"autorestart\":\"no\"}]}";

    assertThat(failure(json)).hasMessage("duplicate app name \"a\"");
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() {
    ConfigException error = failure("{\n  \"apps\": [\n    {\"name\": \"a\" \"command\": \"x\"}\n  ]\n}");

    assertThat(error.getMessage()).matches("invalid ecosystem JSON: line 3, column \\d+: .+");
  }

  @Test
  void aTypeMismatchNamesTheField() {
    ConfigException error = failure("{\"apps\":[{\"name\":\"a\",\"command\":\"x\",\"max_restarts\":\"3\"}]}");

    assertThat(error.getMessage())
        .startsWith("invalid ecosystem JSON: line 1, column ")
        .contains("field \"apps[0].max_restarts\"");
  }

  @Test
  void argsThatAreNotAnArrayAreATypeMismatch() {
    assertThat(failure(app("\"args\":\"--port 80\"")).getMessage())
        .startsWith("invalid ecosystem JSON: ")
        .contains("field \"apps[0].args\"");
  }

  @Test
  void appsThatIsNotAnArrayIsATypeMismatch() {
    assertThat(failure("{\"apps\":{\"name\":\"a\"}}").getMessage())
        .startsWith("invalid ecosystem JSON: ")
        .contains("field \"apps\"");
  }

  @Test
  void envValuesMayBeNumbersOrBooleansAndBecomeStrings() throws Exception {
    StartRequest request = EcosystemFile.parse(
        app("\"env\":{\"PORT\":8080,\"RATIO\":0.5,\"DEBUG\":true,\"OFF\":false,\"NAME\":\"api\",\"EMPTY\":\"\"}"), codec).get(0);

    assertThat(request.env()).containsOnly(
        Map.entry("PORT", "8080"), Map.entry("RATIO", "0.5"), Map.entry("DEBUG", "true"), Map.entry("OFF", "false"),
        Map.entry("NAME", "api"), Map.entry("EMPTY", ""));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"a\":1}", "[1,2]", "null"})
  void envValuesThatAreNotScalarsAreRefused(String value) {
    assertThat(failure(app("\"env\":{\"NESTED\":" + value + "}")))
        .hasMessage("app \"x\": env \"NESTED\" must be a string, number or boolean");
  }

  @Test
  void envKeysWithEqualsAreRefused() {
    assertThat(failure(app("\"env\":{\"A=B\":\"1\"}")).getMessage()).startsWith("app \"x\": invalid env \"A=B\": ");
  }

  @Test
  void unknownKeysAreIgnoredAtEveryLevel() throws Exception {
    String json = "{\"deploy\":{\"production\":{}},\"apps\":[{\"name\":\"a\",\"command\":\"x\",\"watch\":true,"
        + "\"instances\":4,\"exec_mode\":\"cluster\"}]}";

    assertThat(EcosystemFile.parse(json, codec)).extracting(StartRequest::name).containsExactly("a");
  }

  @Test
  void aMissingFileIsReportedWithItsPath() {
    Path missing = tempDir.resolve("missing.json");

    ConfigException error = catchThrowableOfType(ConfigException.class, () -> EcosystemFile.load(missing, codec));

    assertThat(error).hasMessage("cannot read ecosystem file: " + missing + ": no such file or directory");
  }

  @Test
  void aDirectoryInsteadOfAFileIsReportedAsUnreadable() throws Exception {
    Path directory = Files.createDirectories(tempDir.resolve("dir.json"));

    ConfigException error = catchThrowableOfType(ConfigException.class, () -> EcosystemFile.load(directory, codec));

    assertThat(error).hasMessageStartingWith("cannot read ecosystem file: " + directory + ": ");
  }
}
