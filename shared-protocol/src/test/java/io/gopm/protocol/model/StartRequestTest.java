package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartRequestTest {

  /** A request with every optional field set by name; unset fields are null. */
  private static final class Builder {
    String command = "/usr/bin/app";
    String name;
    Map<String, String> env;
    String autorestart;
    Integer maxRestarts;
    String minUptime;
    String restartDelay;
    Boolean expBackoff;
    String maxDelay;
    String killTimeout;
    String maxLogSize;

    StartRequest build() {
      return new StartRequest(command, name, null, null, env, null, autorestart, maxRestarts, minUptime,
          restartDelay, expBackoff, maxDelay, killTimeout, null, null, maxLogSize);
    }
  }

  private static InvalidFieldException invalidField(StartRequest request) {
    return catchThrowableOfType(InvalidFieldException.class, request::validate);
  }

  @Test
  void defaultRestartPolicyMatchesTheReadme() {
    RestartPolicy defaults = RestartPolicy.DEFAULTS;

    assertThat(defaults.autorestart()).isEqualTo(AutoRestart.ALWAYS);
    assertThat(defaults.maxRestarts()).isZero();
    assertThat(defaults.unlimitedRestarts()).isTrue();
    assertThat(defaults.minUptime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.restartDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.expBackoff()).isFalse();
    assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.killSignal()).isEqualTo(15);
    assertThat(defaults.killTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRequestWithOnlyACommandGetsTheDefaultPolicy() {
    StartRequest request = StartRequest.of("/usr/bin/app", null, null);

    assertThatCode(request::validate).doesNotThrowAnyException();
    assertThat(request.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
    assertThat(request.maxLogSizeOr(1234)).isEqualTo(1234);
    assertThat(request.args()).isEmpty();
    assertThat(request.env()).isEmpty();
  }

  @Test
  void emptyAndBlankStringsMeanTheDefault() {
    Builder b = new Builder();
    b.autorestart = "";
    b.minUptime = "";
    b.restartDelay = " ";
    b.maxDelay = "";
    b.killTimeout = "";
    b.maxLogSize = "  ";

    StartRequest request = b.build();

    assertThat(request.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
    assertThat(request.maxLogSizeOr(99)).isEqualTo(99);
  }

  @Test
  void everyFieldIsTurnedIntoItsValue() {
    Builder b = new Builder();
    b.autorestart = "on-failure";
    b.maxRestarts = 5;
    b.minUptime = "10s";
    b.restartDelay = "1m0s";
    b.expBackoff = true;
    b.maxDelay = "1.5h";
    b.killTimeout = " 300ms ";
    b.maxLogSize = "10M";

    StartRequest request = b.build();
    RestartPolicy policy = request.restartPolicy();

    assertThat(policy).isEqualTo(new RestartPolicy(AutoRestart.ON_FAILURE, 5, Duration.ofSeconds(10),
        Duration.ofMinutes(1), true, Duration.ofMinutes(90), RestartPolicy.SIGTERM, Duration.ofMillis(300)));
    assertThat(policy.unlimitedRestarts()).isFalse();
    assertThat(request.maxLogSizeOr(1)).isEqualTo(10_485_760L);
  }

  @Test
  void expBackoffFalseOrAbsentMeansNoBackoff() {
    Builder b = new Builder();
    b.expBackoff = false;

    assertThat(b.build().restartPolicy().expBackoff()).isFalse();
  }

  @Test
  void zeroDurationsAreAllowed() {
    Builder b = new Builder();
    b.restartDelay = "0";
    b.minUptime = "0s";

    RestartPolicy policy = b.build().restartPolicy();

    assertThat(policy.restartDelay()).isZero();
    assertThat(policy.minUptime()).isZero();
  }

  static Stream<Arguments> invalidDurationFields() {
    return Stream.of(
        Arguments.of("min_uptime", "--min-uptime"),
        Arguments.of("restart_delay", "--restart-delay"),
        Arguments.of("max_delay", "--max-delay"),
        Arguments.of("kill_timeout", "--kill-timeout"));
  }

  private static StartRequest withDuration(String field, String value) {
    Builder b = new Builder();
    switch (field) {
      case "min_uptime":
        b.minUptime = value;
        break;
      case "restart_delay":
        b.restartDelay = value;
        break;
      case "max_delay":
        b.maxDelay = value;
        break;
      case "kill_timeout":
        b.killTimeout = value;
        break;
      default:
        throw new IllegalArgumentException(field);
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDurationFields")
  void anUnparsableDurationNamesItsFieldAndValue(String field, String flag) {
    InvalidFieldException error = invalidField(withDuration(field, "5"));

    assertThat(error.field()).isEqualTo(field);
    assertThat(error.value()).isEqualTo("5");
    assertThat(error.detail()).isEqualTo("time: missing unit in duration \"5\"");
    assertThat(error).hasMessage("invalid " + field + " \"5\": time: missing unit in duration \"5\"");
    assertThat(error.flagMessage()).isEqualTo("invalid " + flag + " \"5\": time: missing unit in duration \"5\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDurationFields")
  void aNegativeDurationIsRefused(String field, String flag) {
    InvalidFieldException error = invalidField(withDuration(field, "-5s"));

    assertThat(error.field()).isEqualTo(field);
    assertThat(error).hasMessage("invalid " + field + " \"-5s\": must not be negative");
  }

  @Test
  void flagMessageUsesTheCommandLineSpelling() {
    InvalidFieldException error = invalidField(withDuration("min_uptime", "5"));

    assertThat(error.flagMessage()).isEqualTo("invalid --min-uptime \"5\": time: missing unit in duration \"5\"");
  }

  @Test
  void anUnknownDurationUnitIsReportedWithGosMessage() {
    InvalidFieldException error = invalidField(withDuration("kill_timeout", "1d"));

    assertThat(error).hasMessage("invalid kill_timeout \"1d\": time: unknown unit \"d\" in duration \"1d\"");
  }

  @Test
  void anUnknownAutorestartModeNamesTheAcceptedValues() {
    Builder b = new Builder();
    b.autorestart = "sometimes";

    InvalidFieldException error = invalidField(b.build());

    assertThat(error.field()).isEqualTo("autorestart");
    assertThat(error).hasMessage("invalid autorestart \"sometimes\": expected always, on-failure or never");
    assertThat(error.flagMessage()).startsWith("invalid --autorestart \"sometimes\": ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"always", "on-failure", "never"})
  void acceptsTheThreeAutorestartModes(String mode) {
    Builder b = new Builder();
    b.autorestart = mode;

    assertThat(b.build().restartPolicy().autorestart().wireName()).isEqualTo(mode);
  }

  @Test
  void autorestartModesAreCaseSensitive() {
    Builder b = new Builder();
    b.autorestart = "Always";

    assertThat(invalidField(b.build()).field()).isEqualTo("autorestart");
  }

  @Test
  void negativeMaxRestartsIsRefused() {
    Builder b = new Builder();
    b.maxRestarts = -1;

    InvalidFieldException error = invalidField(b.build());

    assertThat(error.field()).isEqualTo("max_restarts");
    assertThat(error).hasMessage("invalid max_restarts \"-1\": must be 0 (unlimited) or more");
    assertThat(error.flagMessage()).isEqualTo("invalid --max-restarts \"-1\": must be 0 (unlimited) or more");
  }

  @Test
  void anInvalidMaxLogSizeNamesTheFieldAndTheSizeError() {
    Builder b = new Builder();
    b.maxLogSize = "1.5M";

    InvalidFieldException error = invalidField(b.build());

    assertThat(error.field()).isEqualTo("max_log_size");
    assertThat(error).hasMessageStartingWith("invalid max_log_size \"1.5M\": invalid size \"1.5M\": ");
    assertThat(error.flagMessage()).startsWith("invalid --max-log-size \"1.5M\": ");
  }

  @Test
  void aZeroMaxLogSizeIsRefused() {
    Builder b = new Builder();
    b.maxLogSize = "0";

    assertThatThrownBy(() -> b.build().maxLogSizeOr(1))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("invalid max_log_size \"0\": invalid size \"0\": must be greater than 0");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"A=B", "=", ""})
  void environmentKeysMustBeNonEmptyWithoutEquals(String key) {
    Builder b = new Builder();
    b.env = Map.of(key, "value");

    InvalidFieldException error = invalidField(b.build());

    assertThat(error.field()).isEqualTo("env");
    assertThat(error.value()).isEqualTo(key);
    assertThat(error).hasMessageStartingWith("invalid env \"" + key + "\": ");
  }

  @Test
  void environmentKeysMustNotContainNul() {
    Builder b = new Builder();
    b.env = Map.of("A\0B", "value");

    assertThat(invalidField(b.build()).field()).isEqualTo("env");
  }

  @Test
  void environmentValuesMayContainEqualsSigns() {
    Builder b = new Builder();
    b.env = Map.of("OPTS", "a=b=c", "EMPTY", "");

    assertThatCode(() -> b.build().validate()).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   "})
  void aBlankCommandIsRequired(String command) {
    Builder b = new Builder();
    b.command = command;

    assertThatThrownBy(() -> b.build().validate())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command is required");
  }

  @Test
  void aMissingCommandIsRequired() {
    assertThatThrownBy(() -> StartRequest.of(null, "api", List.of()).validate())
        .hasMessage("command is required");
  }

  @Test
  void anInvalidNameIsRefusedWithTheNameField() {
    InvalidFieldException error = invalidField(StartRequest.of("/bin/app", "a/b", null));

    assertThat(error.field()).isEqualTo("name");
    assertThat(error.flagMessage()).startsWith("invalid --name \"a/b\": ");
  }

  @Test
  void anEmptyNameIsLeftForTheDaemonToDerive() {
    assertThatCode(() -> StartRequest.of("/bin/app", "", null).validate()).doesNotThrowAnyException();
  }

  @Test
  void validateReportsTheCommandBeforeAnyOtherField() {
    Builder b = new Builder();
    b.command = "";
    b.minUptime = "5";

    assertThatThrownBy(() -> b.build().validate()).hasMessage("command is required");
  }

  @Test
  void validateReportsAutorestartBeforeDurations() {
    Builder b = new Builder();
    b.autorestart = "sometimes";
    b.minUptime = "5";
    b.maxLogSize = "huge";

    assertThat(invalidField(b.build()).field()).isEqualTo("autorestart");
  }

  @Test
  void argsAndEnvAreCopiedAndNeverNull() {
    java.util.ArrayList<String> args = new java.util.ArrayList<>(List.of("a"));
    StartRequest request = StartRequest.of("/bin/app", null, args);
    args.add("b");

    assertThat(request.args()).containsExactly("a");
    assertThatThrownBy(() -> request.args().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @org.junit.jupiter.api.Test
  void aNullArgumentOrEnvironmentValueIsRefusedByName() throws Exception {
    io.gopm.protocol.json.JsonCodec codec = new io.gopm.protocol.json.JsonCodec();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codec.convert(codec.readTree("{\"command\":\"/x\",\"args\":[null]}"), StartRequest.class))
        .isInstanceOfSatisfying(com.fasterxml.jackson.core.JsonProcessingException.class,
            e -> org.assertj.core.api.Assertions.assertThat(io.gopm.protocol.json.JsonCodec.describe(e))
                .isEqualTo("field \"args\": null is not allowed, expected strings"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codec.convert(codec.readTree("{\"command\":\"/x\",\"env\":{\"A\":null}}"), StartRequest.class))
        .isInstanceOfSatisfying(com.fasterxml.jackson.core.JsonProcessingException.class,
            e -> org.assertj.core.api.Assertions.assertThat(io.gopm.protocol.json.JsonCodec.describe(e))
                .isEqualTo("field \"env\": null is not allowed, expected strings"));
  }
}
