package io.gopm.protocol.procfs;

import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects a {@link ProcessReport} for any PID by reading {@code /proc} (the engine of {@code gopm
 * pid}, and later of the MCP tool {@code gopm_pid}). Everything but the existence of {@code
 * /proc/<pid>} is best-effort: what cannot be read stays empty or zero, and what was refused for
 * lack of permission is listed in {@link ProcessReport#unreadable()}.
 *
 * <p>Clock ticks are taken as 100 per second and pages as 4096 bytes (Linux on x86-64 and arm64).
 * Stateless apart from its configuration: safe to share between threads.
 *
 * <pre>{@code
 * ProcessInspector.system().inspect(pid, Sections.FULL, GopmInfo.DAEMON_DOWN)
 *     .map(report -> new PidReportText(ZoneId.systemDefault()).render(report, Sections.FULL))
 * }</pre>
 */
public final class ProcessInspector {

  static final int CLOCK_TICKS = 100;
  static final long PAGE_SIZE = 4096;

  /** A bound on the ancestor walk, in case parents form a loop while processes come and go. */
  private static final int MAX_TREE_DEPTH = 1024;

  private static final List<String> RAW_FILES =
      List.of("status", "stat", "cmdline", "limits", "cgroup", "oom_score", "oom_score_adj");

  private final ProcFiles files;
  private final Path proc;
  private final Path passwd;
  private final Path group;
  private final Clock clock;

  /**
   * An inspector of the {@code /proc} tree at {@code proc}, naming users and groups from the
   * {@code passwd} and {@code group} files, measuring ages with {@code clock}.
   */
  public ProcessInspector(Path proc, Path passwd, Path group, Clock clock) {
    this(ProcFiles.SYSTEM, proc, passwd, group, clock);
  }

  ProcessInspector(ProcFiles files, Path proc, Path passwd, Path group, Clock clock) {
    this.files = files;
    this.proc = proc;
    this.passwd = passwd;
    this.group = group;
    this.clock = clock;
  }

  /** The machine's {@code /proc}, {@code /etc/passwd}, {@code /etc/group} and clock. */
  public static ProcessInspector system() {
    return new ProcessInspector(Path.of("/proc"), Path.of("/etc/passwd"), Path.of("/etc/group"), Clock.systemUTC());
  }

  /** False where there is no {@code /proc} to read (anything but Linux). */
  public boolean available() {
    return Files.exists(proc.resolve("stat"));
  }

  /** True when {@code /proc/<pid>} exists. */
  public boolean exists(long pid) {
    return pid > 0 && Files.isDirectory(proc.resolve(Long.toString(pid)));
  }

  /**
   * The report of {@code pid} with the chosen sections; empty when there is no such process (or it
   * exited before its status could be read).
   *
   * @param gopm what the daemon knows about the PID, found out by the caller
   */
  public Optional<ProcessReport> inspect(long pid, Sections sections, GopmInfo gopm) {
    if (!exists(pid)) {
      return Optional.empty();
    }
    ProcDir dir = new ProcDir(files, proc, pid);
    Optional<String> statusText = dir.read("status");
    Optional<StatLine> stat = dir.read("stat").flatMap(StatLine::parse);
    if (statusText.isEmpty() || stat.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    long bootTime = bootTime();
    UserNames names = new UserNames(passwd, group);
    StatusFile status = new StatusFile(statusText.get());
    Instant started = startTime(stat, bootTime);
    ProcessIdentity identity = identity(dir, status, stat.get(), started, now, names);
    Optional<OpenFiles> open = sections.readsFds() ? OpenFiles.read(dir, sections.fdLimit()) : Optional.empty();
    ProcessResources resources =
        sections.full() ? resources(dir, status, stat.get(), started, now, open) : ProcessResources.NONE;
    List<ProcessTreeNode> tree = sections.tree() ? tree(pid, bootTime, now, names) : null;
    List<FdEntry> fds = open.map(OpenFiles::listed).orElse(null);
    List<ProcessSocket> sockets = sections.sockets() ? open.map(o -> o.sockets(proc, pid)).orElse(null) : null;
    Map<String, String> env = sections.env() ? environment(dir) : null;
    CgroupInfo cgroup = sections.full() ? cgroup(dir, status) : CgroupInfo.NONE;
    return Optional.of(
        new ProcessReport(pid, identity, resources, tree, fds, sockets, env, cgroup, gopm, dir.denied()));
  }

  /**
   * The files of {@code gopm pid --raw} ({@code status}, {@code stat}, {@code cmdline}, {@code
   * limits}, {@code cgroup}, {@code oom_score}, {@code oom_score_adj}); empty when there is no such
   * process.
   */
  public Optional<List<RawProcFile>> raw(long pid) {
    if (!exists(pid)) {
      return Optional.empty();
    }
    ProcDir dir = new ProcDir(files, proc, pid);
    List<RawProcFile> raw = new ArrayList<>();
    for (String name : RAW_FILES) {
      raw.add(new RawProcFile(name, dir.read(name).orElse(null)));
    }
    return Optional.of(raw);
  }

  private ProcessIdentity identity(
      ProcDir dir, StatusFile status, StatLine stat, Instant started, Instant now, UserNames names) {
    String state = status.first("State").isEmpty() ? stat.state() : status.first("State");
    String name = status.text("Name").isEmpty() ? stat.comm() : status.text("Name");
    Optional<String> exe = dir.link("exe");
    long uid = status.number("Uid");
    long gid = status.number("Gid");
    return new ProcessIdentity(
        name,
        state,
        ProcessIdentity.stateName(state),
        cmdline(dir),
        exe.orElse(""),
        exe.isPresent() && !exe.get().endsWith(" (deleted)"),
        dir.link("cwd").orElse(""),
        dir.link("root").orElse(""),
        started,
        ago(started, now),
        uid,
        names.user(uid),
        gid,
        names.group(gid),
        stat.session(),
        stat.ttyNr() == 0 ? "(none)" : Long.toString(stat.ttyNr()),
        stat.nice(),
        (int) status.number("Threads"));
  }

  private ProcessResources resources(
      ProcDir dir, StatusFile status, StatLine stat, Instant started, Instant now, Optional<OpenFiles> open) {
    double user = stat.utimeTicks() / (double) CLOCK_TICKS;
    double system = stat.stimeTicks() / (double) CLOCK_TICKS;
    double elapsed = started.equals(Timestamps.NEVER) ? 0 : Duration.between(started, now).toMillis() / 1000.0;
    double percent = elapsed > 0 ? Math.round((user + system) / elapsed * 100 * 100) / 100.0 : 0;
    FdLimits fdLimits = FdLimits.parse(dir.read("limits").orElse(""));
    return new ProcessResources(
        user,
        system,
        percent,
        status.bytes("VmPeak"),
        status.bytes("VmRSS"),
        status.bytes("VmSwap"),
        status.bytes("VmSize"),
        field(dir.read("statm").orElse(""), 2) * PAGE_SIZE,
        open.map(OpenFiles::open).orElseGet(() -> OpenFiles.count(dir)),
        fdLimits.soft(),
        fdLimits.hard(),
        status.number("voluntary_ctxt_switches"),
        status.number("nonvoluntary_ctxt_switches"));
  }

  /** The ancestor chain from {@code pid} up to PID 1 (or the topmost ancestor there is). */
  private List<ProcessTreeNode> tree(long pid, long bootTime, Instant now, UserNames names) {
    List<ProcessTreeNode> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long current = pid;
    while (current > 0 && seen.add(current) && chain.size() < MAX_TREE_DEPTH) {
      ProcDir dir = new ProcDir(files, proc, current);
      Optional<String> statusText = dir.read("status");
      if (statusText.isEmpty()) {
        break;
      }
      StatusFile status = new StatusFile(statusText.get());
      long ppid = status.number("PPid");
      Instant started = startTime(dir.read("stat").flatMap(StatLine::parse), bootTime);
      List<String> cmdline = cmdline(dir);
      chain.add(
          new ProcessTreeNode(
              current,
              ppid,
              dir.link("exe").orElse(""),
              String.join(" ", cmdline),
              names.user(status.number("Uid")),
              started,
              ago(started, now)));
      if (current == 1) {
        break;
      }
      current = ppid;
    }
    return chain;
  }

  private static Map<String, String> environment(ProcDir dir) {
    Map<String, String> env = new TreeMap<>();
    for (String entry : dir.read("environ").orElse("").split("\0")) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        env.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return env.isEmpty() ? null : env;
  }

  private static CgroupInfo cgroup(ProcDir dir, StatusFile status) {
    return new CgroupInfo(
        dir.read("cgroup").map(String::trim).orElse(""),
        (int) field(dir.read("oom_score").orElse(""), 0),
        (int) field(dir.read("oom_score_adj").orElse(""), 0),
        (int) status.number("Seccomp"),
        (int) status.number("NoNewPrivs"),
        status.text("CapEff"));
  }

  /** {@code cmdline} split at NUL, without the trailing empty argument; empty when there is none. */
  private static List<String> cmdline(ProcDir dir) {
    String content = dir.read("cmdline").orElse("");
    return content.isEmpty() ? List.of() : Arrays.asList(content.split("\0"));
  }

  /** The boot time in seconds since the epoch ({@code btime} of {@code /proc/stat}), or 0. */
  private long bootTime() {
    try {
      for (String line : files.read(proc.resolve("stat")).split("\n")) {
        if (line.startsWith("btime ")) {
          return Long.parseLong(line.substring(6).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static Instant startTime(Optional<StatLine> stat, long bootTime) {
    if (stat.isEmpty() || bootTime <= 0) {
      return Timestamps.NEVER;
    }
    return Instant.ofEpochSecond(bootTime + stat.get().startTicks() / CLOCK_TICKS);
  }

  private static String ago(Instant started, Instant now) {
    return started.equals(Timestamps.NEVER) ? "" : HumanUnits.duration(Duration.between(started, now));
  }

  /** Whitespace-separated field {@code index} of {@code text} as a number, or 0. */
  private static long field(String text, int index) {
    String[] fields = text.trim().split("\\s+");
    try {
      return fields.length > index ? Long.parseLong(fields[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
