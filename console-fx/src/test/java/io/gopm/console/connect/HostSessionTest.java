package io.gopm.console.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gopm.console.ImmediateTaskRunner;
import io.gopm.console.Processes;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import io.gopm.protocol.rpc.RpcNotification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session's reconnection against a daemon the test takes down and brings back. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostSessionTest {

  /** A daemon that can be down, rebooted, or refuse this user. */
  static final class FakeLink implements DaemonLink {
    volatile boolean up = true;
    volatile boolean refuse;
    volatile LinkException linkFailure;
    final AtomicInteger pid = new AtomicInteger(100);
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public DaemonClient open() throws LinkException {
      opened.incrementAndGet();
      if (linkFailure != null) {
        throw linkFailure;
      }
      if (!up) {
        throw new LinkException("no daemon at /fake.sock", false);
      }
      return new FakeClient(this, pid.get());
    }

    void reboot() {
      pid.incrementAndGet();
    }

    @Override
    public String describe() {
      return "fake";
    }

    @Override
    public void close() {}
  }

  static final class FakeClient implements DaemonClient {
    private final FakeLink link;
    private final int pid;

    FakeClient(FakeLink link, int pid) {
      this.link = link;
      this.pid = pid;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <P, R> R call(RpcMethod<P, R> method, P params) {
      if (link.refuse) {
        throw new RpcException(ErrorCode.UNAUTHORIZED, "user 1001 may not use this daemon");
      }
      if (!link.up || link.pid.get() != pid) {
        throw new DaemonUnavailableException("the daemon closed the connection");
      }
      if (method == RpcMethods.PING) {
        return (R) new PingResult(pid, "1s", 1000, 1, "0.1.0", 1, null, null, "/logs", 1024);
      }
      if (method == RpcMethods.LIST) {
        return (R) List.of(Processes.online(0, "api", 1, 1, 1));
      }
      if (method == RpcMethods.STOP && ((TargetRequest) params).target().equals("nope")) {
        throw RpcException.notFound("nope");
      }
      return null;
    }

    @Override
    public <P, R, N> void stream(RpcMethod<P, R> m, P p, Consumer<? super R> r, RpcNotification<N> n, Consumer<? super N> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void awaitClose() {}

    @Override
    public void close() {}
  }

  private final FakeLink link = new FakeLink();
  private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
  private final List<HostSnapshot> snapshots = new CopyOnWriteArrayList<>();
  private final HostSession session =
      new HostSession(new Target.Local(), link, new ImmediateTaskRunner(),
          new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 3), Duration.ofMillis(50), Clock.systemUTC());

  {
    session.setListener(new HostSession.Listener() {
      @Override
      public void statusChanged(HostSession s, ConnectionStatus status) {
        statuses.add(status);
      }

      @Override
      public void snapshot(HostSession s, HostSnapshot snapshot) {
        snapshots.add(snapshot);
      }
    });
  }

  @AfterEach
  void close() {
    session.close();
  }

  private ConnectionState state() {
    return session.status().state();
  }

  @Test
  void connectsPollsAndReconnectsAfterADaemonReboot() {
    session.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> snapshots.size() >= 2);
    assertThat(state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(snapshots.get(0).processes()).extracting(p -> p.name()).containsExactly("api");

    link.up = false;
    link.reboot();
    await().atMost(Duration.ofSeconds(5)).until(() -> statuses.stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING));
    assertThat(statuses).filteredOn(s -> s.state() == ConnectionState.RECONNECTING).first()
        .extracting(ConnectionStatus::reason).asString().contains("the daemon closed the connection");
    int before = snapshots.size();

    link.up = true;
    await().atMost(Duration.ofSeconds(5)).until(() -> state() == ConnectionState.CONNECTED && snapshots.size() > before);
    assertThat(snapshots.get(snapshots.size() - 1).daemon().pid()).isEqualTo(101);
  }

  @Test
  void aTargetThatNeverAnsweredIsFailedWithTheReasonAndKeepsTrying() {
    link.up = false;
    session.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> link.opened.get() >= 3);
    assertThat(state()).isEqualTo(ConnectionState.FAILED);
    assertThat(session.status().describe()).isEqualTo("failed: no daemon at /fake.sock");

    link.up = true;
    await().atMost(Duration.ofSeconds(5)).until(() -> state() == ConnectionState.CONNECTED);
  }

  @Test
  void aPermanentRefusalIsNotRetriedUntilTheUserAsks() {
    link.linkFailure = new LinkException("ssh web1 exited with status 255: Permission denied (publickey).", true);
    session.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> state() == ConnectionState.FAILED);
    int attempts = link.opened.get();

    session.refreshNow();
    await().atMost(Duration.ofSeconds(5)).until(() -> link.opened.get() > attempts);
    assertThat(state()).isEqualTo(ConnectionState.FAILED);
    assertThat(session.status().retryIn()).isNull();

    link.linkFailure = null;
    session.retryNow();
    await().atMost(Duration.ofSeconds(5)).until(() -> state() == ConnectionState.CONNECTED);
  }

  @Test
  void aDaemonThatRefusesThisUserIsAPermanentFailure() {
    link.refuse = true;
    session.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> state() == ConnectionState.FAILED);
    assertThat(session.status().reason()).contains("may not use this daemon");
    assertThat(session.status().retryIn()).isNull();
  }

  @Test
  void actionsReportTheDaemonsErrorMessage() {
    session.start();
    List<String> outcomes = new CopyOnWriteArrayList<>();

    session.call(d -> d.call(RpcMethods.STOP, new TargetRequest("nope")), ok -> outcomes.add("ok"), outcomes::add);
    session.call(d -> d.call(RpcMethods.STOP, new TargetRequest("api")), ok -> outcomes.add("ok"), outcomes::add);

    await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 2);
    assertThat(outcomes).containsExactly("process \"nope\" not found", "ok");
  }
}
