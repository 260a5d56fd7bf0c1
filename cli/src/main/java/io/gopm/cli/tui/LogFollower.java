package io.gopm.cli.tui;

import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows one process's log over a connection of its own ({@code logs} with {@code follow}, then
 * one {@code log} notification per line), so the pane gets new lines as they are written without
 * reading files. Runs on its own thread, {@code gopm-tui-logs}; {@link #close()} (from the UI
 * thread) ends it by closing the connection.
 *
 * <p>Lines wait in a bounded inbox until the UI thread takes them: {@code onData} is posted once
 * per batch, not once per line, and a flood that outruns the UI drops the oldest waiting lines
 * (counted as skipped) instead of growing without bound.
 */
final class LogFollower {

  /** Lines asked for when the follow starts (the pane's first screenful, and some to scroll to). */
  static final int TAIL_LINES = 200;

  /**
   * What the follower has gathered since the last take.
   *
   * @param tail the lines read when the follow started, or null when they were taken already
   * @param skipped lines dropped before {@code lines} (by the daemon or the inbox)
   * @param ended true when the follow is over (the daemon went away, or refused it)
   * @param error the daemon's refusal to show, or null
   */
  record Batch(List<String> tail, List<String> lines, long skipped, boolean ended, String error) {}

  private final LogSubscription subscription;
  private final TerminalUi.Connector connector;
  private final Consumer<LogFollower> onData;
  private final int capacity;
  private final Object lock = new Object();
  private final ArrayDeque<String> inbox = new ArrayDeque<>();
  private List<String> tail;
  private long skipped;
  private boolean ended;
  private String error;
  private boolean notified;
  private volatile boolean closed;
  private volatile DaemonClient client;
  private Thread thread;

  /**
   * @param onData called on the follower's thread when a batch is ready and the previous one was
   *     taken; it posts a task to the UI thread, which calls {@link #take()}
   */
  LogFollower(LogSubscription subscription, TerminalUi.Connector connector, int capacity, Consumer<LogFollower> onData) {
    this.subscription = subscription;
    this.connector = connector;
    this.capacity = capacity;
    this.onData = onData;
  }

  LogSubscription subscription() {
    return subscription;
  }

  void start() {
    thread = new Thread(this::follow, "gopm-tui-logs");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    LogsRequest request = new LogsRequest(subscription.process(), TAIL_LINES, subscription.stream() == LogStream.ERR, true);
    String failure = null;
    try {
      DaemonClient connection = connector.connect().orElseThrow(() -> new DaemonUnavailableException("the daemon is not running"));
      client = connection;
      try (connection) {
        if (!closed) {
          connection.stream(RpcMethods.LOGS, request, this::onTail, RpcMethods.LOG_LINE, this::onLine);
        }
      }
    } catch (DaemonUnavailableException e) {
      // the daemon went away, or close() hung up: either way this follow is over
    } catch (RpcException e) {
      failure = e.code() == ErrorCode.NOT_FOUND ? null : e.getMessage();
    } catch (RuntimeException e) {
      failure = e.toString();
    }
    if (!closed) {
      synchronized (lock) {
        ended = true;
        error = failure;
      }
      notifyData();
    }
  }

  private void onTail(LogsResult result) {
    List<String> lines = result.content().isEmpty() ? List.of() : Arrays.asList(result.content().split("\n", -1));
    synchronized (lock) {
      tail = lines;
      inbox.clear();
    }
    notifyData();
  }

  private void onLine(LogLine line) {
    synchronized (lock) {
      skipped += line.skipped();
      if (inbox.size() == capacity) {
        inbox.removeFirst();
        skipped++;
      }
      inbox.addLast(line.line());
    }
    notifyData();
  }

  private void notifyData() {
    synchronized (lock) {
      if (notified) {
        return;
      }
      notified = true;
    }
    onData.accept(this);
  }

  /** Everything gathered since the last call; called on the UI thread. */
  Batch take() {
    synchronized (lock) {
      notified = false;
      Batch batch = new Batch(tail, new ArrayList<>(inbox), skipped, ended, error);
      tail = null;
      inbox.clear();
      skipped = 0;
      error = null;
      return batch;
    }
  }

  /** Ends the follow: closes its connection, which ends the thread's wait for lines. */
  void close() {
    closed = true;
    DaemonClient connection = client;
    if (connection != null) {
      connection.close();
    }
  }
}
