package io.gopm.protocol.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Timestamps as GoPM writes them: RFC 3339 with up to nine fractional digits in the daemon's zone
 * for JSON ({@code 2026-02-05T15:39:14.739123456-05:00}, {@code Z} in UTC), and with milliseconds
 * at the start of every captured log line.
 */
public final class Timestamps {

  /** Go's zero time, written for a time that was never set. */
  public static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

  private static final DateTimeFormatter RFC3339_NANOS =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .appendOffset("+HH:MM", "Z")
          .toFormatter();

  private static final DateTimeFormatter LOG_LINE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss.SSS")
          .appendOffset("+HH:MM", "Z")
          .toFormatter();

  private Timestamps() {}

  /** RFC 3339 with trimmed nanoseconds in the given zone; {@link #NEVER} stays in UTC. */
  public static String rfc3339(Instant instant, ZoneId zone) {
    if (instant.equals(NEVER)) {
      return "0001-01-01T00:00:00Z";
    }
    return RFC3339_NANOS.format(instant.atZone(zone));
  }

  /** Parses an RFC 3339 timestamp with any offset. */
  public static Instant parseRfc3339(String text) {
    try {
      return OffsetDateTime.parse(text, RFC3339_NANOS).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  /** The prefix of a captured log line: {@code 2026-02-05T15:39:14.739-05:00}. */
  public static String logLine(Instant instant, ZoneId zone) {
    return LOG_LINE.format(instant.atZone(zone));
  }

  /** True for text that starts like a log-line timestamp ({@code YYYY-MM-DDTHH:MM:SS}). */
  public static boolean looksLikeTimestamp(String token) {
    return token.length() >= 19
        && token.charAt(4) == '-'
        && token.charAt(7) == '-'
        && token.charAt(10) == 'T'
        && token.charAt(13) == ':'
        && Character.isDigit(token.charAt(0));
  }

  /** The zone used for output: the system default, or UTC when it cannot be determined. */
  public static ZoneId localZone() {
    try {
      return ZoneId.systemDefault();
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
