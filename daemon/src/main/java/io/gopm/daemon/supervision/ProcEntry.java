package io.gopm.daemon.supervision;

import java.util.Optional;

/**
 * What the leftover sweep needs of one {@code /proc/PID}: the fields of {@code stat} (numbered as
 * in proc(5): 3 state, 5 pgrp, 22 starttime) and the {@value RunMarker#VARIABLE} value of its
 * environment, if it has one.
 *
 * @param startTicks the start time, clock ticks after boot; with the PID it names one process
 * @param marker the {@value RunMarker#VARIABLE} value of its environment, empty when it has none
 *     or the environment cannot be read (another user's process)
 */
record ProcEntry(int pid, int pgid, long startTicks, boolean zombie, Optional<String> marker) {

  /** The state, pgrp and starttime fields of a {@code stat} line. */
  record Stat(char state, int pgid, long startTicks) {}

  /**
   * Parses a {@code /proc/PID/stat} line; empty when it is not one. The command name (field 2) may
   * hold spaces and parentheses, so the fields are counted from the last {@code )}.
   */
  static Optional<Stat> parseStat(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0 || close + 2 > line.length()) {
      return Optional.empty();
    }
    String[] fields = line.substring(close + 1).trim().split("\\s+");
    if (fields.length < 20 || fields[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      // fields[0] is field 3
      return Optional.of(new Stat(fields[0].charAt(0), Integer.parseInt(fields[2]), Long.parseLong(fields[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The value of {@code variable} in a NUL-separated {@code /proc/PID/environ}, if set. */
  static Optional<String> environmentValue(String environ, String variable) {
    String prefix = variable + "=";
    for (String entry : environ.split("\0")) {
      if (entry.startsWith(prefix)) {
        return Optional.of(entry.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }
}
