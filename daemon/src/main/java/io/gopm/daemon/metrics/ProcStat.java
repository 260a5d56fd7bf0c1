package io.gopm.daemon.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code /proc/<pid>} says about a process: CPU ticks (user + system), start time (in ticks
 * since boot, which with the PID identifies a process across PID reuse), state and resident memory.
 *
 * @param state the one-letter state ({@code R}, {@code S}, {@code Z}...)
 * @param cpuTicks utime + stime, in clock ticks
 * @param startTicks start time after boot, in clock ticks
 * @param rssBytes resident set size (VmRSS)
 */
public record ProcStat(char state, long cpuTicks, long startTicks, long rssBytes) {

  /** Clock ticks per second: 100 on every mainstream Linux (USER_HZ). */
  public static final int CLOCK_TICKS = 100;

  /** Reads the process, or throws when it is gone. */
  public static ProcStat read(Path proc, int pid) throws IOException {
    Path dir = proc.resolve(Integer.toString(pid));
    String stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
    String status = Files.readString(dir.resolve("status"), StandardCharsets.US_ASCII);
    return parse(stat, status);
  }

  /** Parses the contents of {@code stat} and {@code status}. */
  static ProcStat parse(String stat, String status) throws IOException {
    int close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 > stat.length()) {
      throw new IOException("unexpected /proc stat format");
    }
    String[] fields = stat.substring(close + 2).trim().split(" ");
    if (fields.length < 20 || fields[0].isEmpty()) {
      throw new IOException("unexpected /proc stat format");
    }
    try {
      // fields[0] is field 3 (state); utime is field 14, stime 15, starttime 22
      char state = fields[0].charAt(0);
      long utime = Long.parseLong(fields[11]);
      long stime = Long.parseLong(fields[12]);
      long start = Long.parseLong(fields[19]);
      return new ProcStat(state, utime + stime, start, vmRss(status));
    } catch (NumberFormatException e) {
      throw new IOException("unexpected /proc stat format: " + e.getMessage());
    }
  }

  private static long vmRss(String status) {
    int at = status.indexOf("VmRSS:");
    if (at < 0) {
      return 0; // a zombie has no memory lines
    }
    int end = status.indexOf('\n', at);
    String value = status.substring(at + 6, end < 0 ? status.length() : end).trim();
    int space = value.indexOf(' ');
    return Long.parseLong(space < 0 ? value : value.substring(0, space)) * 1024;
  }
}
