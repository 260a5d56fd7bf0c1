package io.gopm.console.actions;

import static io.gopm.console.actions.StartFormViewModel.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.StartRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartFormViewModelTest {

  private final StartFormViewModel form = new StartFormViewModel("web1");

  @Test
  void aCommandIsRequired() {
    assertThat(form.validate()).isFalse();
    assertThat(form.errors()).containsOnlyKeys(COMMAND);
  }

  @Test
  void aDurationWithoutUnitIsRefusedWithGosMessageOnItsField() {
    form.field(COMMAND).set("/usr/bin/sleep");
    form.field(MIN_UPTIME).set("5");

    assertThat(form.validate()).isFalse();
    assertThat(form.errors()).containsOnlyKeys(MIN_UPTIME);
    assertThat(form.errors().get(MIN_UPTIME)).isEqualTo("time: missing unit in duration \"5\"");
  }

  @Test
  void everyBadFieldGetsItsOwnMessageAtOnce() {
    form.field(COMMAND).set("/usr/bin/sleep");
    form.field(NAME).set("all");
    form.field(ARGS).set("'unclosed");
    form.field(CWD).set("relative/dir");
    form.field(ENV).set("GOOD=1\nbad line");
    form.field(AUTORESTART).set("sometimes");
    form.field(MAX_RESTARTS).set("three");
    form.field(MIN_UPTIME).set("5");
    form.field(RESTART_DELAY).set("-1s");
    form.field(MAX_DELAY).set("1 minute");
    form.field(KILL_TIMEOUT).set("5x");
    form.field(MAX_LOG_SIZE).set("0");

    assertThat(form.validate()).isFalse();

    assertThat(form.errors()).containsOnlyKeys(
        NAME, ARGS, CWD, ENV, AUTORESTART, MAX_RESTARTS, MIN_UPTIME, RESTART_DELAY, MAX_DELAY, KILL_TIMEOUT, MAX_LOG_SIZE);
    assertThat(form.errors().get(NAME)).contains("reserved");
    assertThat(form.errors().get(ARGS)).contains("unclosed");
    assertThat(form.errors().get(CWD)).contains("absolute path");
    assertThat(form.errors().get(ENV)).isEqualTo("line 2: expected KEY=VALUE");
    assertThat(form.errors().get(AUTORESTART)).contains("always, on-failure or never");
    assertThat(form.errors().get(MAX_RESTARTS)).contains("whole number");
    assertThat(form.errors().get(RESTART_DELAY)).contains("must not be negative");
    assertThat(form.errors().get(MAX_LOG_SIZE)).contains("greater than 0");
  }

  @Test
  void aNegativeMaxRestartsIsRefusedByTheSharedRule() {
    form.field(COMMAND).set("/usr/bin/sleep");
    form.field(MAX_RESTARTS).set("-1");

    assertThat(form.validate()).isFalse();
    assertThat(form.errors().get(MAX_RESTARTS)).contains("0 (unlimited) or more");
  }

  @Test
  void aRelativeCommandNeedsAWorkingDirectory() {
    form.field(COMMAND).set("./server");
    assertThat(form.validate()).isFalse();
    assertThat(form.errors()).containsKey(COMMAND);

    form.field(CWD).set("/srv/api");
    assertThat(form.validate()).isTrue();
  }

  @Test
  void editingAFieldClearsItsMessage() {
    form.field(COMMAND).set("/usr/bin/sleep");
    form.field(MIN_UPTIME).set("5");
    form.validate();

    form.field(MIN_UPTIME).set("5s");

    assertThat(form.errors()).isEmpty();
  }

  @Test
  void theRequestCarriesEveryOption() {
    form.field(COMMAND).set(" /usr/bin/python3 ");
    form.field(NAME).set("worker");
    form.field(ARGS).set("worker.py --queue \"high prio\" 'a b' c\\ d");
    form.field(CWD).set("/srv/app");
    form.field(ENV).set("# comment\nAPP_ENV=production\nEMPTY=\n");
    form.field(INTERPRETER).set("python3");
    form.field(AUTORESTART).set("on-failure");
    form.field(MAX_RESTARTS).set("5");
    form.field(MIN_UPTIME).set("10s");
    form.field(RESTART_DELAY).set("500ms");
    form.expBackoffProperty().set(true);
    form.field(MAX_DELAY).set("1m");
    form.field(KILL_TIMEOUT).set("0");
    form.field(LOG_OUT).set("/var/log/w-out.log");
    form.field(LOG_ERR).set("/var/log/w-err.log");
    form.field(MAX_LOG_SIZE).set("10M");

    assertThat(form.validate()).isTrue();
    StartRequest request = form.request();

    assertThat(request).isEqualTo(new StartRequest(
        "/usr/bin/python3", "worker", List.of("worker.py", "--queue", "high prio", "a b", "c d"), "/srv/app",
        Map.of("APP_ENV", "production", "EMPTY", ""), "python3", "on-failure", 5, "10s", "500ms", true, "1m", "0",
        "/var/log/w-out.log", "/var/log/w-err.log", "10M"));
  }

  @Test
  void blankFieldsMeanTheDefaults() {
    form.field(COMMAND).set("sleep");

    assertThat(form.validate()).isTrue();
    StartRequest request = form.request();

    assertThat(request.name()).isNull();
    assertThat(request.minUptime()).isNull();
    assertThat(request.expBackoff()).isNull();
    assertThat(request.args()).isEmpty();
  }

  @Test
  void submitSendsOnlyAValidRequestAndIsDoneWhenStarted() {
    List<StartRequest> sent = new ArrayList<>();
    form.field(MIN_UPTIME).set("5");

    assertThat(form.submit((request, ok, failed) -> sent.add(request))).isFalse();
    assertThat(sent).isEmpty();

    form.field(COMMAND).set("/usr/bin/sleep");
    form.field(MIN_UPTIME).set("5s");
    assertThat(form.submit((request, ok, failed) -> {
      sent.add(request);
      ok.accept(null);
    })).isTrue();
    assertThat(sent).hasSize(1);
    assertThat(form.doneProperty().get()).isTrue();
  }

  @Test
  void theDaemonsRefusalIsShownAndPutOnTheFieldItNames() {
    form.field(COMMAND).set("/nope");

    form.submit((request, ok, failed) -> failed.accept("start process: /nope: no such file or directory"));
    assertThat(form.daemonErrorProperty().get()).isEqualTo("start process: /nope: no such file or directory");
    assertThat(form.doneProperty().get()).isFalse();
    assertThat(form.busyProperty().get()).isFalse();

    form.submit((request, ok, failed) -> failed.accept("invalid name \"x\": already taken"));
    assertThat(form.errors()).containsKey(NAME);
  }
}
