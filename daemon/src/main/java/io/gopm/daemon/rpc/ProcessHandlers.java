package io.gopm.daemon.rpc;

import io.gopm.daemon.state.StateException;
import io.gopm.daemon.state.StateStore;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartAppsResult;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The process lifecycle methods: start, start_apps, stop, restart, delete, list, describe,
 * isrunning, resurrect.
 */
public final class ProcessHandlers {

  private final Supervisor supervisor;
  private final StateStore state;
  private final Runnable scanListeners;

  /**
   * @param scanListeners scans listening ports now (for {@code list} with {@code ports})
   */
  public ProcessHandlers(Supervisor supervisor, StateStore state, Runnable scanListeners) {
    this.supervisor = supervisor;
    this.state = state;
    this.scanListeners = scanListeners;
  }

  public void registerWith(RpcDispatcher dispatcher) {
    // a change is answered once dump.json records it, so a daemon killed right after the answer
    // still brings back what the client was told (docs/reliability.md)
    dispatcher.register(RpcMethods.START, (request, context) -> saved(supervisor.start(request).join()));
    // many starts, one save: what makes an ecosystem file of 100 apps fast (docs/adr/0022)
    dispatcher.register(RpcMethods.START_APPS, (request, context) -> saved(startInOrder(request.apps())));
    dispatcher.register(
        RpcMethods.STOP,
        (request, context) -> {
          supervisor.stop(target(request)).join();
          return saved(Ack.OK);
        });
    dispatcher.register(
        RpcMethods.RESTART, (request, context) -> saved(supervisor.restart(target(request)).join()));
    dispatcher.register(
        RpcMethods.DELETE,
        (request, context) -> {
          supervisor.delete(target(request)).join();
          return saved(Ack.OK);
        });
    dispatcher.register(
        RpcMethods.LIST,
        (request, context) -> {
          if (request.ports()) {
            scanListeners.run(); // the scan's results reach the supervisor before this list does
          }
          return supervisor.list().join();
        });
    dispatcher.register(RpcMethods.DESCRIBE, (request, context) -> supervisor.describe(target(request)).join());
    dispatcher.register(RpcMethods.IS_RUNNING, (request, context) -> supervisor.isRunning(target(request)).join());
    dispatcher.register(
        RpcMethods.RESURRECT,
        (none, context) -> {
          try {
            return supervisor.resurrect(state.load()).join();
          } catch (StateException e) {
            throw new RpcException(ErrorCode.IO_ERROR, e.getMessage());
          }
        });
  }

  /**
   * Starts {@code apps} one after another until one fails with a protocol error, which is reported
   * in the result (as {@code start} would have answered it) and ends the run. A fault of the daemon
   * ends the whole call with an {@code internal} error, as it would any call.
   */
  private StartAppsResult startInOrder(List<StartRequest> apps) {
    List<ProcessInfo> started = new ArrayList<>(apps.size());
    for (StartRequest app : apps) {
      try {
        started.add(supervisor.start(app).join());
      } catch (CompletionException e) {
        RpcException refusal = RpcDispatcher.refusal(e.getCause());
        if (refusal == null) {
          throw e;
        }
        String message = RpcMessages.shortened(refusal.getMessage());
        return new StartAppsResult(started, new StartAppsResult.Failure(app.name(), refusal.code().kind(), message));
      }
    }
    return new StartAppsResult(started, null);
  }

  /** {@code answer}, once the change it reports is in {@code dump.json}. */
  private <T> T saved(T answer) {
    try {
      supervisor.flushState().join();
      state.awaitSaved();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(ErrorCode.SHUTTING_DOWN, "interrupted while saving");
    }
    return answer;
  }

  static String target(TargetRequest request) {
    if (request.target() == null || request.target().isEmpty()) {
      throw RpcException.invalidParams("target is required (a name, an id, or all)");
    }
    return request.target();
  }
}
