package io.gopm.daemon.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StateStoreTest {

  @TempDir Path home;
  private Path dump;
  private Path daemonLogFile;
  private DaemonLog log;
  private StateStore store;

  @BeforeEach
  void openStore() throws IOException {
    dump = home.resolve("dump.json");
    daemonLogFile = home.resolve("daemon.log");
    log = DaemonLog.open(daemonLogFile, true);
    store = new StateStore(dump, new JsonCodec(), log);
  }

  @AfterEach
  void closeStore() throws IOException {
    store.close();
    log.close();
  }

  static ProcessInfo process(int id, String name, ProcessStatus status) {
    RestartPolicy policy =
        new RestartPolicy(
            AutoRestart.ON_FAILURE, 3, Duration.ofMillis(1500), Duration.ofMillis(300), true,
            Duration.ofSeconds(10), 15, Duration.ofSeconds(5));
    boolean online = status == ProcessStatus.ONLINE;
    return new ProcessInfo(
        id,
        name,
        "/usr/bin/" + name,
        List.of("--port", "80" + id, "with space"),
        "/srv/" + name,
        Map.of("TOKEN", "s3cret", "EMPTY", ""),
        id % 2 == 0 ? "" : "/usr/bin/env",
        status,
        status == ProcessStatus.ERRORED ? "max restarts reached (exit code 3)" : "",
        online ? 4000 + id : 0,
        policy,
        id,
        Instant.parse("2026-02-05T01:31:20.847123456Z"),
        Instant.parse("2026-02-04T10:00:00Z"),
        status == ProcessStatus.ERRORED ? 3 : -1,
        online ? 12_345_678L : 0,
        online ? 12.5 : 0,
        online ? List.of("tcp@0.0.0.0:80" + id, "tcp6@::1:80" + id) : List.of(),
        "/home/deploy/.gopm/logs/" + name + "-out.log",
        "/home/deploy/.gopm/logs/" + name + "-err.log",
        1_048_576);
  }

  private static final List<ProcessInfo> SNAPSHOT =
      List.of(
          process(0, "api", ProcessStatus.ONLINE),
          process(1, "worker", ProcessStatus.STOPPED),
          process(5, "cron", ProcessStatus.ERRORED));

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  private static void awaitUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private List<ProcessInfo> loadQuietly() {
    try {
      return store.load();
    } catch (StateException e) {
      return null;
    }
  }

  private List<Path> filesInHome() throws IOException {
    try (Stream<Path> files = Files.list(home)) {
      return files.map(Path::getFileName).sorted().toList();
    }
  }

  @Test
  void saveNowThenLoadRoundTripsEveryField() throws Exception {
    store.saveNow(SNAPSHOT);

    assertThat(store.load()).isEqualTo(SNAPSHOT);
    assertThat(store.file()).isEqualTo(dump);
  }

  @Test
  void theFileIsPrettyPrintedJsonEndingWithANewline() throws Exception {
    store.saveNow(List.of(process(0, "api", ProcessStatus.ONLINE)));

    String text = Files.readString(dump, UTF_8);
    assertThat(text).startsWith("[").endsWith("]\n");
    assertThat(text).contains("\n    \"name\": \"api\"");
    assertThat(text).contains("\"restart_delay\": \"300ms\"");
  }

  @Test
  void anEmptyListIsWrittenAsAnEmptyArray() throws Exception {
    store.saveNow(List.of());

    assertThat(Files.readString(dump, UTF_8).strip()).isEqualTo("[]");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void theFileIsPrivateEvenWhenItWasNotBefore() throws Exception {
    Files.writeString(dump, "[]");
    Files.setPosixFilePermissions(dump, PosixFilePermissions.fromString("rw-r--r--"));

    store.saveNow(SNAPSHOT);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws Exception {
    store.saveNow(SNAPSHOT);
    store.saveNow(SNAPSHOT.subList(0, 1));

    assertThat(filesInHome()).containsExactlyInAnyOrder(Path.of("daemon.log"), Path.of("dump.json"));
  }

  @Test
  void aStaleTemporaryFileFromACrashDoesNotBlockTheNextSave() throws Exception {
    Files.writeString(home.resolve("dump.json.tmp"), "half a list");

    store.saveNow(SNAPSHOT);

    assertThat(store.load()).isEqualTo(SNAPSHOT);
    assertThat(home.resolve("dump.json.tmp")).doesNotExist();
  }

  @Test
  void eachSaveIsLoggedAtDebugLevel() throws Exception {
    store.saveNow(SNAPSHOT);

    assertThat(Files.readString(daemonLogFile, UTF_8))
        .contains("level=DEBUG msg=\"state saved\" path=" + dump + " count=3");
  }

  @Test
  void loadingAMissingFileGivesAnEmptyList() throws Exception {
    assertThat(store.load()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "null\n", "  null  ", "[]", "[]\n", "[ ]", "", "\n\n"})
  void nullAnEmptyArrayAndABlankFileGiveAnEmptyList(String content) throws Exception {
    Files.writeString(dump, content);

    assertThat(store.load()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[{\"id\": 1, \"name\": \"api\"",
        "{\"name\": \"api\"}",
        "[{\"id\": \"one\", \"name\": \"api\", \"command\": \"x\", \"status\": \"online\", \"restart_policy\": {}}]",
        "[{\"id\": 1, \"command\": \"x\", \"status\": \"online\"}]",
        "[] []",
        "42",
      })
  void corruptJsonIsAStateExceptionSayingInvalidDumpFile(String content) throws IOException {
    Files.writeString(dump, content);

    assertThatThrownBy(() -> store.load())
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith("invalid dump file: ");
  }

  @Test
  void anUnreadableDumpIsAStateExceptionSayingReadDumpFile() throws IOException {
    Files.createDirectory(dump);

    assertThatThrownBy(() -> store.load())
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith("read dump file: ");
  }

  @Test
  void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
    store.saveNow(SNAPSHOT.subList(0, 1));
    String text = Files.readString(dump, UTF_8).replaceFirst("\\{", "{\n    \"future_field\": [1, 2],");
    Files.writeString(dump, text);

    assertThat(store.load()).isEqualTo(SNAPSHOT.subList(0, 1));
  }

  @Test
  void quarantineMovesTheFileAsideAndKeepsItsContent() throws Exception {
    Files.writeString(dump, "{corrupt");

    Path aside = store.quarantine();

    assertThat(dump).doesNotExist();
    assertThat(aside.getParent()).isEqualTo(home);
    assertThat(aside.getFileName().toString()).matches("dump\\.json\\.corrupt-\\d+");
    assertThat(Files.readString(aside)).isEqualTo("{corrupt");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void anAsynchronousSaveIsEventuallyWritten() throws Exception {
    store.save(SNAPSHOT);

    awaitUntil(() -> SNAPSHOT.equals(loadQuietly()), Duration.ofSeconds(10));
  }

  @Test
  void awaitSavedReturnsOnlyOnceEverySaveBeforeItIsOnDisk() throws Exception {
    for (int round = 0; round < 200; round++) {
      List<ProcessInfo> snapshot = List.of(process(round, "p" + round, ProcessStatus.ONLINE));
      store.save(List.of());
      store.save(snapshot);

      store.awaitSaved();

      assertThat(store.load()).as("round %d", round).isEqualTo(snapshot);
    }
  }

  @Test
  void awaitSavedAfterCloseReturns() throws Exception {
    store.close();

    store.awaitSaved();
  }

  @Test
  void severalAsynchronousSavesEndWithTheLatestSnapshotOnDisk() throws Exception {
    List<ProcessInfo> latest = SNAPSHOT.subList(0, 2);
    for (int i = 0; i < 50; i++) {
      store.save(List.of(process(i, "p" + i, ProcessStatus.STOPPED)));
    }
    store.save(latest);

    awaitUntil(() -> latest.equals(loadQuietly()), Duration.ofSeconds(10));
    store.close(); // waits for anything still queued
    assertThat(store.load()).isEqualTo(latest);
  }

  @Test
  void anOlderAsynchronousSnapshotNeverOverwritesANewerSaveNow() throws Exception {
    for (int round = 0; round < 25; round++) {
      List<ProcessInfo> older = List.of(process(round, "old" + round, ProcessStatus.STOPPED));
      List<ProcessInfo> newer = List.of(process(round, "new" + round, ProcessStatus.ONLINE));

      store.save(older);
      store.saveNow(newer);

      assertThat(store.load()).isEqualTo(newer);
    }
    store.close(); // let the writer thread finish whatever it still had
    assertThat(store.load()).isEqualTo(List.of(process(24, "new24", ProcessStatus.ONLINE)));
  }

  @Test
  void aSaveAfterCloseIsIgnoredWithoutFailing() throws Exception {
    store.saveNow(SNAPSHOT);
    store.close();

    store.save(List.of());

    assertThat(store.load()).isEqualTo(SNAPSHOT);
  }

  @Test
  void aFailedAsynchronousSaveIsLoggedAndDoesNotStopLaterSaves() throws Exception {
    Path blocked = home.resolve("sub");
    Files.createDirectory(blocked);
    Path file = blocked.resolve("dump.json");
    Files.createDirectory(file); // a directory where the file should go: the rename fails
    Files.writeString(file.resolve("keep"), "x");
    StateStore failing = new StateStore(file, new JsonCodec(), log);
    try {
      failing.save(SNAPSHOT);

      awaitUntil(
          () -> {
            try {
              return Files.readString(daemonLogFile, UTF_8).contains("msg=\"auto-save failed\"");
            } catch (IOException e) {
              return false;
            }
          },
          Duration.ofSeconds(10));
    } finally {
      failing.close();
    }
    assertThat(Files.readString(daemonLogFile, UTF_8)).contains("level=ERROR msg=\"auto-save failed\" path=" + file);
  }
}
