package io.gopm.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Counts processes by reading {@code /proc}, as a person would with {@code ps}: the tests mark the
 * processes they start with a unique argument and look for it afterwards, so what they count is
 * what really runs, whatever GoPM believes.
 */
final class ProcessCensus {

  private ProcessCensus() {}

  /**
   * One live (not zombie) process.
   *
   * @param argv its arguments, from {@code /proc/PID/cmdline}
   */
  record Entry(long pid, long pgid, List<String> argv) {

    /** True when one of its arguments contains {@code marker}. */
    boolean carries(String marker) {
      return argv.stream().anyMatch(arg -> arg.contains(marker));
    }
  }

  /** Every live process whose command line has an argument containing {@code marker}. */
  static List<Entry> carrying(String marker) {
    return all().stream().filter(entry -> entry.carries(marker)).toList();
  }

  /** Every live process that can be read. */
  static List<Entry> all() {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          if (fields[0].equals("Z")) {
            continue;
          }
          byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
          List<String> argv = List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
          entries.add(new Entry(Long.parseLong(name), Long.parseLong(fields[2]), argv));
        } catch (IOException | RuntimeException gone) {
          // the process ended while being read
        }
      }
    } catch (IOException e) {
      throw new AssertionError("cannot list /proc", e);
    }
    return entries;
  }

  /** The number of open file descriptors of {@code pid}. */
  static int openFiles(long pid) {
    return count(Path.of("/proc", Long.toString(pid), "fd"));
  }

  /** The number of threads of {@code pid}. */
  static int threads(long pid) {
    return count(Path.of("/proc", Long.toString(pid), "task"));
  }

  private static int count(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return (int) entries.count();
    } catch (IOException e) {
      throw new AssertionError("cannot list " + dir, e);
    }
  }

  /**
   * A shell script for {@code sh -c} that runs as a leader carrying {@code $0} (the marker) and
   * forks a grandchild shell carrying {@code $0-grandchild}, which ignores SIGTERM, then waits: a
   * managed process with a descendant in its process group that only SIGKILL ends.
   */
  static final String LEADER_WITH_GRANDCHILD =
      "sh -c 'trap \"\" TERM; while :; do sleep 1; done' \"$0-grandchild\" & wait";

  /** The shells carrying {@code marker} (leaders and grandchildren of {@link #LEADER_WITH_GRANDCHILD}). */
  static List<Entry> shells(String marker) {
    return carrying(marker).stream().filter(entry -> entry.argv().get(0).endsWith("sh")).toList();
  }
}
