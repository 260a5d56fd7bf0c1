package io.gopm.console.logs;

import io.gopm.console.connect.HostSession;
import io.gopm.console.connect.LinkException;
import io.gopm.console.task.TaskRunner;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows one log stream of one process over a connection of its own ({@code logs} with {@code
 * follow}), on a thread of its own ({@code gopm-console-log-<process>-<stream>}). Lines go through
 * a {@link LogBuffer}, and the UI thread is asked to take them at most once at a time, so a
 * process flooding its log never floods the UI thread: what cannot be shown in time is dropped and
 * counted.
 */
public final class LogFollower implements AutoCloseable {

  /** Lines held between two turns of the UI thread. */
  static final int QUEUE_LINES = 2_000;

  private final LogBuffer queue = new LogBuffer(QUEUE_LINES);
  private final AtomicBoolean drainPending = new AtomicBoolean();
  private final TaskRunner runner;
  private final LogSource.Sink sink;
  private final String stream;
  private volatile DaemonClient client;
  private volatile boolean closed;

  private LogFollower(TaskRunner runner, String stream, LogSource.Sink sink) {
    this.runner = runner;
    this.stream = stream;
    this.sink = sink;
  }

  /** A {@link LogSource} over a target's connections. */
  public static LogSource sourceFor(HostSession session, TaskRunner runner) {
    return (process, stream, lines, sink) -> start(session, runner, process, stream, lines, sink);
  }

  static LogFollower start(
      HostSession session, TaskRunner runner, String process, String stream, int lines, LogSource.Sink sink) {
    LogFollower follower = new LogFollower(runner, stream, sink);
    Thread thread = new Thread(() -> follower.run(session, process, lines), "gopm-console-log-" + process + "-" + stream);
    thread.setDaemon(true);
    thread.start();
    return follower;
  }

  private void run(HostSession session, String process, int lines) {
    String reason = "the daemon ended the log stream";
    try (DaemonClient daemon = session.openConnection()) {
      client = daemon;
      if (closed) {
        return;
      }
      daemon.stream(
          RpcMethods.LOGS,
          new LogsRequest(process, lines, stream.equals("err"), true),
          result -> {
            List<String> initial =
                result.content().isEmpty() ? List.of() : Arrays.asList(result.content().split("\n", -1));
            runner.ui(() -> {
              if (!closed) {
                sink.initial(stream, initial);
              }
            });
          },
          RpcMethods.LOG_LINE,
          this::received);
    } catch (LinkException | RpcException e) {
      reason = e.getMessage();
    } catch (RuntimeException e) {
      reason = String.valueOf(e.getMessage());
    }
    if (!closed) {
      String why = reason;
      runner.ui(() -> {
        drain();
        if (!closed) {
          sink.ended(stream, why);
        }
      });
    }
  }

  private void received(LogLine line) {
    queue.skippedUpstream(line.skipped());
    queue.add(LogEntry.line(line.stream(), line.line()));
    if (drainPending.compareAndSet(false, true)) {
      runner.ui(this::drain);
    }
  }

  /** On the UI thread: hands what is queued to the sink. */
  private void drain() {
    drainPending.set(false);
    List<LogEntry> batch = queue.drain();
    if (!batch.isEmpty() && !closed) {
      sink.lines(batch);
    }
  }

  @Override
  public void close() {
    closed = true;
    DaemonClient current = client;
    if (current != null) {
      current.close();
    }
  }
}
