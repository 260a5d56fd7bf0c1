package io.gopm.daemon.rpc;

import io.gopm.daemon.metrics.StatsHistory;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StatsRequest;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.List;

/** {@code stats}: the metrics history of one, several or every process. */
public final class StatsHandlers {

  private final Supervisor supervisor;
  private final StatsHistory history;

  public StatsHandlers(Supervisor supervisor, StatsHistory history) {
    this.supervisor = supervisor;
    this.history = history;
  }

  public void registerWith(RpcDispatcher dispatcher) {
    dispatcher.register(
        RpcMethods.STATS,
        (request, context) -> {
          if (request.hours() < 0 || request.hours() > StatsRequest.MAX_HOURS) {
            throw RpcException.invalidParams(
                "invalid hours " + request.hours() + ": must be between 1 and " + StatsRequest.MAX_HOURS);
          }
          String target = request.target() == null || request.target().isEmpty() ? "all" : request.target();
          if (target.equals("all")) {
            return history.query(null, request.effectiveHours());
          }
          List<String> names = supervisor.resolve(target).join().stream().map(ProcessInfo::name).toList();
          return history.query(names, request.effectiveHours());
        });
  }
}
