package io.gopm.daemon.supervision;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.state.RunningGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Ends what a dead daemon left running, at start-up, before the saved processes are resurrected
 * (docs/adr/0019): the stop signal to each group found ({@link Leftovers}), up to the recorded kill
 * timeout (at most {@link #MAX_GRACE}, since the command that started this daemon waits for its
 * socket) for them to exit, then SIGKILL until none is left.
 *
 * <p>Runs on the thread that starts the daemon, before the supervisor manages any process: the
 * processes it signals are nobody's to manage. It polls {@code /proc}, since processes that are not
 * this daemon's children cannot be waited for.
 */
public final class LeftoverSweep {

  /** The longest the stop signal is given before SIGKILL. */
  static final Duration MAX_GRACE = Duration.ofSeconds(5);

  /** How long SIGKILL is given to clear the last of them. */
  static final Duration KILL_GRACE = Duration.ofSeconds(2);

  private static final Duration POLL = Duration.ofMillis(20);

  private final Path proc;
  private final ProcessGroups groups;
  private final RunMarker own;
  private final long selfPid;
  private final DaemonLog log;

  public LeftoverSweep(Path proc, ProcessGroups groups, RunMarker own, long selfPid, DaemonLog log) {
    this.proc = proc;
    this.groups = groups;
    this.own = own;
    this.selfPid = selfPid;
    this.log = log;
  }

  /**
   * What the sweep did.
   *
   * @param found processes of a dead daemon found running
   * @param killed of those, how many needed SIGKILL
   * @param remaining how many were still there at the end (0 unless they resisted SIGKILL)
   */
  public record Outcome(int found, int killed, int remaining) {}

  /** Ends the leftovers of the daemon that recorded {@code recorded}, and of any other of this home. */
  public Outcome run(List<RunningGroup> recorded) throws InterruptedException {
    Leftovers first = Leftovers.find(scan(proc), recorded, own, selfPid);
    if (first.isEmpty()) {
      return new Outcome(0, 0, 0);
    }
    log.warn(
        "ending processes left by a previous daemon",
        "groups", first.groups().keySet(), "pids", first.pids());
    signal(first, false);
    Leftovers left = awaitGone(recorded, grace(recorded));
    int killed = left.pids().size();
    long killDeadline = System.nanoTime() + KILL_GRACE.toNanos();
    while (!left.isEmpty() && System.nanoTime() < killDeadline) {
      signal(left, true);
      Thread.sleep(POLL.toMillis());
      left = Leftovers.find(scan(proc), recorded, own, selfPid);
    }
    Outcome outcome = new Outcome(first.pids().size(), killed, left.pids().size());
    if (outcome.remaining() > 0) {
      log.error("processes left by a previous daemon survived SIGKILL", "pids", left.pids());
    } else {
      log.info("ended processes left by a previous daemon", "count", outcome.found(), "killed", outcome.killed());
    }
    return outcome;
  }

  /** The stop grace: the longest recorded kill timeout, at most {@link #MAX_GRACE}. */
  static Duration grace(List<RunningGroup> recorded) {
    long millis = recorded.stream().mapToLong(RunningGroup::killTimeoutMillis).max().orElse(MAX_GRACE.toMillis());
    return Duration.ofMillis(Math.min(millis, MAX_GRACE.toMillis()));
  }

  private Leftovers awaitGone(List<RunningGroup> recorded, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    Leftovers left = Leftovers.find(scan(proc), recorded, own, selfPid);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      left = Leftovers.find(scan(proc), recorded, own, selfPid);
    }
    return left;
  }

  private void signal(Leftovers leftovers, boolean kill) {
    leftovers
        .groups()
        .forEach((pgid, signal) -> groups.signal(pgid, kill ? ProcessGroups.SIGKILL : signal).join());
    for (int pid : leftovers.loners()) {
      ProcessHandle.of(pid).ifPresent(handle -> {
        if (kill) {
          handle.destroyForcibly();
        } else {
          handle.destroy();
        }
      });
    }
  }

  /** Reads every process of {@code proc}; entries that vanish meanwhile are skipped. */
  static List<ProcEntry> scan(Path proc) {
    List<ProcEntry> entries = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(proc)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        read(dir, Integer.parseInt(name)).ifPresent(entries::add);
      }
    } catch (IOException e) {
      return entries;
    }
    return entries;
  }

  private static Optional<ProcEntry> read(Path dir, int pid) {
    Optional<ProcEntry.Stat> stat;
    try {
      stat = ProcEntry.parseStat(Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return Optional.empty(); // gone meanwhile
    }
    Optional<String> marker;
    try {
      String environ = new String(Files.readAllBytes(dir.resolve("environ")), StandardCharsets.UTF_8);
      marker = ProcEntry.environmentValue(environ, RunMarker.VARIABLE);
    } catch (IOException e) {
      marker = Optional.empty(); // another user's process, or gone
    }
    Optional<String> found = marker;
    return stat.map(s -> new ProcEntry(pid, s.pgid(), s.startTicks(), s.state() == 'Z', found));
  }
}
