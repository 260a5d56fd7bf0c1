package io.gopm.cli.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Interrupts;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code gopm gui}: takes over the terminal, runs the event loop, and gives the terminal back as
 * it was, however the UI ends (q, Ctrl+C, SIGTERM, an error, or the JVM shutting down).
 *
 * <p>Threads: the caller's thread is the UI thread; it alone touches the {@link TuiModel} and the
 * screen, running the tasks the other threads post to its queue. {@code gopm-tui-keys} reads key
 * strokes; {@code gopm-tui-poll} asks for {@code list} and {@code ping} every refresh period (and
 * right after an action) over its own connection; {@code gopm-tui-action} sends what the keys ask
 * for over another; {@code gopm-tui-logs} follows the selected process's log (see {@link
 * LogFollower}). None of them blocks the UI thread, so a slow {@code stop} never freezes the
 * screen.
 */
public final class TerminalUi {

  /** At most one frame per this interval while lines or results pour in. */
  private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

  /** How the UI reaches the daemon: a connection if one is running, else empty. */
  @FunctionalInterface
  public interface Connector {
    Optional<DaemonClient> connect();
  }

  /** How {@code gopm start} finds a command (see {@code StartCommand.resolveCommand}). */
  @FunctionalInterface
  public interface CommandResolver {
    String resolve(String command, Path cliDir, Path workDir, String path);
  }

  /**
   * @param refresh how often the process list is asked for
   * @param colours false with {@code NO_COLOR} (or {@code TERM=dumb})
   * @param workingDir where relative commands of the start prompt are found
   * @param path the {@code PATH} for bare command names
   * @param version this client's version, shown until the daemon says its own
   */
  public record Settings(
      Duration refresh, boolean colours, Path workingDir, String path, CommandResolver resolver, String version) {}

  private final Connector connector;
  private final Settings settings;
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final TuiModel model;
  private final ScreenPainter painter;
  private final DaemonLink pollLink;
  private final DaemonLink actionLink;
  private ScheduledExecutorService poller;
  private ExecutorService actions;
  private LogFollower follower;
  private boolean followerEnded;

  public TerminalUi(Connector connector, Settings settings) {
    this.connector = connector;
    this.settings = settings;
    StartLine startLine = new StartLine(settings.workingDir(), settings.path(), settings.resolver());
    this.model = new TuiModel(Clock.systemDefaultZone(), startLine::parse);
    this.painter = new ScreenPainter(settings.version(), settings.refresh());
    this.pollLink = new DaemonLink(connector);
    this.actionLink = new DaemonLink(connector);
  }

  /**
   * Runs the UI until the user quits; the exit status.
   *
   * @throws DaemonUnavailableException when the daemon cannot be reached at the start
   * @throws CliException when there is no terminal to take over
   */
  public int run() throws InterruptedException {
    firstSnapshot();
    UnixTerminal terminal;
    try {
      terminal = new UnixTerminal(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    } catch (IOException e) {
      throw new CliException("gopm gui needs a terminal: " + e.getMessage());
    }
    TerminalScreen screen;
    try {
      screen = new TerminalScreen(terminal);
    } catch (IOException e) {
      new TerminalRestorer(null, terminal).run();
      throw new CliException("gopm gui cannot use this terminal: " + e.getMessage());
    }
    TerminalRestorer restorer = new TerminalRestorer(screen, terminal);
    Thread hook = new Thread(restorer, "gopm-tui-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      screen.startScreen();
      Interrupts.onInterrupt(() -> tasks.offer(model::quit));
      terminal.addResizeListener((t, size) -> tasks.offer(() -> { }));
      startThreads(screen);
      loop(screen);
    } catch (IOException e) {
      throw new CliException("terminal error: " + e.getMessage());
    } finally {
      stopThreads();
      restorer.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs (and does nothing more) anyway
      }
    }
    return ExitCodes.OK;
  }

  /** The first list before the terminal is taken over, so a daemon problem is a plain error. */
  private void firstSnapshot() {
    List<ProcessInfo> processes = pollLink.call(RpcMethods.LIST, ListRequest.PLAIN);
    PingResult ping = pollLink.call(RpcMethods.PING, null);
    model.snapshot(processes, ping);
  }

  private void loop(Screen screen) throws IOException, InterruptedException {
    LanternaCanvas canvas = new LanternaCanvas(screen, settings.colours());
    syncFollower(false);
    while (!model.quitRequested()) {
      paint(screen, canvas);
      Runnable task = tasks.poll(250, TimeUnit.MILLISECONDS);
      // run what arrives during one frame, then paint (a flood of lines never starves the screen)
      long frameEnd = System.nanoTime() + FRAME_NANOS;
      while (task != null && !model.quitRequested()) {
        task.run();
        long wait = frameEnd - System.nanoTime();
        task = wait > 0 ? tasks.poll(wait, TimeUnit.NANOSECONDS) : null;
      }
      model.tick();
    }
  }

  private void paint(Screen screen, LanternaCanvas canvas) throws IOException {
    boolean resized = screen.doResizeIfNecessary() != null;
    TerminalSize size = screen.getTerminalSize();
    Layout layout = Layout.of(size.getColumns(), size.getRows(), model.visible().size(), model.logsVisible());
    model.viewport(layout.processRows(), layout.logRows());
    model.detailViewport(DetailBox.visibleRows(layout));
    canvas.begin(size);
    painter.paint(model, layout, canvas);
    screen.setCursorPosition(canvas.cursor());
    screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
  }

  // ---- background threads ----

