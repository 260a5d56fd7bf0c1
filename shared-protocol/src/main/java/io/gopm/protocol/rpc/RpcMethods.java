package io.gopm.protocol.rpc;

import io.gopm.protocol.model.Ack;
import io.gopm.protocol.model.HelloRequest;
import io.gopm.protocol.model.HelloResult;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.KillResult;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.LogLine;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.McpEnvelope;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.RebootResult;
import io.gopm.protocol.model.SaveResult;
import io.gopm.protocol.model.StartAppsRequest;
import io.gopm.protocol.model.StartAppsResult;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.StatsPoint;
import io.gopm.protocol.model.StatsRequest;
import io.gopm.protocol.model.TargetRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Every method of the daemon's protocol, one typed constant each. {@code docs/protocol.md}
 * describes them for people driving the daemon by hand.
 */
public final class RpcMethods {

  /** The protocol version this build speaks; bumped on any incompatible change. */
  public static final int PROTOCOL_VERSION = 1;

  private static final Type PROCESS_LIST = parameterized(List.class, ProcessInfo.class);
  private static final Type STATS_BY_NAME =
      parameterized(Map.class, String.class, parameterized(List.class, StatsPoint.class));

  /** The handshake: checks protocol versions; sent first on every connection by GoPM clients. */
  public static final RpcMethod<HelloRequest, HelloResult> HELLO =
      new RpcMethod<>("hello", HelloRequest.class, HelloResult.class, false);

  public static final RpcMethod<Void, PingResult> PING =
      new RpcMethod<>("ping", Void.class, PingResult.class, false);

  public static final RpcMethod<StartRequest, ProcessInfo> START =
      new RpcMethod<>("start", StartRequest.class, ProcessInfo.class, true);

  /**
   * Starts several apps (an ecosystem file) in order, stopping at the first that fails; answered
   * once, with one save of the state for all of them (docs/adr/0022).
   */
  public static final RpcMethod<StartAppsRequest, StartAppsResult> START_APPS =
      new RpcMethod<>("start_apps", StartAppsRequest.class, StartAppsResult.class, true);

  /** Stops the target's processes; answers once they have all exited. */
  public static final RpcMethod<TargetRequest, Ack> STOP =
      new RpcMethod<>("stop", TargetRequest.class, Ack.class, true);

  /** Stops (if online) and starts again, resetting the restart counter; the restarted processes. */
  public static final RpcMethod<TargetRequest, List<ProcessInfo>> RESTART =
      new RpcMethod<>("restart", TargetRequest.class, PROCESS_LIST, true);

  public static final RpcMethod<TargetRequest, Ack> DELETE =
      new RpcMethod<>("delete", TargetRequest.class, Ack.class, true);

  /** Every process, sorted by ID; params optional ({@code ports} scans listeners first). */
  public static final RpcMethod<ListRequest, List<ProcessInfo>> LIST =
      new RpcMethod<>("list", ListRequest.class, PROCESS_LIST, false, true);

  public static final RpcMethod<TargetRequest, ProcessInfo> DESCRIBE =
      new RpcMethod<>("describe", TargetRequest.class, ProcessInfo.class, false);

  public static final RpcMethod<TargetRequest, IsRunningResult> IS_RUNNING =
      new RpcMethod<>("isrunning", TargetRequest.class, IsRunningResult.class, false);

  /** The last lines of a log; with {@code follow}, then a {@link #LOG_LINE} per new line. */
  public static final RpcMethod<LogsRequest, LogsResult> LOGS =
      new RpcMethod<>("logs", LogsRequest.class, LogsResult.class, false);

  /** Sent for each new line on a following {@link #LOGS} call. */
  public static final RpcNotification<LogLine> LOG_LINE = new RpcNotification<>("log", LogLine.class);

  public static final RpcMethod<TargetRequest, Ack> FLUSH =
      new RpcMethod<>("flush", TargetRequest.class, Ack.class, true);

  /** Starts what {@code dump.json} records as online and registers the rest; the added processes. */
  public static final RpcMethod<Void, List<ProcessInfo>> RESURRECT =
      new RpcMethod<>("resurrect", Void.class, PROCESS_LIST, true);

  public static final RpcMethod<Void, SaveResult> SAVE =
      new RpcMethod<>("save", Void.class, SaveResult.class, false);

  /** The metrics history of the target's processes, by name, oldest first. */
  public static final RpcMethod<StatsRequest, Map<String, List<StatsPoint>>> STATS =
      new RpcMethod<>("stats", StatsRequest.class, STATS_BY_NAME, false, true);

  /** Stops every process (keeping them recorded as online) and ends the daemon. */
  public static final RpcMethod<Void, KillResult> KILL =
      new RpcMethod<>("kill", Void.class, KillResult.class, true);

  /**
   * Saves the state, stops every process (keeping them recorded as online) and ends the daemon,
   * for systemd (or the CLI) to start a new one.
   */
  public static final RpcMethod<Void, RebootResult> REBOOT =
      new RpcMethod<>("reboot", Void.class, RebootResult.class, true);

  /** One message of the embedded MCP server, for the stdio bridge {@code gopm mcp}. */
  public static final RpcMethod<McpEnvelope, McpEnvelope> MCP =
      new RpcMethod<>("mcp", McpEnvelope.class, McpEnvelope.class, false);

  /** Every method, for the daemon's dispatcher and the documentation test. */
  public static final List<RpcMethod<?, ?>> ALL =
      List.of(HELLO, PING, START, START_APPS, STOP, RESTART, DELETE, LIST, DESCRIBE, IS_RUNNING, LOGS, FLUSH,
          RESURRECT, SAVE, STATS, KILL, REBOOT, MCP);

  private RpcMethods() {}

  /** {@code raw<arguments...>}, for result types such as {@code List<ProcessInfo>}. */
  private static Type parameterized(Class<?> raw, Type... arguments) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return arguments.clone();
      }

      @Override
      public Type getRawType() {
        return raw;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }

      @Override
      public String toString() {
        StringBuilder text = new StringBuilder(raw.getName()).append('<');
        for (int i = 0; i < arguments.length; i++) {
          text.append(i > 0 ? ", " : "").append(arguments[i].getTypeName());
        }
        return text.append('>').toString();
      }
    };
  }
}
