package io.gopm.daemon.rpc;

import io.gopm.daemon.state.StateStore;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.config.GopmConfig;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.model.HelloResult;
import io.gopm.protocol.model.KillResult;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.RebootResult;
import io.gopm.protocol.model.SaveResult;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The daemon's own methods: the handshake, ping, save and kill. */
public final class DaemonHandlers {

  private final Supervisor supervisor;
  private final StateStore state;
  private final GopmConfig config;
  private final Clock clock;
  private final Instant startedAt;
  private final int pid;
  private final java.util.function.Consumer<String> shutdown;

  /**
   * @param shutdown starts the daemon's shutdown for the given reason (it runs on another thread
   *     and ends the process)
   */
  public DaemonHandlers(
      Supervisor supervisor,
      StateStore state,
      GopmConfig config,
      Clock clock,
      Instant startedAt,
      int pid,
      java.util.function.Consumer<String> shutdown) {
    this.supervisor = supervisor;
    this.state = state;
    this.config = config;
    this.clock = clock;
    this.startedAt = startedAt;
    this.pid = pid;
    this.shutdown = shutdown;
  }

  public void registerWith(RpcDispatcher dispatcher) {
    dispatcher.register(
        RpcMethods.HELLO,
        (hello, context) -> {
          if (hello.protocol() != RpcMethods.PROTOCOL_VERSION) {
            context.markProtocolMismatch(hello.client());
            throw new RpcException(
                ErrorCode.PROTOCOL_MISMATCH,
                "the running daemon (GoPM "
                    + GopmVersion.version()
                    + ", PID "
                    + pid
                    + ") speaks protocol "
                    + RpcMethods.PROTOCOL_VERSION
                    + ", this client protocol "
                    + hello.protocol()
                    + ": run `gopm kill` to stop it (your processes come back when the new daemon starts), then run your command again");
          }
          context.acceptClient(hello.client());
          return new HelloResult(RpcMethods.PROTOCOL_VERSION, GopmVersion.version(), pid);
        });
    dispatcher.register(RpcMethods.PING, (none, context) -> ping());
    dispatcher.register(
        RpcMethods.SAVE,
        (none, context) -> {
          List<ProcessInfo> snapshot = supervisor.snapshot().join();
          try {
            state.saveNow(snapshot);
          } catch (IOException e) {
            throw new RpcException(ErrorCode.IO_ERROR, "save failed: " + e.getMessage());
          }
          return new SaveResult(true, snapshot.size());
        });
    dispatcher.register(
        RpcMethods.KILL,
        (none, context) -> {
          context.afterResponse(() -> shutdown.accept("kill request"));
          return new KillResult("daemon stopping", pid);
        });
    dispatcher.register(
        RpcMethods.REBOOT,
        (none, context) -> {
          List<ProcessInfo> snapshot = supervisor.snapshot().join();
          try {
            state.saveNow(snapshot);
          } catch (IOException e) {
            throw new RpcException(ErrorCode.IO_ERROR, "save failed: " + e.getMessage());
          }
          context.afterResponse(() -> shutdown.accept("reboot request"));
          return new RebootResult("rebooting", snapshot.size(), pid);
        });
  }

  private PingResult ping() {
    Duration uptime = Duration.between(startedAt, clock.instant());
    return new PingResult(
        pid,
        HumanUnits.duration(uptime),
        uptime.toMillis(),
        uptime.toSeconds(),
        GopmVersion.version(),
        RpcMethods.PROTOCOL_VERSION,
        config.file() == null ? null : config.file().toString(),
        config.file() == null ? null : config.source(),
        config.logs().directory().toString(),
        config.logs().maxSize());
  }
}
