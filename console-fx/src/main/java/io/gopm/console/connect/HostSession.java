package io.gopm.console.connect;

import io.gopm.console.task.NamedThreads;
import io.gopm.console.task.TaskRunner;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One target while it is open in the console: keeps a connection to its daemon, polls {@code
 * ping} and {@code list} at the poll interval, reconnects after a daemon reboot or a dropped
 * tunnel ({@link ReconnectPolicy}), and runs the user's actions.
 *
 * <p>Threads: {@code gopm-console-poll-<target>} owns the polling connection and the policy;
 * {@code gopm-console-action-<target>} runs actions in order, each on a connection of its own so
 * a slow {@code stop} never holds up the table. The {@link Listener} and every callback are called
 * on the UI thread, through the {@link TaskRunner}.
 */
public final class HostSession implements AutoCloseable {

  /** What a session reports; called on the UI thread. */
  public interface Listener {
    void statusChanged(HostSession session, ConnectionStatus status);

    void snapshot(HostSession session, HostSnapshot snapshot);
  }

  /**
   * How often a poll asks the daemon to scan listening ports afresh; between scans the daemon
   * answers with its own last scan (taken every 60 s).
   */
  static final Duration PORT_SCAN_INTERVAL = Duration.ofSeconds(10);

  /** A process this young may be opening its ports: every poll scans meanwhile. */
  static final Duration YOUNG_PROCESS = Duration.ofSeconds(5);

  private final Target target;
  private final DaemonLink link;
  private final TaskRunner runner;
  private final Clock clock;
  private final ReconnectPolicy policy;
  private final ScheduledExecutorService pollThread;
  private final ExecutorService actionThread;
  private volatile Duration pollInterval;
  private volatile Listener listener;
  private volatile ConnectionStatus status = ConnectionStatus.connecting();
  private DaemonClient client;
  private ScheduledFuture<?> nextPoll;
  private java.time.Instant lastPortScan;
  private List<ProcessInfo> lastProcesses = List.of();
  private volatile boolean closed;

  public HostSession(
      Target target, DaemonLink link, TaskRunner runner, ReconnectPolicy policy, Duration pollInterval, Clock clock) {
    this.target = target;
    this.link = link;
    this.runner = runner;
    this.policy = policy;
    this.pollInterval = pollInterval;
    this.clock = clock;
    String name = threadName(target);
    this.pollThread = NamedThreads.singleThread("gopm-console-poll-" + name);
    this.actionThread = Executors.newSingleThreadExecutor(NamedThreads.named("gopm-console-action-" + name));
  }

  public Target target() {
    return target;
  }

  public DaemonLink link() {
    return link;
  }

  /** The last status reported (readable from any thread). */
  public ConnectionStatus status() {
    return status;
  }

  /** Where reports go; set before {@link #start()}. */
  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /** Starts connecting and polling. */
  public void start() {
    pollThread.execute(this::poll);
  }

  /** Polls every {@code interval} from the next poll on. */
  public void setPollInterval(Duration interval) {
    this.pollInterval = interval;
  }

  /** Polls now (after an action), or tries to connect now when not connected. */
  public void refreshNow() {
    if (closed) {
      return;
    }
    onPollThread(
        () -> {
          if (nextPoll != null) {
            nextPoll.cancel(false);
          }
          poll();
        });
  }

  /** The user asked to try again (a failed target). */
  public void retryNow() {
    if (closed) {
      return;
    }
    onPollThread(
        () -> {
          if (nextPoll != null) {
            nextPoll.cancel(false);
          }
          publish(policy.retryNow());
          poll();
        });
  }

  private void onPollThread(Runnable task) {
    try {
      pollThread.execute(task);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  /**
   * Runs {@code call} on a connection of its own on the action thread; {@code onSuccess} or {@code
   * onFailure} (with a message for the user) follows on the UI thread, and the table is refreshed.
   */
  public <T> void call(DaemonCall<T> call, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
    if (closed) {
      onFailure.accept(target.label() + " is closed");
      return;
    }
    runner.background(
        actionThread,
        () -> {
          try (DaemonClient daemon = link.open()) {
            return call.apply(daemon);
          }
        },
        result -> {
          onSuccess.accept(result);
          refreshNow();
        },
        error -> {
          onFailure.accept(message(error));
          refreshNow();
        });
  }

  /** A new connection for a long call (following logs); the caller closes it. */
  public DaemonClient openConnection() throws LinkException {
    return link.open();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    link.close();
    onPollThread(this::closeClient);
    pollThread.shutdown();
    actionThread.shutdown();
    try {
      pollThread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On the poll thread: one round of ping and list, or one connection attempt. */
  private void poll() {
    if (closed) {
      return;
    }
    try {
      if (client == null) {
        client = link.open();
      }
      PingResult daemon = client.call(RpcMethods.PING, null);
      java.time.Instant now = clock.instant();
      boolean scan = lastPortScan == null || !now.isBefore(lastPortScan.plus(PORT_SCAN_INTERVAL)) || recentlyStarted(now);
      List<ProcessInfo> processes = client.call(RpcMethods.LIST, scan ? ListRequest.WITH_PORTS : ListRequest.PLAIN);
      if (scan) {
        lastPortScan = now;
      }
      lastProcesses = processes;
      if (!policy.status().connected()) {
        publish(policy.connected());
      }
      HostSnapshot snapshot = new HostSnapshot(processes, daemon, clock.instant());
      Listener current = listener;
      if (current != null) {
        runner.ui(() -> current.snapshot(this, snapshot));
      }
      schedule(pollInterval);
    } catch (LinkException e) {
      fail(e.getMessage(), e.permanent());
    } catch (RpcException e) {
      boolean permanent = e.code() == ErrorCode.PROTOCOL_MISMATCH || e.code() == ErrorCode.UNAUTHORIZED;
      fail(e.getMessage(), permanent);
    } catch (DaemonUnavailableException e) {
      fail(e.getMessage() + link.hint(), false);
    } catch (RuntimeException e) {
      fail(String.valueOf(e.getMessage()), false);
    }
  }

  /** True when the last list had a process started less than {@link #YOUNG_PROCESS} ago. */
  private boolean recentlyStarted(java.time.Instant now) {
    for (ProcessInfo process : lastProcesses) {
      if (process.online() && process.uptime().isAfter(now.minus(YOUNG_PROCESS))) {
        return true;
      }
    }
    return false;
  }

  private void fail(String reason, boolean permanent) {
    closeClient();
    Optional<Duration> retry = policy.failed(reason, permanent);
    publish(policy.status());
    retry.ifPresent(this::schedule);
  }

  private void schedule(Duration delay) {
    if (!closed) {
      try {
        nextPoll = pollThread.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }
  }

  private void publish(ConnectionStatus next) {
    status = next;
    Listener current = listener;
    if (current != null) {
      runner.ui(() -> current.statusChanged(this, next));
    }
  }

  private void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** The message for the user of a failed action. */
  static String message(Exception error) {
    if (error instanceof LinkException || error instanceof RpcException || error instanceof DaemonUnavailableException) {
      return error.getMessage();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  private static String threadName(Target target) {
    return target.label().replaceAll("[^A-Za-z0-9._@-]", "_");
  }
}
