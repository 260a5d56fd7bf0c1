package io.gopm.daemon.logs;

import io.gopm.daemon.supervision.OutputSink;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The two log files of one managed process ({@code <name>-out.log} and {@code <name>-err.log}):
 * sinks for each run of the child, {@code [gopm]} action lines in the stderr log, and flushing.
 * Open for as long as the process is managed.
 */
public final class ProcessLogs implements Closeable {

  /** Stream name of stdout in follow notifications. */
  public static final String OUT = "out";

  /** Stream name of stderr in follow notifications. */
  public static final String ERR = "err";

  private final String name;
  private final RotatingLogWriter out;
  private final RotatingLogWriter err;
  private final LogBroadcaster broadcaster;
  private final Clock clock;
  private final ZoneId zone;
  private final LineStamper actionStamper;
  private final Runnable onWriteError;

  private ProcessLogs(
      String name,
      RotatingLogWriter out,
      RotatingLogWriter err,
      LogBroadcaster broadcaster,
      Clock clock,
      ZoneId zone,
      Runnable onWriteError) {
    this.name = name;
    this.out = out;
    this.err = err;
    this.broadcaster = broadcaster;
    this.clock = clock;
    this.zone = zone;
    this.actionStamper = new LineStamper(clock, zone);
    this.onWriteError = onWriteError;
  }

  /** Opens (creating) both files. */
  public static ProcessLogs open(
      String name,
      Path outFile,
      Path errFile,
      long maxSize,
      int maxFiles,
      LogBroadcaster broadcaster,
      Clock clock,
      ZoneId zone,
      Runnable onWriteError)
      throws IOException {
    RotatingLogWriter out = new RotatingLogWriter(outFile, maxSize, maxFiles);
    RotatingLogWriter err;
    try {
      err = outFile.equals(errFile) ? out : new RotatingLogWriter(errFile, maxSize, maxFiles);
    } catch (IOException e) {
      out.close();
      throw e;
    }
    return new ProcessLogs(name, out, err, broadcaster, clock, zone, onWriteError);
  }

  /** A fresh sink for the stdout of one run. */
  public OutputSink stdoutSink() {
    return new LineCapture(out, broadcaster, name, OUT, clock, zone, onWriteError);
  }

  /** A fresh sink for the stderr of one run. */
  public OutputSink stderrSink() {
    return new LineCapture(err, broadcaster, name, ERR, clock, zone, onWriteError);
  }

  /** Writes {@code [gopm] <text>} to the stderr log, timestamped like the child's lines. */
  public synchronized void action(String text) {
    byte[] line =
        (new String(actionStamper.prefix(), StandardCharsets.US_ASCII) + "[gopm] " + text + "\n")
            .getBytes(StandardCharsets.UTF_8);
    try {
      err.writeLines(line, 0, line.length);
    } catch (IOException e) {
      onWriteError.run();
    }
    broadcaster.publish(name, ERR, line, 0, line.length);
  }

  /** Empties both current files. */
  public void truncate() throws IOException {
    out.truncate();
    err.truncate();
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      err.close();
    }
  }
}
