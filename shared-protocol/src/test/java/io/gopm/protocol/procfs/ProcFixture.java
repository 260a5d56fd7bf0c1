package io.gopm.protocol.procfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@code /proc} tree in a temporary directory, with {@code /etc/passwd} and {@code
 * /etc/group} beside it. {@link #standard(Path)} builds the process the tests inspect: PID 4242
 * ({@code my (weird) app}, user deploy) whose parent is 4200 (a shell of root) whose parent is 1.
 */
final class ProcFixture {

  static final long BOOT_TIME = 1_700_000_000L;
  static final long PID = 4242;
  static final long PARENT = 4200;

  /** The inspected process started 123 456 s after boot. */
  static final Instant STARTED = Instant.ofEpochSecond(BOOT_TIME + 123_456);

  /** "Now": 1 h 1 min 5 s after the start. */
  static final Instant NOW = STARTED.plusSeconds(3665);

  final Path root;
  final Path proc;
  final Path passwd;
  final Path group;

  private ProcFixture(Path root) {
    this.root = root;
    this.proc = root.resolve("proc");
    this.passwd = root.resolve("passwd");
    this.group = root.resolve("group");
  }

  /** An empty {@code /proc} with only {@code /proc/stat}, and the user database. */
  static ProcFixture empty(Path root) {
    ProcFixture fixture = new ProcFixture(root);
    fixture.write("proc/stat", "cpu  1 2 3 4\nintr 0\nbtime " + BOOT_TIME + "\nprocesses 99\n");
    fixture.write("passwd", "root:x:0:0:root:/root:/bin/bash\n# comment\ndeploy:x:1001:1001::/home/deploy:/bin/sh\n");
    fixture.write("group", "root:x:0:\ndeploy:x:1001:\n");
    return fixture;
  }

  /** The process tree 4242 → 4200 → 1 described in the class comment. */
  static ProcFixture standard(Path root) {
    ProcFixture fixture = empty(root);
    fixture.process(1, 0, "systemd", 0, 0, "/sbin/init\0splash\0");
    fixture.process(PARENT, 1, "bash", 0, 12_000_000, "-bash\0");
    fixture.process(PID, PARENT, "my (weird) app", 1001, 12_345_600, "/opt/app/my app\0--port\08080\0");
    fixture.write(
        "proc/4242/stat",
        stat(PID, "my (weird) app", "S", PARENT, 4200, 34816, 1234, 567, 5, 12_345_600));
    fixture.write(
        "proc/4242/status",
        "Name:\tmy (weird) app\nUmask:\t0022\nState:\tS (sleeping)\nPPid:\t4200\n"
            + "Uid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\nVmPeak:\t   20000 kB\n"
            + "VmSize:\t   18000 kB\nVmRSS:\t    4000 kB\nVmSwap:\t      12 kB\nThreads:\t7\n"
            + "CapEff:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\n"
            + "voluntary_ctxt_switches:\t84201\nnonvoluntary_ctxt_switches:\t3421\n");
    fixture.write("proc/4242/statm", "4500 1000 300 10 0 2000 0\n");
    fixture.write("proc/4242/environ", "PATH=/usr/bin\0HOME=/home/deploy\0NOEQUALS\0EQ=a=b\0APP_ENV=production\0");
    fixture.write(
        "proc/4242/limits",
        "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max cpu time              unlimited            unlimited            seconds   \n"
            + "Max open files            1024                 4096                 files     \n");
    fixture.write("proc/4242/cgroup", "0::/system.slice/app.service\n");
    fixture.write("proc/4242/oom_score", "666\n");
    fixture.write("proc/4242/oom_score_adj", "-100\n");
    fixture.link("proc/4242/exe", "/opt/app/my app");
    fixture.link("proc/4242/cwd", "/srv/app");
    fixture.link("proc/4242/root", "/");
    fixture.fd(0, "/dev/null", "0100000");
    fixture.fd(1, "pipe:[27598]", "01");
    fixture.fd(2, "pipe:[27599]", "01");
    fixture.fd(3, "socket:[5001]", "02");
    fixture.fd(4, "socket:[5002]", "02004002");
    fixture.fd(5, "socket:[5003]", "02");
    fixture.fd(10, "/var/log/app.log", "0102001");
    fixture.fd(11, "anon_inode:[eventfd]", "03");
    fixture.write(
        "proc/4242/net/tcp",
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1001        0 5001 1 0 100 0 0 10 0\n"
            + "   1: 0100007F:0016 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 9999 1 0 20 4 30 10 -1\n");
    fixture.write(
        "proc/4242/net/tcp6",
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1001        0 5002 1 0 100 0 0 10 0\n");
    fixture.write(
        "proc/4242/net/udp",
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
            + "  7: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 8888 2 0 0\n");
    fixture.write(
        "proc/4242/net/unix",
        "Num       RefCount Protocol Flags    Type St Inode Path\n"
            + "0000000000000000: 00000002 00000000 00010000 0001 01 5003 /run/app.sock\n"
            + "0000000000000000: 00000002 00000000 00010000 0001 01 7777 /run/other.sock\n");
    return fixture;
  }

  /** A process directory with stat, status, cmdline and exe (for tree ancestors). */
  void process(long pid, long ppid, String name, long uid, long startTicks, String cmdline) {
    write("proc/" + pid + "/stat", stat(pid, name, "S", ppid, pid, 0, 10, 5, 0, startTicks));
    write(
        "proc/" + pid + "/status",
        "Name:\t" + name + "\nState:\tS (sleeping)\nPPid:\t" + ppid + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t"
            + uid + "\nGid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nThreads:\t1\n");
    write("proc/" + pid + "/cmdline", cmdline);
    link("proc/" + pid + "/exe", "/usr/bin/" + name.replace(' ', '_'));
    try {
      Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd"));
      Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fdinfo"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Descriptor {@code fd} of PID 4242 pointing at {@code target}, with octal {@code flags}. */
  void fd(int fd, String target, String flags) {
    link("proc/4242/fd/" + fd, target);
    write("proc/4242/fdinfo/" + fd, "pos:\t0\nflags:\t" + flags + "\nmnt_id:\t15\nino:\t1\n");
  }

  /** A {@code stat} line; every field not named is a plausible constant. */
  static String stat(
      long pid, String comm, String state, long ppid, long session, long ttyNr, long utime, long stime, int nice, long start) {
    List<String> fields = new ArrayList<>();
    fields.add(Long.toString(pid));
    fields.add("(" + comm + ")");
    fields.add(state); // 3
    fields.add(Long.toString(ppid)); // 4
    fields.add(Long.toString(pid)); // 5 pgrp
    fields.add(Long.toString(session)); // 6
    fields.add(Long.toString(ttyNr)); // 7
    fields.add("-1"); // 8 tpgid
    fields.add("4194560"); // 9 flags
    for (int i = 10; i <= 13; i++) {
      fields.add("0");
    }
    fields.add(Long.toString(utime)); // 14
    fields.add(Long.toString(stime)); // 15
    fields.add("0"); // 16
    fields.add("0"); // 17
    fields.add("20"); // 18 priority
    fields.add(Integer.toString(nice)); // 19
    fields.add("7"); // 20 threads
    fields.add("0"); // 21
    fields.add(Long.toString(start)); // 22
    for (int i = 23; i <= 52; i++) {
      fields.add("0");
    }
    return String.join(" ", fields) + "\n";
  }

  /**
   * A new empty directory for a fixture. Tests use this instead of JUnit's {@code @TempDir}, which
   * warns about every link pointing outside it ({@code fd/0 -> /dev/null}) when it cleans up.
   */
  static Path newRoot() {
    try {
      return Files.createTempDirectory("gopm-procfs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a fixture directory without following its links. */
  static void delete(Path root) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  ProcessInspector inspector() {
    return inspector(ProcFiles.SYSTEM);
  }

  ProcessInspector inspector(ProcFiles files) {
    return new ProcessInspector(files, proc, passwd, group, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void write(String relative, String content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void link(String relative, String target) {
    try {
      Path link = root.resolve(relative);
      Files.createDirectories(link.getParent());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
