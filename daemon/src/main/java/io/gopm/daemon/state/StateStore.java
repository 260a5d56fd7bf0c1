package io.gopm.daemon.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dump.json}: the saved process list. Every write goes to a temporary file that is
 * fsynced and renamed over the old one, so a crash leaves either the old or the new list, never
 * half of one. The file is private (0600): it holds environments.
 *
 * <p>{@link #save} is asynchronous and coalescing: the {@code gopm-state} thread writes the latest
 * snapshot, so bursts of changes cost one write, and the supervisor never waits for a disk.
 */
public final class StateStore implements AutoCloseable {

  private final Path file;
  private final JsonCodec codec;
  private final LatestWriter<List<ProcessInfo>> writer;

  public StateStore(Path file, JsonCodec codec, DaemonLog log) {
    this.file = file;
    this.codec = codec;
    this.writer =
        new LatestWriter<>(
            "gopm-state",
            file,
            processes -> (codec.writePretty(processes) + "\n").getBytes(StandardCharsets.UTF_8),
            List::size,
            log);
  }

  public Path file() {
    return file;
  }

  /**
   * Reads the saved list: empty when there is no file.
   *
   * @throws StateException when the file cannot be read or is not a valid list
   */
  public List<ProcessInfo> load() throws StateException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StateException("read dump file: " + e.getMessage());
    }
    if (text.isBlank() || text.strip().equals("null")) {
      return List.of();
    }
    try {
      List<ProcessInfo> processes =
          codec.read(text, new com.fasterxml.jackson.core.type.TypeReference<List<ProcessInfo>>() {}.getType());
      return processes == null ? List.of() : processes;
    } catch (JsonProcessingException e) {
      throw new StateException("invalid dump file: " + JsonCodec.describe(e));
    }
  }

  /**
   * Moves an unreadable dump aside ({@code dump.json.corrupt-<millis>}) so the daemon can start and
   * the file is kept for inspection.
   */
  public Path quarantine() throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
    Files.move(file, aside);
    return aside;
  }

  /** Schedules {@code snapshot} to be written; returns at once. */
  public void save(List<ProcessInfo> snapshot) {
    writer.save(snapshot);
  }

  /** Writes {@code snapshot} now, after any pending write, and returns when it is on disk. */
  public void saveNow(List<ProcessInfo> snapshot) throws IOException {
    writer.saveNow(snapshot);
  }

  /**
   * Returns once every snapshot saved before the call is on disk: what a client was told has
   * happened survives a crash of the daemon that follows the answer.
   */
  public void awaitSaved() throws InterruptedException {
    writer.awaitWritten();
  }

  /** Writes what is pending and stops the writer thread. */
  @Override
  public void close() {
    writer.close();
  }
}