  private void startThreads(Screen screen) {
    Thread keys = new Thread(() -> readKeys(screen), "gopm-tui-keys");
    keys.setDaemon(true);
    keys.start();
    poller = Executors.newSingleThreadScheduledExecutor(task -> daemonThread(task, "gopm-tui-poll"));
    long period = settings.refresh().toNanos();
    poller.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.NANOSECONDS);
    actions = Executors.newSingleThreadExecutor(task -> daemonThread(task, "gopm-tui-action"));
  }

  private static Thread daemonThread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private void stopThreads() {
    if (poller != null) {
      poller.shutdownNow();
    }
    if (actions != null) {
      actions.shutdownNow();
    }
    if (follower != null) {
      follower.close();
    }
  }

  private void readKeys(Screen screen) {
    try {
      while (true) {
        KeyStroke stroke = screen.readInput();
        if (stroke == null) {
          continue;
        }
        Key key = Keys.of(stroke);
        tasks.offer(() -> onKey(key));
        if (key.kind() == Key.Kind.EOF) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      tasks.offer(model::quit);
    }
  }

  /** On the poll thread: the list and the daemon's status, or why they cannot be had. */
  private void poll() {
    try {
      List<ProcessInfo> processes = pollLink.call(RpcMethods.LIST, ListRequest.PLAIN);
      PingResult ping = pollLink.call(RpcMethods.PING, null);
      tasks.offer(() -> {
        model.snapshot(processes, ping);
        syncFollower(true);
      });
    } catch (DaemonUnavailableException e) {
      tasks.offer(() -> model.disconnected(e.getMessage()));
    } catch (RpcException e) {
      String reason = e.code() == ErrorCode.SHUTTING_DOWN ? "the daemon is shutting down" : e.getMessage();
      tasks.offer(() -> model.disconnected(reason));
    } catch (RuntimeException e) {
      tasks.offer(() -> model.disconnected(e.toString()));
    }
  }

  private void refreshSoon() {
    try {
      poller.execute(this::poll);
    } catch (RejectedExecutionException quitting) {
      // the UI is closing: nothing left to refresh
    }
  }

  // ---- on the UI thread ----

  private void onKey(Key key) {
    Optional<DaemonAction> action = model.handle(key);
    action.ifPresent(this::send);
    syncFollower(false);
  }

  private void send(DaemonAction action) {
    actions.execute(() -> perform(action));
  }

  /** On the action thread: sends one request and posts its outcome to the UI thread. */
  private void perform(DaemonAction action) {
    try {
      String detail = request(action);
      tasks.offer(() -> {
        if (!(action instanceof DaemonAction.Describe)) {
          model.actionDone(action, detail);
        }
        syncFollower(false);
      });
    } catch (DaemonUnavailableException e) {
      tasks.offer(() -> model.actionFailed(action, "the daemon is not reachable (" + e.getMessage() + ")"));
    } catch (RpcException e) {
      tasks.offer(() -> model.actionFailed(action, e.getMessage()));
    } catch (RuntimeException e) {
      tasks.offer(() -> model.actionFailed(action, e.toString()));
    }
    refreshSoon();
  }

  /** Sends one request; a detail for the status line. */
  private String request(DaemonAction action) {
    TargetRequest target = new TargetRequest(action.target());
    if (action instanceof DaemonAction.Stop) {
      actionLink.call(RpcMethods.STOP, target);
    } else if (action instanceof DaemonAction.Restart) {
      List<ProcessInfo> restarted = actionLink.call(RpcMethods.RESTART, target);
      return restarted.isEmpty() ? "" : "PID " + restarted.get(0).pid();
    } else if (action instanceof DaemonAction.Delete) {
      actionLink.call(RpcMethods.DELETE, target);
    } else if (action instanceof DaemonAction.Flush) {
      actionLink.call(RpcMethods.FLUSH, target);
    } else if (action instanceof DaemonAction.Start start) {
      ProcessInfo started = actionLink.call(RpcMethods.START, start.request());
      tasks.offer(() -> model.selectWhenListed(started.name()));
      return (started.name().equals(action.target()) ? "" : started.name() + ", ") + "PID " + started.pid();
    } else if (action instanceof DaemonAction.Describe) {
      ProcessInfo process = actionLink.call(RpcMethods.DESCRIBE, target);
      tasks.offer(() -> model.showDetail(process));
    }
    return "";
  }

  /**
   * Follows what the log pane should show: a new follower when the selection, the stream or the
   * pane's visibility changed, or (with {@code retry}, after a fresh list) when the last one ended.
   */
  private void syncFollower(boolean retry) {
    LogSubscription wanted = model.logSubscription();
    LogSubscription current = follower == null ? null : follower.subscription();
    boolean same = wanted == null ? current == null : wanted.equals(current);
    if (same && !(retry && followerEnded)) {
      return;
    }
    if (follower != null) {
      follower.close();
      follower = null;
    }
    model.following(wanted);
    if (wanted != null) {
      LogFollower next = new LogFollower(wanted, connector, TuiModel.LOG_CAPACITY, f -> tasks.offer(() -> onLogs(f)));
      follower = next;
      followerEnded = false;
      next.start();
    }
  }

  private void onLogs(LogFollower from) {
    if (from != follower) {
      return;
    }
    LogFollower.Batch batch = from.take();
    if (batch.tail() != null) {
      model.logTail(batch.tail());
    }
    if (!batch.lines().isEmpty() || batch.skipped() > 0) {
      model.logLines(batch.lines(), batch.skipped());
    }
    if (batch.ended()) {
      followerEnded = true;
      if (batch.error() != null) {
        model.logsFailed(from.subscription(), batch.error());
      }
      refreshSoon();
    }
  }
}
