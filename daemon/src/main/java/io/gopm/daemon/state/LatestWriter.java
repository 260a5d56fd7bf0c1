package io.gopm.daemon.state;

import io.gopm.daemon.events.DaemonLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Writes the latest of a series of snapshots to one file ({@link AtomicFile}), on a thread of its
 * own: {@link #save} returns at once, a burst of saves costs one write, and an older snapshot never
 * overwrites a newer one.
 *
 * @param <T> the snapshot type
 */
final class LatestWriter<T> implements AutoCloseable {

  private final Path file;
  private final Function<T, byte[]> encoder;
  private final ToIntFunction<T> count;
  private final DaemonLog log;
  private final AtomicReference<Versioned<T>> pending = new AtomicReference<>();
  private final AtomicLong versions = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** The newest version on disk; guarded by {@code this}. */
  private long written;

  private final ExecutorService writer;

  /**
   * @param count the number of entries in a snapshot, for the debug line of each write
   */
  LatestWriter(String threadName, Path file, Function<T, byte[]> encoder, ToIntFunction<T> count, DaemonLog log) {
    this.file = file;
    this.encoder = encoder;
    this.count = count;
    this.log = log;
    this.writer =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Schedules {@code snapshot} to be written; returns at once. */
  void save(T snapshot) {
    pending.set(new Versioned<>(versions.incrementAndGet(), snapshot));
    if (scheduled.compareAndSet(false, true)) {
      try {
        writer.execute(this::writePending);
      } catch (RejectedExecutionException closed) {
        scheduled.set(false);
      }
    }
  }

  /** Writes {@code snapshot} now, after any pending write, and returns when it is on disk. */
  void saveNow(T snapshot) throws IOException {
    long version = versions.incrementAndGet();
    synchronized (this) {
      write(new Versioned<>(version, snapshot));
    }
  }

  /**
   * Returns once every snapshot saved before the call is on disk (or its write failed and was
   * logged). Saves are written in order on one thread, so an empty task queued behind them marks
   * the moment.
   */
  void awaitWritten() throws InterruptedException {
    try {
      writer.submit(() -> {}).get();
    } catch (RejectedExecutionException closed) {
      // closed: close() wrote what was pending
    } catch (java.util.concurrent.ExecutionException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Removes the file, unless a newer save than every one so far follows; returns when done. */
  void deleteNow() throws IOException {
    long version = versions.incrementAndGet();
    synchronized (this) {
      AtomicFile.delete(file);
      written = version;
    }
  }

  private void writePending() {
    scheduled.set(false);
    Versioned<T> snapshot = pending.getAndSet(null);
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
  private void write(Versioned<T> snapshot) throws IOException {
    if (snapshot.version() <= written) {
      return;
    }
    AtomicFile.write(file, encoder.apply(snapshot.value()));
    written = snapshot.version();
    log.debug("state saved", "path", file, "count", count.applyAsInt(snapshot.value()));
  }

  /** A snapshot and its place in the order of saves. */
  private record Versioned<T>(long version, T value) {}

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
