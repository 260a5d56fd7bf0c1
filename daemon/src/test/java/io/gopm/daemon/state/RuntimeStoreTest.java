package io.gopm.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RuntimeStoreTest {

  @TempDir Path home;
  private DaemonLog log;
  private RuntimeStore store;
  private Path file;

  @BeforeEach
  void open() throws IOException {
    log = DaemonLog.open(home.resolve("daemon.log"), false);
    file = home.resolve("runtime.json");
    store = new RuntimeStore(file, new JsonCodec(), 4242, "4242:99:" + home, log);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
    log.close();
  }

  @Test
  void theRecordRoundTripsWithTheDaemonAndItsMarker() throws Exception {
    RunningGroup group = new RunningGroup(3, "api", 5100, 123456, 15, 5000);

    store.recordNow(List.of(group));

    assertThat(store.load()).contains(new RuntimeRecord(4242, "4242:99:" + home, List.of(group)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"start_ticks\":123456");
  }

  @Test
  void noFileMeansNoRecordAndClearRemovesItDurably() throws Exception {
    assertThat(store.load()).isEmpty();
    store.recordNow(List.of());
    assertThat(file).exists();

    store.clear();

    assertThat(file).doesNotExist();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void anOlderAsynchronousRecordNeverOverwritesAClear() throws Exception {
    store.record(List.of(new RunningGroup(0, "a", 77, 1, 15, 0)));
    store.clear();
    store.close();

    assertThat(file).doesNotExist();
  }

  @Test
  void aDamagedFileIsReportedNotTrusted() throws Exception {
    Files.writeString(file, "{\"daemon_pid\":1,\"groups\":[{\"pgid\":1,\"start_ticks\":0}]}");

    assertThatThrownBy(store::load).isInstanceOf(StateException.class).hasMessageContaining("pgid");
  }
}
