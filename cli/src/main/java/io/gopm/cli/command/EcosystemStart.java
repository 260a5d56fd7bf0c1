package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartAppsRequest;
import io.gopm.protocol.model.StartAppsResult;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the apps of an ecosystem file in the file's order and stops at the first that fails,
 * keeping those started before it. The apps go to the daemon in {@code start_apps} calls of up to
 * {@link #APPS_PER_CALL}, so a file of 100 apps costs two saves of the state instead of 100
 * (docs/adr/0022); a daemon without that method gets one {@code start} per app.
 */
final class EcosystemStart {

  /** Apps per {@code start_apps} call: bounds the frames, and lets the output follow progress. */
  static final int APPS_PER_CALL = 50;

  private final DaemonClient daemon;
  private final Consumer<ProcessInfo> report;

  /**
   * @param report called for each started process, in the file's order
   */
  EcosystemStart(DaemonClient daemon, Consumer<ProcessInfo> report) {
    this.daemon = daemon;
    this.report = report;
  }

  /**
   * Starts {@code apps} in order.
   *
   * @throws CliException {@code failed to start "<name>": <daemon message>} for the first app that
   *     failed; none after it was started
   */
  void start(List<StartRequest> apps) {
    for (int from = 0; from < apps.size(); from += APPS_PER_CALL) {
      List<StartRequest> batch = apps.subList(from, Math.min(apps.size(), from + APPS_PER_CALL));
      StartAppsResult result;
      try {
        result = daemon.call(RpcMethods.START_APPS, new StartAppsRequest(batch));
      } catch (RpcException e) {
        if (e.code() == ErrorCode.METHOD_NOT_FOUND) {
          startOneByOne(apps.subList(from, apps.size()));
          return;
        }
        throw failure(batch.get(0), e.getMessage());
      }
      result.started().forEach(report);
      if (result.failed() != null) {
        throw failure(batch.get(result.started().size()), result.failed().message());
      }
    }
  }

  /** For a daemon older than {@code start_apps}: one {@code start}, and one save, per app. */
  private void startOneByOne(List<StartRequest> apps) {
    for (StartRequest app : apps) {
      try {
        report.accept(daemon.call(RpcMethods.START, app));
      } catch (RpcException e) {
        throw failure(app, e.getMessage());
      }
    }
  }

  private static CliException failure(StartRequest app, String message) {
    return new CliException("failed to start \"" + app.name() + "\": " + message);
  }
}
