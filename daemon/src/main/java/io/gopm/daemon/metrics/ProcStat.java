package io.gopm.daemon.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code /proc/<pid>} says about a process: CPU ticks (user + system), start time (in ticks
 * since boot, which with the PID identifies a process across PID reuse) and state from {@code
 * stat}, resident memory from {@code statm}.
 *
 * <p>The resident memory is field 2 of {@code statm}, in pages: the value the kernel prints as
 * {@code VmRSS} in {@code status}, which costs it three to four times as much to produce (all its
 * lines are formatted on every read; docs/adr/0023). Not field 24 of {@code stat}: recent kernels
 * (6.x) sum the per-CPU memory counters for {@code status} and {@code statm} but only estimate
 * them for {@code stat}, which can be off by hundreds of pages.
 *
 * @param state the one-letter state ({@code R}, {@code S}, {@code Z}...)
 * @param cpuTicks utime + stime, in clock ticks
 * @param startTicks start time after boot, in clock ticks
 * @param rssBytes resident set size (VmRSS), 0 for a zombie
 */
public record ProcStat(char state, long cpuTicks, long startTicks, long rssBytes) {

  /** Clock ticks per second: 100 on every mainstream Linux (USER_HZ). */
  public static final int CLOCK_TICKS = 100;

  /** The size of a memory page, from this process's auxiliary vector (4096 if unreadable). */
  static final long PAGE_SIZE = pageSize(Path.of("/proc/self/auxv"));

  private static final String MALFORMED = "unexpected /proc stat format";
  private static final int STATE = 3;
  private static final int UTIME = 14;
  private static final int STIME = 15;
  private static final int START_TIME = 22;
  /** {@code AT_PAGESZ} in {@code <elf.h>}. */
  private static final long AT_PAGESZ = 6;

  /** Reads the process, or throws when it is gone (for one-off reads; a sampler reuses a reader). */
  public static ProcStat read(Path proc, int pid) throws IOException {
    return new ProcStatReader(proc).read(pid);
  }

  /** Parses the contents of {@code stat} and {@code statm}. */
  static ProcStat parse(String stat, String statm) throws IOException {
    byte[] statBytes = stat.getBytes(StandardCharsets.ISO_8859_1);
    byte[] statmBytes = statm.getBytes(StandardCharsets.ISO_8859_1);
    return parse(statBytes, statBytes.length, residentPages(statmBytes, statmBytes.length) * PAGE_SIZE);
  }

  /**
   * Parses the first {@code length} bytes of a {@code stat} file; fields are counted after the last
   * {@code )}, since the command name may hold spaces and parentheses.
   */
  static ProcStat parse(byte[] stat, int length, long rssBytes) throws IOException {
    int close = length - 1;
    while (close >= 0 && stat[close] != ')') {
      close--;
    }
    int at = close + 2; // field 3 starts after ") "
    if (close < 0 || at >= length || stat[at] == ' ' || stat[at] == '\n') {
      throw new IOException(MALFORMED);
    }
    char state = (char) stat[at];
    long utime = 0;
    long stime = 0;
    long start = 0;
    int field = STATE;
    while (field < START_TIME) {
      at = skipField(stat, at, length);
      field++;
      if (field == UTIME) {
        utime = number(stat, at, length);
      } else if (field == STIME) {
        stime = number(stat, at, length);
      } else if (field == START_TIME) {
        start = number(stat, at, length);
      }
    }
    return new ProcStat(state, utime + stime, start, rssBytes);
  }

  /** Field 2 ({@code resident}) of the first {@code length} bytes of a {@code statm} file. */
  static long residentPages(byte[] statm, int length) throws IOException {
    long pages = number(statm, skipField(statm, 0, length), length);
    if (pages < 0) {
      throw new IOException("unexpected /proc statm format: negative resident pages");
    }
    return pages;
  }

  /** The index of the next field after the one at {@code at}, or {@code length} at the end. */
  private static int skipField(byte[] stat, int at, int length) {
    int next = at;
    while (next < length && stat[next] != ' ' && stat[next] != '\n') {
      next++;
    }
    if (next < length && stat[next] == ' ') {
      return next + 1;
    }
    return length;
  }

  private static long number(byte[] stat, int at, int length) throws IOException {
    if (at >= length) {
      throw new IOException(MALFORMED);
    }
    boolean negative = stat[at] == '-';
    int digit = negative ? at + 1 : at;
    long value = 0;
    int end = digit;
    while (end < length && stat[end] >= '0' && stat[end] <= '9') {
      value = value * 10 + (stat[end] - '0');
      end++;
    }
    if (end == digit || end - digit > 19 || (end < length && stat[end] != ' ' && stat[end] != '\n')) {
      throw new IOException(MALFORMED + ": field \"" + field(stat, at, length) + "\"");
    }
    return negative ? -value : value;
  }

  private static String field(byte[] stat, int at, int length) {
    int end = at;
    while (end < length && stat[end] != ' ' && stat[end] != '\n') {
      end++;
    }
    return new String(stat, at, end - at, StandardCharsets.ISO_8859_1);
  }

  /** {@code AT_PAGESZ} from an auxiliary vector file (pairs of native 64-bit words), else 4096. */
  static long pageSize(Path auxv) {
    try {
      ByteBuffer words = ByteBuffer.wrap(Files.readAllBytes(auxv)).order(ByteOrder.nativeOrder());
      while (words.remaining() >= 2 * Long.BYTES) {
        long type = words.getLong();
        long value = words.getLong();
        if (type == AT_PAGESZ && value > 0) {
          return value;
        }
      }
    } catch (IOException e) {
      // fall through: not Linux, or no /proc
    }
    return 4096;
  }
}
