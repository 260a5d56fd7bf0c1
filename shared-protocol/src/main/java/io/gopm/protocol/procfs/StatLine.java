package io.gopm.protocol.procfs;

import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} that {@code gopm pid} uses, numbered as in proc(5): 3
 * state, 4 ppid, 6 session, 7 tty_nr, 14 utime, 15 stime, 19 nice, 22 starttime. The command name
 * (field 2) may hold spaces and parentheses, so the fields after it are counted from the last
 * {@code )}.
 *
 * @param utimeTicks user CPU time in clock ticks
 * @param stimeTicks system CPU time in clock ticks
 * @param startTicks the start time in clock ticks after boot
 */
record StatLine(
    String comm, String state, long ppid, long session, long ttyNr, long utimeTicks, long stimeTicks, int nice, long startTicks) {

  /** The parsed line, or empty when it is not a stat line. */
  static Optional<StatLine> parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    String[] fields = line.substring(close + 1).trim().split("\\s+");
    if (fields.length < 20) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new StatLine(
              line.substring(open + 1, close),
              fields[field(3)],
              Long.parseLong(fields[field(4)]),
              Long.parseLong(fields[field(6)]),
              Long.parseLong(fields[field(7)]),
              Long.parseLong(fields[field(14)]),
              Long.parseLong(fields[field(15)]),
              Integer.parseInt(fields[field(19)]),
              Long.parseLong(fields[field(22)])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The index after the command name of field {@code number}. */
  private static int field(int number) {
    return number - 3;
  }
}
