package io.gopm.protocol.procfs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built by hand, shaped like the example of the {@code gopm pid} specification. */
final class SampleReports {

  static final Instant STARTED = Instant.parse("2026-02-05T01:30:35Z");

  private SampleReports() {}

  /** {@code sleep 1000} under a GoPM daemon, managed as {@code n1}. */
  static ProcessReport sleep() {
    return sleep(
        List.of(
            new FdEntry(0, "/dev", "r", "/dev/null", 0),
            new FdEntry(1, "pipe", "w", "pipe:[27598]", 0),
            new FdEntry(2, "pipe", "w", "pipe:[27599]", 0)),
        Map.of("HOME", "/home/deploy", "LANG", "C.UTF-8"),
        List.of());
  }

  static ProcessReport sleep(List<FdEntry> fds, Map<String, String> env, List<String> unreadable) {
    return new ProcessReport(
        23076,
        identity(),
        new ProcessResources(0, 0, 0, 3_040_870, 1_887_437, 0, 3_040_870, 1_782_579, 5, 20000, 20000, 1, 0),
        List.of(
            new ProcessTreeNode(23076, 22468, "/usr/bin/sleep", "/bin/sleep 1000", "deploy", STARTED, "15s"),
            new ProcessTreeNode(
                22468, 1, "/usr/local/bin/gopm", "/usr/local/bin/gopm --daemon", "deploy", STARTED.minusSeconds(15), "30s"),
            new ProcessTreeNode(1, 0, "/sbin/init", "/sbin/init", "root", STARTED.minusSeconds(645), "11m")),
        fds,
        List.of(
            new ProcessSocket("TCP", "127.0.0.1:18999", "0.0.0.0:0", "LISTEN", 3, 98765),
            new ProcessSocket("UNIX", "/home/deploy/.gopm/gopm.sock", "", "CONNECTED", null, 4567)),
        env,
        new CgroupInfo("0::/system.slice/gopm.service", 666, 0, 0, 0, "000001fffeffffff"),
        GopmInfo.managed("n1", 4, 0, "always", "/home/deploy/.gopm/logs/n1-out.log", "/home/deploy/.gopm/logs/n1-err.log"),
        unreadable);
  }

  static ProcessIdentity identity() {
    return new ProcessIdentity(
        "sleep", "S", "sleeping", List.of("/bin/sleep", "1000"), "/usr/bin/sleep", true, "/srv", "/",
        STARTED, "15s", 1001, "deploy", 1001, "deploy", 22468, "(none)", 0, 1);
  }

  /** {@code count} regular files on descriptors 0, 1, 2... */
  static List<FdEntry> files(int count) {
    List<FdEntry> fds = new ArrayList<>();
    for (int fd = 0; fd < count; fd++) {
      fds.add(new FdEntry(fd, "regular", "r", "/data/file" + fd, 0));
    }
    return fds;
  }

  /** {@code count} variables {@code VAR_00=value00}... */
  static Map<String, String> variables(int count) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      env.put(String.format("VAR_%02d", i), String.format("value%02d", i));
    }
    return env;
  }
}
