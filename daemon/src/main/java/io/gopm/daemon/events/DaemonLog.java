package io.gopm.daemon.events;

import io.gopm.protocol.format.Timestamps;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * {@code daemon.log}: one line per daemon event, {@code time=... level=... msg=... key=value ...}
 * (values quoted when they contain spaces, quotes or {@code =}), the format {@code gopm logs -d}
 * colours. Thread-safe; appends, and a failing disk never stops the daemon.
 */
public final class DaemonLog implements Closeable {

  /** Severity of an event. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss.SSS")
          .appendOffset("+HH:MM", "Z")
          .toFormatter();

  private final OutputStream out;
  private final Clock clock;
  private final ZoneId zone;
  private final boolean debug;

  DaemonLog(OutputStream out, Clock clock, ZoneId zone, boolean debug) {
    this.out = out;
    this.clock = clock;
    this.zone = zone;
    this.debug = debug;
  }

  /** Opens {@code file} for appending (mode 0600). */
  public static DaemonLog open(Path file, boolean debug) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return new DaemonLog(new FileOutputStream(file.toFile(), true), Clock.systemDefaultZone(), Timestamps.localZone(), debug);
  }

  public void debug(String message, Object... keyValues) {
    if (debug) {
      write(Level.DEBUG, message, keyValues);
    }
  }

  public void info(String message, Object... keyValues) {
    write(Level.INFO, message, keyValues);
  }

  public void warn(String message, Object... keyValues) {
    write(Level.WARN, message, keyValues);
  }

  public void error(String message, Object... keyValues) {
    write(Level.ERROR, message, keyValues);
  }

  /** An unexpected fault: the message, then the stack trace on following lines. */
  public void fault(String message, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    write(Level.ERROR, message, new Object[] {"error", String.valueOf(error)});
    append(trace.toString());
  }

  public boolean debugEnabled() {
    return debug;
  }

  private void write(Level level, String message, Object[] keyValues) {
    StringBuilder line = new StringBuilder(128);
    line.append("time=").append(TIME.format(clock.instant().atZone(zone)));
    line.append(" level=").append(level);
    line.append(" msg=").append(quote(message));
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.append(' ').append(keyValues[i]).append('=').append(quote(String.valueOf(keyValues[i + 1])));
    }
    line.append('\n');
    append(line.toString());
  }

  private synchronized void append(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException ignored) {
      // the daemon keeps running when its own log cannot be written
    }
  }

  static String quote(String value) {
    boolean needsQuotes = value.isEmpty();
    for (int i = 0; i < value.length() && !needsQuotes; i++) {
      char c = value.charAt(i);
      needsQuotes = c == ' ' || c == '"' || c == '=' || c < 0x20;
    }
    if (!needsQuotes) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          quoted.append("\\\"");
          break;
        case '\\':
          quoted.append("\\\\");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\r':
          quoted.append("\\r");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
      }
    }
    return quoted.append('"').toString();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
