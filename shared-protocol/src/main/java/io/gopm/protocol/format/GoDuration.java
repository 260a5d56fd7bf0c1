package io.gopm.protocol.format;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations in Go's syntax, the format GoPM uses on the command line, in ecosystem files, in JSON
 * and in {@code [gopm]} action lines: {@code 500ms}, {@code 5s}, {@code 1m30s}, {@code 1h0m0s}.
 *
 * <p>Parsing accepts an optional sign followed by one or more {@code <number><unit>} groups, where
 * numbers may carry a decimal fraction and the units are {@code ns us µs μs ms s m h}; the bare
 * string {@code 0} is accepted. Formatting reproduces Go's {@code time.Duration.String()} exactly.
 */
public final class GoDuration {

  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  private GoDuration() {}

  /**
   * Parses a Go duration string.
   *
   * @throws IllegalArgumentException with Go's message, for example {@code time: missing unit in
   *     duration "5"}
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("time: invalid duration \"\"");
    }
    String quoted = "\"" + text + "\"";
    int i = 0;
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (text.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    if (i == text.length()) {
      throw new IllegalArgumentException("time: invalid duration " + quoted);
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    while (i < text.length()) {
      int numberStart = i;
      while (i < text.length() && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      String number = text.substring(numberStart, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("time: invalid duration " + quoted);
      }
      int unitStart = i;
      while (i < text.length() && !isAsciiDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration " + quoted);
      }
      long unitNanos = unitNanos(unit);
      if (unitNanos < 0) {
        throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration " + quoted);
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos)));
    }
    BigDecimal signed = negative ? totalNanos.negate() : totalNanos;
    if (signed.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || signed.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw new IllegalArgumentException("time: invalid duration " + quoted);
    }
    return Duration.ofNanos(signed.longValue());
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1;
      case "us":
      case "µs": // U+00B5 micro sign
      case "μs": // U+03BC Greek small letter mu
        return NANOS_PER_MICRO;
      case "ms":
        return NANOS_PER_MILLI;
      case "s":
        return NANOS_PER_SECOND;
      case "m":
        return NANOS_PER_MINUTE;
      case "h":
        return NANOS_PER_HOUR;
      default:
        return -1;
    }
  }

  /** Formats like Go's {@code Duration.String()}: {@code 0s}, {@code 300ms}, {@code 1m0s}. */
  public static String format(Duration duration) {
    long nanos = saturatedNanos(duration);
    if (nanos == 0) {
      return "0s";
    }
    // Long.MIN_VALUE has no positive counterpart; work on the unsigned magnitude.
    boolean negative = nanos < 0;
    String magnitude =
        negative ? formatMagnitude(Long.toUnsignedString(-nanos)) : formatMagnitude(Long.toString(nanos));
    return negative ? "-" + magnitude : magnitude;
  }

  private static String formatMagnitude(String unsignedNanos) {
    BigDecimal nanos = new BigDecimal(unsignedNanos);
    if (nanos.compareTo(BigDecimal.valueOf(NANOS_PER_SECOND)) < 0) {
      long value = nanos.longValue();
      if (value < NANOS_PER_MICRO) {
        return value + "ns";
      }
      if (value < NANOS_PER_MILLI) {
        return fraction(value, NANOS_PER_MICRO) + "µs";
      }
      return fraction(value, NANOS_PER_MILLI) + "ms";
    }
    // the magnitude can be 2^63 (from Long.MIN_VALUE), so split it without a signed long
    BigDecimal[] hoursAndRest = nanos.divideAndRemainder(BigDecimal.valueOf(NANOS_PER_HOUR));
    long hours = hoursAndRest[0].longValue();
    long rest = hoursAndRest[1].longValue();
    long minutes = rest / NANOS_PER_MINUTE;
    long secondNanos = rest % NANOS_PER_MINUTE;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(fraction(secondNanos, NANOS_PER_SECOND)).append('s');
    return out.toString();
  }

  /** {@code value / unit} with the fraction's trailing zeros trimmed, as Go prints it. */
  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long rest = value % unit;
    if (rest == 0) {
      return Long.toString(whole);
    }
    int digits = Long.toString(unit).length() - 1;
    String frac = String.format("%0" + digits + "d", rest);
    int end = frac.length();
    while (end > 0 && frac.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + frac.substring(0, end);
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
