package io.gopm.daemon.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
  private final DaemonLog log;
  private final AtomicReference<Versioned> pending = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicLong versions = new java.util.concurrent.atomic.AtomicLong();
  /** The newest version on disk; guarded by {@code this}. */
  private long written;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "gopm-state");
            thread.setDaemon(true);
            return thread;
          });

  public StateStore(Path file, JsonCodec codec, DaemonLog log) {
    this.file = file;
    this.codec = codec;
    this.log = log;
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
    pending.set(new Versioned(versions.incrementAndGet(), snapshot));
    if (scheduled.compareAndSet(false, true)) {
      try {
        writer.execute(this::writePending);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        scheduled.set(false);
      }
    }
  }

  /** Writes {@code snapshot} now, after any pending write, and returns when it is on disk. */
  public void saveNow(List<ProcessInfo> snapshot) throws IOException {
    long version = versions.incrementAndGet();
    synchronized (this) {
      write(new Versioned(version, snapshot));
    }
  }

  private void writePending() {
    scheduled.set(false);
    Versioned snapshot = pending.getAndSet(null);
    if (snapshot == null) {
      return;
    }
    synchronized (this) {
      try {
        write(snapshot);
      } catch (IOException e) {
        log.error("auto-save failed", "path", file, "error", e.getMessage());
      }
    }
  }

  /** Writes a snapshot unless a newer one is already on disk; called holding {@code this}. */
  private void write(Versioned snapshot) throws IOException {
    if (snapshot.version() <= written) {
      return;
    }
    byte[] json = (codec.writePretty(snapshot.processes()) + "\n").getBytes(StandardCharsets.UTF_8);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ByteBuffer buffer = ByteBuffer.wrap(json);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory();
    written = snapshot.version();
    log.debug("state saved", "path", file, "count", snapshot.processes().size());
  }

  /** A snapshot and its place in the order of saves. */
  private record Versioned(long version, List<ProcessInfo> processes) {}

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // not every file system lets a directory be synced; the rename itself is atomic
    }
  }

  /** Writes what is pending and stops the writer thread. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
