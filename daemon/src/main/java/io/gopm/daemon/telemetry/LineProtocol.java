package io.gopm.daemon.telemetry;

import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The InfluxDB line protocol of GoPM's telemetry: one line per process and one {@code
 * <measurement>_daemon} line, as {@code docs/telemetry.md} shows. Pure formatting: no I/O, no
 * clock of its own.
 *
 * <p>Escaping follows the InfluxDB 1.x rules, chosen so that InfluxDB 1.x, Telegraf and InfluxDB
 * 2.x all split a line at the same places: a space and a comma get a backslash (and an equals sign
 * too in tag keys and values); a backslash is kept as it is, except where it would end a name or
 * stand before one of those characters (there no parser reads it back the same way, so it is left
 * out); tab, newline, carriage return and form feed become {@code \t}, {@code \n}, {@code \r},
 * {@code \f} (as Telegraf writes them) and other control characters are left out. A measurement
 * starting with {@code #} gets a backslash in front, or every line would be a comment.
 */
public final class LineProtocol {

  /** What an empty measurement becomes. */
  static final String DEFAULT_MEASUREMENT = "gopm";

  /** The {@code host} tag when the host name is unknown or empty. */
  static final String UNKNOWN_HOST = "unknown";

  private final String measurement;
  private final String daemonMeasurement;
  private final String host;
  private final Instant daemonStart;

  /**
   * @param measurement the measurement of the process lines, as configured (escaped here); the
   *     daemon line uses {@code <measurement>_daemon}
   * @param host the {@code host} tag of the daemon line (escaped here)
   * @param daemonStart when the daemon started, for {@code daemon_uptime}
   */
  public LineProtocol(String measurement, String host, Instant daemonStart) {
    String escaped = escapeMeasurement(measurement == null ? "" : measurement);
    this.measurement = escaped.isEmpty() ? DEFAULT_MEASUREMENT : escaped;
    this.daemonMeasurement = this.measurement + "_daemon";
    String escapedHost = escapeTag(host == null ? "" : host);
    this.host = escapedHost.isEmpty() ? UNKNOWN_HOST : escapedHost;
    this.daemonStart = daemonStart;
  }

  /**
   * The lines of one emission, without line ends: the processes in ID order, then the daemon line;
   * all with the timestamp {@code now}.
   */
  public List<String> lines(List<ProcessInfo> processes, Instant now) {
    long timestamp = nanos(now);
    List<String> lines = new ArrayList<>(processes.size() + 1);
    processes.stream()
        .sorted(Comparator.comparingInt(ProcessInfo::id))
        .forEach(process -> lines.add(processLine(process, now, timestamp)));
    lines.add(daemonLine(processes, now, timestamp));
    return lines;
  }

  String processLine(ProcessInfo process, Instant now, long timestamp) {
    StringBuilder line = new StringBuilder(160);
    line.append(measurement)
        .append(",name=").append(escapeTag(process.name()))
        .append(",id=").append(process.id())
        .append(",status=").append(escapeTag(process.status().wireName()))
        .append(' ');
    if (process.status() == ProcessStatus.ONLINE) {
      line.append("pid=").append(process.pid()).append('i')
          .append(",cpu=").append(decimal(process.cpu()))
          .append(",memory=").append(process.memory()).append('i')
          .append(",restarts=").append(process.restarts()).append('i')
          .append(",uptime=").append(secondsSince(process.uptime(), now)).append('i');
    } else {
      line.append("restarts=").append(process.restarts()).append('i');
    }
    return line.append(' ').append(timestamp).toString();
  }

  String daemonLine(List<ProcessInfo> processes, Instant now, long timestamp) {
    long online = processes.stream().filter(p -> p.status() == ProcessStatus.ONLINE).count();
    long stopped = processes.stream().filter(p -> p.status() == ProcessStatus.STOPPED).count();
    long errored = processes.stream().filter(p -> p.status() == ProcessStatus.ERRORED).count();
    return daemonMeasurement
        + ",host=" + host
        + " processes_total=" + processes.size() + "i"
        + ",processes_online=" + online + "i"
        + ",processes_stopped=" + stopped + "i"
        + ",processes_errored=" + errored + "i"
        + ",daemon_uptime=" + secondsSince(daemonStart, now) + "i"
        + " " + timestamp;
  }

  /** Nanoseconds since the Unix epoch. */
  static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  /** A float field with exactly six decimals ({@code 1.200000}); 0 for NaN, infinities and -0. */
  static String decimal(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return "0.000000";
    }
    // what String.format("%.6f") prints, at a fraction of its cost (300 processes every 2 s)
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  /** Whole seconds from {@code start} to {@code now}; 0 when unknown or in the future. */
  static long secondsSince(Instant start, Instant now) {
    if (start == null || start.equals(Timestamps.NEVER) || start.isAfter(now)) {
      return 0;
    }
    return Duration.between(start, now).getSeconds();
  }

  /** A measurement name: space and comma escaped, a leading {@code #} too. */
  static String escapeMeasurement(String name) {
    String escaped = escape(name, " ,");
    return escaped.startsWith("#") ? "\\" + escaped : escaped;
  }

  /** A tag key or value: space, comma and equals sign escaped. */
  static String escapeTag(String text) {
    return escape(text, " ,=");
  }

  private static String escape(String raw, String special) {
    String text = withoutUnprintable(raw);
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        int end = i;
        while (end < text.length() && text.charAt(end) == '\\') {
          end++;
        }
        boolean ambiguous = end == text.length() || special.indexOf(text.charAt(end)) >= 0;
        if (!ambiguous) {
          out.append(text, i, end);
        }
        i = end;
        continue;
      }
      if (special.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\f') {
        out.append("\\f");
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** The text without control characters other than tab, newline, carriage return, form feed. */
  private static String withoutUnprintable(String text) {
    StringBuilder kept = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unprintable = Character.isISOControl(c) && "\t\n\r\f".indexOf(c) < 0;
      if (unprintable && kept == null) {
        kept = new StringBuilder(text.substring(0, i));
      } else if (!unprintable && kept != null) {
        kept.append(c);
      }
    }
    return kept == null ? text : kept.toString();
  }
}
