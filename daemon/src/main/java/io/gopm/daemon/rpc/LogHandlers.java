package io.gopm.daemon.rpc;

import io.gopm.daemon.logs.LogBroadcaster;
import io.gopm.protocol.logs.LogTail;
import io.gopm.daemon.logs.ProcessLogs;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code logs} (the last lines, and following new ones) and {@code flush}. Reading happens on the
 * connection's thread, never the supervisor's.
 */
public final class LogHandlers {

  /** Lines held for a following client before its lines are dropped. */
  static final int FOLLOW_QUEUE = 10_000;

  private final Supervisor supervisor;
  private final LogBroadcaster broadcaster;
  private final int rotatedFiles;

  public LogHandlers(Supervisor supervisor, LogBroadcaster broadcaster, int rotatedFiles) {
    this.supervisor = supervisor;
    this.broadcaster = broadcaster;
    this.rotatedFiles = rotatedFiles;
  }

  public void registerWith(RpcDispatcher dispatcher) {
    dispatcher.register(RpcMethods.LOGS, this::logs);
    dispatcher.register(
        RpcMethods.FLUSH,
        (request, context) -> {
          supervisor.flush(ProcessHandlers.target(request)).join();
          return Ack.OK;
        });
  }

  private LogsResult logs(LogsRequest request, CallContext context) {
    String target = request.target();
    if (target == null || target.isEmpty()) {
      throw RpcException.invalidParams("target is required (a name, an id, or all)");
    }
    List<ProcessInfo> processes = supervisor.resolve(target).join();
    boolean all = target.equals("all");
    LogsResult result = all ? readAll(processes, request) : readOne(processes.get(0), request);
    if (request.follow()) {
      Set<String> names = processes.stream().map(ProcessInfo::name).collect(Collectors.toSet());
      Predicate<String> filter = all ? name -> true : names::contains;
      String stream = request.errOnly() ? ProcessLogs.ERR : ProcessLogs.OUT;
      LogBroadcaster.Subscription subscription = broadcaster.subscribe(filter, stream, FOLLOW_QUEUE);
      context.openStream(channel -> follow(subscription, channel));
    }
    return result;
  }

  private static void follow(LogBroadcaster.Subscription subscription, NotificationChannel channel)
      throws IOException, InterruptedException {
    try (subscription) {
      while (channel.isOpen()) {
        LogLine line = subscription.poll(500, TimeUnit.MILLISECONDS);
        if (line != null) {
          channel.send(RpcMethods.LOG_LINE, line);
        }
      }
    }
  }

  private LogsResult readOne(ProcessInfo process, LogsRequest request) {
    String path = request.errOnly() ? process.logErr() : process.logOut();
    return new LogsResult(String.join("\n", tail(path, request.effectiveLines())), path, null);
  }

  private LogsResult readAll(List<ProcessInfo> processes, LogsRequest request) {
    StringBuilder content = new StringBuilder();
    Map<String, String> paths = new LinkedHashMap<>();
    for (ProcessInfo process : processes) {
      String path = request.errOnly() ? process.logErr() : process.logOut();
      paths.put(process.name(), path);
      List<String> lines = tail(path, request.effectiveLines());
      if (!lines.isEmpty()) {
        if (content.length() > 0) {
          content.append("\n\n");
        }
        content.append("==> ").append(process.name()).append(" <==\n").append(String.join("\n", lines));
      }
    }
    return new LogsResult(content.toString(), "", paths);
  }

  private List<String> tail(String path, int lines) {
    try {
      return LogTail.lastLines(Path.of(path), lines, rotatedFiles);
    } catch (IOException e) {
      throw new RpcException(ErrorCode.IO_ERROR, "read logs: " + e.getMessage());
    }
  }
}
