package io.gopm.daemon.supervision;

import static io.gopm.daemon.supervision.LinuxLibc.EPOLL_CTL_ADD;
import static io.gopm.daemon.supervision.LinuxLibc.EPOLL_CTL_DEL;
import static io.gopm.daemon.supervision.LinuxLibc.EPOLL_DATA_OFFSET;
import static io.gopm.daemon.supervision.LinuxLibc.EPOLL_EVENT_SIZE;
import static io.gopm.daemon.supervision.LinuxLibc.EPOLLIN;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.gopm.daemon.events.DaemonLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Launches children with {@code posix_spawn} and watches all of them from one thread: their
 * stdout and stderr pipes and a {@code pidfd} per child (readable once it has exited) are
 * registered with one {@code epoll} instance, and the thread reads whatever is ready into the
 * sinks and reaps whoever has exited. A child costs three file descriptors and a few small
 * objects, no thread (the JDK's launcher costs three threads per child: docs/adr/0022).
 *
 * <p>The child leads its own session and process group ({@code POSIX_SPAWN_SETSID}), starts with
 * every signal at its default action and none blocked, has stdin on the null device and no
 * descriptor of the daemon's beyond 0–2. A file that is executable but not a binary or a {@code
 * #!} script is run by {@code /bin/sh}, as {@code execvp} and the JDK do.
 *
 * <p>Needs Linux 5.3+ ({@code pidfd_open}) and glibc 2.34+ on x86-64 or AArch64; {@link
 * ProcessLaunchers} falls back to {@link JdkProcessLauncher} elsewhere.
 */
public final class EpollProcessLauncher implements ProcessLauncher {

  /** The most one read takes from a pipe; also the size of a pipe's buffer in the kernel. */
  private static final int READ_SIZE = 64 * 1024;

  private static final int MAX_EVENTS = 256;

  private static final long GRACE_NANOS = JdkProcessLauncher.DRAIN_GRACE.toNanos();

  private final int epoll;
  private final DaemonLog log;
  /** What each registered descriptor is, by the token in its epoll registration. */
  private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();

  // used by the loop thread only
  private final Memory events = new Memory((long) MAX_EVENTS * EPOLL_EVENT_SIZE);
  private final Memory readBuffer = new Memory(READ_SIZE);
  private final byte[] bytes = new byte[READ_SIZE];
  /** Children that exited while their pipes were still open, oldest (earliest deadline) first. */
  private final ArrayDeque<Child> draining = new ArrayDeque<>();

  private EpollProcessLauncher(int epoll, DaemonLog log) {
    this.epoll = epoll;
    this.log = log;
  }

  /**
   * Binds the C library and starts the thread.
   *
   * @throws UnsupportedOperationException or {@link LinkageError} when this system cannot run it
   */
  static EpollProcessLauncher start(DaemonLog log) {
    LinuxLibc.load();
    int epoll = LinuxLibc.epoll_create1(LinuxLibc.O_CLOEXEC);
    EpollProcessLauncher launcher = new EpollProcessLauncher(epoll, log);
    Thread thread = new Thread(null, launcher::loop, "gopm-children", 512 * 1024);
    thread.setDaemon(true);
    thread.start();
    return launcher;
  }

  @Override
  public LaunchedProcess launch(LaunchSpec spec, OutputSink stdout, OutputSink stderr)
      throws LaunchException {
    int[] out = pipe();
    int[] err;
    try {
      err = pipe();
    } catch (LaunchException e) {
      closeAll(out[0], out[1]);
      throw e;
    }
    int pid;
    try {
      pid = spawn(spec, out[1], err[1]);
    } catch (LaunchException e) {
      closeAll(out[0], err[0]);
      throw e;
    } finally {
      closeAll(out[1], err[1]); // the child's ends: its exit closes the pipes
    }
    int pidfd;
    try {
      pidfd = (int) LinuxLibc.syscall(LinuxLibc.SYS_PIDFD_OPEN, pid, 0);
    } catch (LastErrorException e) {
      killAndReap(pid);
      closeAll(out[0], err[0]);
      throw new LaunchException("start process: pidfd_open: " + errorText(e.getErrorCode()));
    }
    Child child = new Child(pid);
    // the exit first: once it is registered, this thread no longer reaps the child itself
    try {
      register(new ExitWatch(child, pidfd));
    } catch (LastErrorException e) {
      killAndReap(pid);
      closeAll(pidfd, out[0], err[0]);
      throw new LaunchException("start process: epoll_ctl: " + errorText(e.getErrorCode()));
    }
    int registered = 0;
    try {
      register(new PipeWatch(child, out[0], stdout));
      registered++;
      register(new PipeWatch(child, err[0], stderr));
    } catch (LastErrorException e) {
      // the loop reaps it and closes what was registered; the rest is ours to close
      LinuxLibc.kill(pid, LinuxLibc.SIGKILL);
      if (registered == 0) {
        LinuxLibc.close(out[0]);
      }
      LinuxLibc.close(err[0]);
      throw new LaunchException("start process: epoll_ctl: " + errorText(e.getErrorCode()));
    }
    return new LaunchedProcess.Started(pid, JdkProcessLauncher.startTicks(pid), child.exit);
  }

  private static int[] pipe() throws LaunchException {
    int[] fds = new int[2];
    try {
      LinuxLibc.pipe2(fds, LinuxLibc.O_CLOEXEC);
      return fds;
    } catch (LastErrorException e) {
      throw new LaunchException("start process: pipe: " + errorText(e.getErrorCode()));
    }
  }

  /** {@code posix_spawn} with the child's ends of the pipes as its stdout and stderr. */
  private static int spawn(LaunchSpec spec, int stdout, int stderr) throws LaunchException {
    List<String> argv = spec.argv();
    List<String> environment = new ArrayList<>(spec.environment().size());
    spec.environment().forEach((key, value) -> environment.add(key + "=" + value));
    try (Memory actions = new Memory(LinuxLibc.FILE_ACTIONS_SIZE);
        Memory attributes = new Memory(LinuxLibc.SPAWN_ATTR_SIZE);
        Memory noSignals = new Memory(LinuxLibc.SIGSET_SIZE);
        Memory allSignals = new Memory(LinuxLibc.SIGSET_SIZE);
        Memory envp = LinuxLibc.stringArray(environment)) {
      LinuxLibc.posix_spawn_file_actions_init(actions);
      LinuxLibc.posix_spawnattr_init(attributes);
      try {
        int error = LinuxLibc.posix_spawn_file_actions_adddup2(actions, stdout, 1);
        error = orElse(error, LinuxLibc.posix_spawn_file_actions_adddup2(actions, stderr, 2));
        error = orElse(error, LinuxLibc.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LinuxLibc.O_RDONLY, 0));
        error = orElse(error, LinuxLibc.posix_spawn_file_actions_addchdir_np(actions, spec.cwd().toString()));
        error = orElse(error, LinuxLibc.posix_spawn_file_actions_addclosefrom_np(actions, 3));
        LinuxLibc.sigemptyset(noSignals);
        LinuxLibc.sigfillset(allSignals);
        error = orElse(error, LinuxLibc.posix_spawnattr_setsigmask(attributes, noSignals));
        error = orElse(error, LinuxLibc.posix_spawnattr_setsigdefault(attributes, allSignals));
        error = orElse(error, LinuxLibc.posix_spawnattr_setflags(attributes,
            (short) (LinuxLibc.POSIX_SPAWN_SETSID | LinuxLibc.POSIX_SPAWN_SETSIGMASK | LinuxLibc.POSIX_SPAWN_SETSIGDEF)));
        int[] pid = new int[1];
        if (error == 0) {
          error = spawnWith(pid, argv.get(0), actions, attributes, argv, envp);
        }
        if (error == LinuxLibc.ENOEXEC) {
          List<String> viaShell = new ArrayList<>(argv.size() + 1);
          viaShell.add("/bin/sh");
          viaShell.addAll(argv);
          error = spawnWith(pid, "/bin/sh", actions, attributes, viaShell, envp);
        }
        if (error != 0) {
          String text = LinuxLibc.strerror(error);
          throw new LaunchException(
              "start process: Cannot run program \"" + argv.get(0) + "\" (in directory \"" + spec.cwd()
                  + "\"): error=" + error + ", " + text + JdkProcessLauncher.limitHint(text));
        }
        return pid[0];
      } finally {
        LinuxLibc.posix_spawnattr_destroy(attributes);
        LinuxLibc.posix_spawn_file_actions_destroy(actions);
      }
    }
  }

  private static int spawnWith(
      int[] pid, String path, Memory actions, Memory attributes, List<String> argv, Memory envp) {
    try (Memory args = LinuxLibc.stringArray(argv)) {
      return LinuxLibc.posix_spawn(pid, path, actions, attributes, args, envp);
    }
  }

  private static int orElse(int error, int next) {
    return error != 0 ? error : next;
  }

  private static void killAndReap(int pid) {
    LinuxLibc.kill(pid, LinuxLibc.SIGKILL);
    try {
      LinuxLibc.waitpid(pid, new int[1], 0);
    } catch (LastErrorException ignored) {
      // already reaped
    }
  }

  private static void closeAll(int... fds) {
    for (int fd : fds) {
      LinuxLibc.close(fd);
    }
  }

  private static String errorText(int error) {
    String text = LinuxLibc.strerror(error);
    return text + JdkProcessLauncher.limitHint(text);
  }

  /**
   * GoPM's exit code from a {@code waitpid} status: the code of a normal exit, -1 when a signal
   * ended the process.
   */
  static int exitCode(int waitStatus) {
    return (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : -1;
  }

  private void register(Watch watch) {
    watches.put(watch.token, watch);
    try (Memory event = new Memory(EPOLL_EVENT_SIZE)) {
      event.setInt(0, EPOLLIN);
      event.setLong(EPOLL_DATA_OFFSET, watch.token);
      LinuxLibc.epoll_ctl(epoll, EPOLL_CTL_ADD, watch.fd, event);
    } catch (LastErrorException e) {
      watches.remove(watch.token);
      throw e;
    }
  }

  /** On the loop thread: forgets {@code watch} and closes its descriptor. */
  private void unregister(Watch watch) {
    try {
      LinuxLibc.epoll_ctl(epoll, EPOLL_CTL_DEL, watch.fd, null);
    } catch (LastErrorException ignored) {
      // closing the descriptor removes it anyway
    }
    watches.remove(watch.token);
    LinuxLibc.close(watch.fd);
  }

  private void loop() {
    while (true) {
      int ready;
      try {
        ready = LinuxLibc.epoll_wait(epoll, events, MAX_EVENTS, millisToNextDeadline());
      } catch (LastErrorException e) {
        if (e.getErrorCode() != LinuxLibc.EINTR) {
          log.error("epoll_wait failed", "error", LinuxLibc.strerror(e.getErrorCode()));
        }
        continue;
      }
      for (int i = 0; i < ready; i++) {
        Watch watch = watches.get(events.getLong((long) i * EPOLL_EVENT_SIZE + EPOLL_DATA_OFFSET));
        if (watch == null) {
          continue;
        }
        try {
          watch.ready();
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          // a bug in a sink must not stop the thread that watches every child: give up on this one
          log.fault("capturing a child's output or exit failed", e);
          watch.abandon();
        }
      }
      endGraces(System.nanoTime());
    }
  }

  private int millisToNextDeadline() {
    Child next = draining.peek();
    if (next == null) {
      return -1;
    }
    long nanos = next.deadline - System.nanoTime();
    return nanos <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
  }

  /** Reports the exits whose grace for their pipes has passed (descendants keep them open). */
  private void endGraces(long now) {
    while (!draining.isEmpty() && (draining.peek().exit.isDone() || draining.peek().deadline - now <= 0)) {
      Child child = draining.poll();
      child.exit.complete(child.code);
    }
  }

  /** A registered descriptor. */
  private abstract static class Watch {
    final long token;
    final int fd;

    Watch(long token, int fd) {
      this.token = token;
      this.fd = fd;
    }

    /** The descriptor is readable (or hung up): called on the loop thread. */
    abstract void ready();

    /** {@link #ready} failed: unregister, and report what can be reported. */
    abstract void abandon();
  }

  /** One of a child's output pipes. */
  private final class PipeWatch extends Watch {
    private final Child child;
    private final OutputSink sink;

    PipeWatch(Child child, int fd, OutputSink sink) {
      super(tokens.incrementAndGet(), fd);
      this.child = child;
      this.sink = sink;
    }

    @Override
    void ready() {
      long count;
      try {
        count = LinuxLibc.read(fd, readBuffer, READ_SIZE);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == LinuxLibc.EINTR || e.getErrorCode() == LinuxLibc.EAGAIN) {
          return;
        }
        count = 0; // the pipe broke: the end of the stream
      }
      if (count > 0) {
        readBuffer.read(0, bytes, 0, (int) count);
        sink.accept(bytes, 0, (int) count);
        return;
      }
      unregister(this);
      try {
        sink.endOfStream();
      } finally {
        child.pipeClosed();
      }
    }

    @Override
    void abandon() {
      if (watches.containsKey(token)) {
        unregister(this);
        child.pipeClosed();
      }
    }
  }

  /** A child's pidfd, readable once the child has exited. */
  private final class ExitWatch extends Watch {
    private final Child child;

    ExitWatch(Child child, int pidfd) {
      super(tokens.incrementAndGet(), pidfd);
      this.child = child;
    }

    @Override
    void ready() {
      int[] status = new int[1];
      int reaped;
      try {
        reaped = LinuxLibc.waitpid(child.pid, status, LinuxLibc.WNOHANG);
      } catch (LastErrorException e) {
        reaped = -1; // not our child any more: nothing to report but an unknown end
      }
      if (reaped == 0) {
        return;
      }
      unregister(this);
      child.exited(reaped == child.pid ? exitCode(status[0]) : -1);
    }

    @Override
    void abandon() {
      if (watches.containsKey(token)) {
        unregister(this);
        child.exited(-1);
      }
    }
  }

  /** A launched child; its state after the launch is the loop thread's. */
  private final class Child {
    private final int pid;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private int openPipes = 2;
    private boolean exited;
    private int code;
    private long deadline;

    Child(int pid) {
      this.pid = pid;
    }

    void exited(int exitCode) {
      exited = true;
      code = exitCode;
      if (openPipes == 0) {
        exit.complete(code);
      } else {
        deadline = System.nanoTime() + GRACE_NANOS;
        draining.add(this);
      }
    }

    void pipeClosed() {
      openPipes--;
      if (openPipes == 0 && exited) {
        exit.complete(code);
      }
    }
  }
}
