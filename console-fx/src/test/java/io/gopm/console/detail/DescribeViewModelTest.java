package io.gopm.console.detail;

import static io.gopm.console.Processes.NOW;
import static io.gopm.console.Processes.online;
import static io.gopm.console.Processes.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DescribeViewModelTest {

  private final DescribeViewModel model = new DescribeViewModel(ZoneOffset.UTC);

  private Map<String, String> values() {
    return model.fields().stream().collect(Collectors.toMap(f -> f.section() + "/" + f.label(), DescribeField::value));
  }

  @Test
  void showsEveryFieldOfDescribe() {
    model.show(online(3, "api", 0.5, 2048, 3_700), NOW);

    assertThat(values()).containsEntry("Process/ID", "3")
        .containsEntry("Process/Status", "online")
        .containsEntry("Process/PID", "1003")
        .containsEntry("Process/Command", "/usr/bin/api")
        .containsEntry("Process/Arguments", "--port 803")
        .containsEntry("Process/Working directory", "/srv/api")
        .containsEntry("Process/Uptime", "1h 1m")
        .containsEntry("Process/Started at", "2026-02-05T10:58:20Z")
        .containsEntry("Process/Memory", "2.0 KB")
        .containsEntry("Process/Ports", "tcp@127.0.0.1:803")
        .containsEntry("Restart policy/Autorestart", "always")
        .containsEntry("Restart policy/Max restarts", "unlimited")
        .containsEntry("Restart policy/Min uptime", "5s")
        .containsEntry("Restart policy/Kill timeout", "5s")
        .containsEntry("Restart policy/Kill signal", "SIGTERM (15)")
        .containsEntry("Logs/Stdout log", "/logs/api-out.log")
        .containsEntry("Logs/Stderr log", "/logs/api-err.log")
        .containsEntry("Logs/Max log size", "1 MB");
    assertThat(model.titleProperty().get()).isEqualTo("api (id 3)");
  }

  @Test
  void environmentValuesAreMaskedUntilRevealed() {
    model.show(online(0, "api", 0, 0, 1), NOW);

    assertThat(values()).containsEntry("Environment/SECRET", DescribeViewModel.MASK).containsEntry("Environment/MODE", DescribeViewModel.MASK);
    assertThat(model.fields()).filteredOn(DescribeField::secret).hasSize(2);

    model.revealedProperty().set(true);
    assertThat(values()).containsEntry("Environment/SECRET", "hunter2");

    model.show(online(0, "api", 1, 0, 1), NOW);
    assertThat(values()).containsEntry("Environment/SECRET", "hunter2");

    model.show(online(1, "other", 0, 0, 1), NOW);
    assertThat(model.revealedProperty().get()).isFalse();
    assertThat(values()).containsEntry("Environment/SECRET", DescribeViewModel.MASK);
  }

  @Test
  void aStoppedProcessHasNoPidOrUptime() {
    model.show(stopped(1, "worker"), NOW);

    assertThat(values()).containsEntry("Process/PID", "-").containsEntry("Process/Uptime", "-").containsEntry("Environment/(none)", "-");
  }

  @Test
  void clearShowsNothing() {
    model.show(stopped(1, "worker"), NOW);
    model.clear();

    assertThat(model.fields()).isEmpty();
    assertThat(model.shown()).isNull();
  }
}
