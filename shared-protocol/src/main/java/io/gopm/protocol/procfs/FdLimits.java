package io.gopm.protocol.procfs;

/**
 * The {@code Max open files} line of {@code /proc/<pid>/limits}.
 *
 * @param soft the soft limit; 0 when unlimited or unknown
 * @param hard the hard limit; 0 when unlimited or unknown
 */
record FdLimits(long soft, long hard) {

  /** The limits in a {@code limits} file (4th and 5th fields of the line); zero when absent. */
  static FdLimits parse(String limits) {
    for (String line : limits.split("\n")) {
      if (line.startsWith("Max open files")) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length >= 5) {
          return new FdLimits(value(fields[3]), value(fields[4]));
        }
      }
    }
    return new FdLimits(0, 0);
  }

  private static long value(String field) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      return 0; // "unlimited"
    }
  }
}
