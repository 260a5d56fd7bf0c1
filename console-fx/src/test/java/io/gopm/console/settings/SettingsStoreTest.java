package io.gopm.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  @TempDir Path dir;

  @Test
  void aMissingFileMeansDefaults() {
    SettingsStore store = new SettingsStore(dir.resolve("none/settings.json"), new JsonCodec());

    Settings settings = store.load();

    assertThat(settings.targets()).isEmpty();
    assertThat(settings.pollIntervalOrDefault()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.logLinesOrDefault()).isEqualTo(5_000);
    assertThat(store.warning()).isEmpty();
  }

  @Test
  void savedSettingsComeBackAndTheFileIsPrivate() throws Exception {
    Path file = dir.resolve("gopm-console/settings.json");
    SettingsStore store = new SettingsStore(file, new JsonCodec());

    store.save(Settings.defaults().withTargets(List.of("local", "ssh://deploy@web1")).withPollInterval(Duration.ofMillis(500)));
    Settings loaded = store.load();

    assertThat(loaded.targets()).containsExactly("local", "ssh://deploy@web1");
    assertThat(loaded.pollIntervalOrDefault()).isEqualTo(Duration.ofMillis(500));
    assertThat(Files.readString(file)).contains("\"poll_interval\": \"500ms\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anUnreadableFileMeansDefaultsWithAWarning() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{ not json");
    SettingsStore store = new SettingsStore(file, new JsonCodec());

    assertThat(store.load().targets()).isEmpty();
    assertThat(store.warning()).contains("unreadable").contains("moved to " + file + ".unreadable");
    assertThat(Files.readString(dir.resolve("settings.json.unreadable"))).isEqualTo("{ not json");
    assertThat(file).doesNotExist();
  }

  @Test
  void unknownKeysAreIgnoredAndSillyValuesBounded() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{\"targets\":[\"local\"],\"future\":1,\"poll_interval\":\"1ms\",\"log_lines\":5}");

    Settings settings = new SettingsStore(file, new JsonCodec()).load();

    assertThat(settings.targets()).containsExactly("local");
    assertThat(settings.pollIntervalOrDefault()).isEqualTo(Settings.MIN_POLL_INTERVAL);
    assertThat(settings.logLinesOrDefault()).isEqualTo(100);
  }
}
