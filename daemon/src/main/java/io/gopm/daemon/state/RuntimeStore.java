package io.gopm.daemon.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code runtime.json}: the process groups this daemon is running, rewritten (atomically, on the
 * {@code gopm-runtime} thread, latest snapshot wins) after every start and exit, and removed by a
 * clean shutdown once every child has exited. A daemon that finds one at start-up knows the
 * previous daemon died with children left (docs/adr/0019).
 *
 * <p>It is not part of {@code dump.json}: the dump is the list of processes to bring back, which
 * {@code save} and the shutdown write with their own meaning and which users copy; the runtime
 * record describes one daemon's live children and is worthless once that daemon has gone.
 */
public final class RuntimeStore implements AutoCloseable {

  private final Path file;
  private final JsonCodec codec;
  private final LatestWriter<List<RunningGroup>> writer;

  /**
   * @param daemonPid this daemon's PID, written into every record
   * @param marker this daemon's {@code GOPM_DAEMON_RUN} value, written into every record
   */
  public RuntimeStore(Path file, JsonCodec codec, long daemonPid, String marker, DaemonLog log) {
    this.file = file;
    this.codec = codec;
    this.writer =
        new LatestWriter<>(
            "gopm-runtime",
            file,
            groups -> codec.writeBytes(new RuntimeRecord(daemonPid, marker, groups)),
            List::size,
            log);
  }

  public Path file() {
    return file;
  }

  /**
   * The record a previous daemon left, if any.
   *
   * @throws StateException when the file exists but cannot be read or parsed
   */
  public Optional<RuntimeRecord> load() throws StateException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateException("read runtime file: " + e.getMessage());
    }
    try {
      return Optional.ofNullable(codec.read(new String(bytes, StandardCharsets.UTF_8), RuntimeRecord.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StateException("invalid runtime file: " + e.getMessage());
    }
  }

  /** Schedules the record of {@code groups} to be written; returns at once. */
  public void record(List<RunningGroup> groups) {
    writer.save(List.copyOf(groups));
  }

  /** Writes the record of {@code groups} now (after the previous daemon's groups are ended). */
  public void recordNow(List<RunningGroup> groups) throws IOException {
    writer.saveNow(List.copyOf(groups));
  }

  /** Removes the file: nothing of this daemon is running any more. */
  public void clear() throws IOException {
    writer.deleteNow();
  }

  @Override
  public void close() {
    writer.close();
  }
}
