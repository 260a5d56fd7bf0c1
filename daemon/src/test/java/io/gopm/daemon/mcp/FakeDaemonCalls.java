package io.gopm.daemon.mcp;

import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory daemon for the MCP tests: a process table of canned {@link ProcessInfo} records,
 * answering the protocol methods the tools and resources use, with {@code process "x" not found}
 * for unknown targets. Records every call so tests can see what reached the daemon.
 */
final class FakeDaemonCalls implements DaemonCalls {

  static final PingResult PONG =
      new PingResult(4242, "1m", 60_000, 60, "1.2.3", 1, null, null, "/var/gopm/logs", 10L * 1024 * 1024);

  final List<ProcessInfo> processes = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  final List<Object> params = new ArrayList<>();

  /** What {@code logs} answers for a known target. */
  String logContent = "first line\nsecond line";

  /** When set, every call throws it (an unexpected fault of the daemon). */
  RuntimeException fault;

  private int nextPid = 5000;

  /** An online or stopped process record with the defaults of everything else. */
  static ProcessInfo process(int id, String name, String command, String cwd, ProcessStatus status, int pid) {
    return new ProcessInfo(
        id, name, command, List.of(), cwd, null, null, status, null, pid, RestartPolicy.DEFAULTS, 0,
        Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-01T00:00:00Z"), 0, 0, 0.0, null,
        "/var/gopm/logs/" + name + "-out.log", "/var/gopm/logs/" + name + "-err.log", 10L * 1024 * 1024);
  }

  FakeDaemonCalls with(ProcessInfo process) {
    processes.add(process);
    return this;
  }

  /** The parameters of the last call of {@code method}. */
  <P> P lastParams(RpcMethod<P, ?> method) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).equals(method.name())) {
        @SuppressWarnings("unchecked")
        P value = (P) params.get(i);
        return value;
      }
    }
    throw new AssertionError("no call of " + method.name() + " in " + calls);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <P, R> R call(RpcMethod<P, R> method, P request) {
    calls.add(method.name());
    params.add(request);
    if (fault != null) {
      throw fault;
    }
    if (method == RpcMethods.PING) {
      return (R) PONG;
    }
    if (method == RpcMethods.LIST) {
      return (R) List.copyOf(processes);
    }
    if (method == RpcMethods.DESCRIBE) {
      return (R) one(((TargetRequest) request).target());
    }
    if (method == RpcMethods.IS_RUNNING) {
      String target = ((TargetRequest) request).target();
      return (R) find(target)
          .map(p -> new IsRunningResult(p.name(), p.online(), p.status().wireName(), p.pid(), "1m", null, null))
          .orElse(IsRunningResult.notFound(target));
    }
    if (method == RpcMethods.LOGS) {
      LogsRequest logs = (LogsRequest) request;
      if (!logs.target().equals("all")) {
        one(logs.target());
      }
      return (R) new LogsResult(logContent, "/var/gopm/logs/" + logs.target() + "-out.log", null);
    }
    if (method == RpcMethods.START) {
      return (R) start((StartRequest) request);
    }
    if (method == RpcMethods.STOP || method == RpcMethods.DELETE || method == RpcMethods.FLUSH) {
      targets(((TargetRequest) request).target());
      return (R) Ack.OK;
    }
    if (method == RpcMethods.RESTART) {
      return (R) targets(((TargetRequest) request).target());
    }
    if (method == RpcMethods.RESURRECT) {
      return (R) List.of();
    }
    throw new UnsupportedOperationException("the fake daemon does not answer " + method.name());
  }

  private ProcessInfo start(StartRequest request) {
    if (request.command() == null || request.command().isBlank()) {
      throw RpcException.invalidParams("command is required");
    }
    String name = request.name() == null || request.name().isEmpty() ? "app" + processes.size() : request.name();
    if (find(name).isPresent()) {
      throw new RpcException(ErrorCode.CONFLICT, "process \"" + name + "\" already exists");
    }
    ProcessInfo started =
        process(processes.size(), name, request.command(), request.cwd(), ProcessStatus.ONLINE, nextPid++);
    processes.add(started);
    return started;
  }

  private List<ProcessInfo> targets(String target) {
    return target.equals("all") ? List.copyOf(processes) : List.of(one(target));
  }

  private ProcessInfo one(String target) {
    return find(target).orElseThrow(() -> RpcException.notFound(target));
  }

  private Optional<ProcessInfo> find(String target) {
    return processes.stream()
        .filter(p -> p.name().equals(target) || Integer.toString(p.id()).equals(target))
        .findFirst();
  }
}
