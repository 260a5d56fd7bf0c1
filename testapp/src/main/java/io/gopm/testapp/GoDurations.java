package io.gopm.testapp;

import java.time.Duration;

/**
 * Parses and formats durations in Go's {@code time.Duration} syntax, without regular
 * expressions and without depending on any other module.
 *
 * <p>Syntax accepted by {@link #parse(String)}: an optional sign, then one or more
 * {@code <number><unit>} groups, where a number is decimal digits with an optional fraction
 * ({@code 1}, {@code 1.5}, {@code .5}, {@code 1.}) and the unit is one of {@code ns},
 * {@code us}, {@code µs} (micro sign or Greek mu), {@code ms}, {@code s}, {@code m} or
 * {@code h}; a bare {@code 0} is also allowed. Examples: {@code 300ms}, {@code 1.5h},
 * {@code 2h45m30s}, {@code -1s}. Like Go, the value must fit in a signed 64-bit count of
 * nanoseconds (about 292 years).
 *
 * <p>{@link #format(Duration)} produces exactly what Go's {@code Duration.String()} produces:
 * {@code 0s}, {@code 1.5µs}, {@code 300ms}, {@code 1m30s}, {@code 1h0m0s}.
 */
final class GoDurations {

    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private GoDurations() {
    }

    /**
     * Parses a Go duration.
     *
     * @param text the text, e.g. {@code 1h2m3.5s}
     * @return the duration
     * @throws IllegalArgumentException with a message quoting {@code text} if it is not a valid
     *     Go duration or does not fit in 64-bit nanoseconds
     */
    static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /**
     * Parses a Go duration into nanoseconds.
     *
     * @param text the text, e.g. {@code 300ms}
     * @return the number of nanoseconds
     * @throws IllegalArgumentException if {@code text} is not a valid Go duration
     */
    static long parseNanos(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid duration: null");
        }
        String s = text;
        int i = 0;
        int n = s.length();
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (n - i == 1 && s.charAt(i) == '0') {
            return 0;
        }
        if (i == n) {
            throw invalid("invalid duration ", text);
        }
        long total = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!(c == '.' || (c >= '0' && c <= '9'))) {
                throw invalid("invalid duration ", text);
            }
            // integer part
            long value = 0;
            int start = i;
            while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
                if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    throw invalid("invalid duration (overflow) ", text);
                }
                value = value * 10 + (c - '0');
                i++;
            }
            boolean digitsBefore = i > start;
            // fraction part
            long fraction = 0;
            double scale = 1;
            boolean digitsAfter = false;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
                    if (!overflow) {
                        if (fraction > (Long.MAX_VALUE - (c - '0')) / 10) {
                            overflow = true; // keep consuming digits, ignore the rest (like Go)
                        } else {
                            fraction = fraction * 10 + (c - '0');
                            scale *= 10;
                        }
                    }
                    i++;
                }
                digitsAfter = i > fractionStart;
            }
            if (!digitsBefore && !digitsAfter) {
                throw invalid("invalid duration ", text);
            }
            // unit: everything up to the next digit or '.'
            int unitStart = i;
            while (i < n && (c = s.charAt(i)) != '.' && (c < '0' || c > '9')) {
                i++;
            }
            if (i == unitStart) {
                throw invalid("missing unit in duration ", text);
            }
            String unitText = s.substring(unitStart, i);
            long unit = unit(unitText);
            if (unit == 0) {
                throw new IllegalArgumentException(new StringBuilder("unknown unit ")
                        .append(quote(unitText)).append(" in duration ").append(quote(text)).toString());
            }
            if (value > Long.MAX_VALUE / unit) {
                throw invalid("invalid duration (overflow) ", text);
            }
            value *= unit;
            if (fraction > 0) {
                // a double keeps nanosecond accuracy for fractions of hours (Go does the same)
                value += (long) (fraction * (unit / scale));
                if (value < 0) {
                    throw invalid("invalid duration (overflow) ", text);
                }
            }
            total += value;
            if (total < 0) {
                throw invalid("invalid duration (overflow) ", text);
            }
        }
        return negative ? -total : total;
    }

    private static long unit(String unit) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
            case "\u00b5s": // micro sign
            case "\u03bcs": // Greek small letter mu
                return MICROSECOND;
            case "ms":
                return MILLISECOND;
            case "s":
                return SECOND;
            case "m":
                return MINUTE;
            case "h":
                return HOUR;
            default:
                return 0;
        }
    }

    private static IllegalArgumentException invalid(String what, String text) {
        return new IllegalArgumentException(what.concat(quote(text)));
    }

    private static String quote(String text) {
        return new StringBuilder(text.length() + 2).append('"').append(text).append('"').toString();
    }

    /**
     * Formats a duration like Go's {@code Duration.String()}.
     *
     * @param duration the duration; it must fit in 64-bit nanoseconds
     * @return e.g. {@code 1h2m3.5s}, {@code 300ms}, {@code 1.5µs}, {@code 0s}
     */
    static String format(Duration duration) {
        return format(duration.toNanos());
    }

    /**
     * Formats a number of nanoseconds like Go's {@code Duration.String()}.
     *
     * @param nanos the nanoseconds
     * @return e.g. {@code 2m30s}
     */
    static String format(long nanos) {
        char[] buf = new char[32];
        int w = buf.length;
        boolean negative = nanos < 0;
        long u = negative ? -nanos : nanos; // read as unsigned: Long.MIN_VALUE stays 2^63
        if (Long.compareUnsigned(u, SECOND) < 0) {
            int precision;
            buf[--w] = 's';
            w--;
            if (u == 0) {
                buf[w] = '0';
                return new String(buf, w, buf.length - w);
            } else if (u < MICROSECOND) {
                precision = 0;
                buf[w] = 'n';
            } else if (u < MILLISECOND) {
                precision = 3;
                buf[w] = '\u00b5';
            } else {
                precision = 6;
                buf[w] = 'm';
            }
            long[] state = {u};
            w = formatFraction(buf, w, state, precision);
            w = formatInt(buf, w, state[0]);
        } else {
            buf[--w] = 's';
            long[] state = {u};
            w = formatFraction(buf, w, state, 9);
            u = state[0];
            w = formatInt(buf, w, Long.remainderUnsigned(u, 60));
            u = Long.divideUnsigned(u, 60);
            if (u > 0) {
                buf[--w] = 'm';
                w = formatInt(buf, w, u % 60);
                u /= 60;
                if (u > 0) {
                    buf[--w] = 'h';
                    w = formatInt(buf, w, u);
                }
            }
        }
        if (negative) {
            buf[--w] = '-';
        }
        return new String(buf, w, buf.length - w);
    }

    /**
     * Writes the fraction of {@code state[0] / 10^precision} (e.g. {@code .12345}) before
     * position {@code w}, omitting trailing zeros, and omitting the point when the fraction is
     * zero; leaves the integer quotient in {@code state[0]}.
     */
    private static int formatFraction(char[] buf, int w, long[] state, int precision) {
        long v = state[0];
        boolean print = false;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                buf[--w] = (char) ('0' + digit);
            }
            v = Long.divideUnsigned(v, 10);
        }
        if (print) {
            buf[--w] = '.';
        }
        state[0] = v;
        return w;
    }

    /** Writes the unsigned decimal {@code v} before position {@code w}. */
    private static int formatInt(char[] buf, int w, long v) {
        if (v == 0) {
            buf[--w] = '0';
            return w;
        }
        while (v != 0) {
            buf[--w] = (char) ('0' + Long.remainderUnsigned(v, 10));
            v = Long.divideUnsigned(v, 10);
        }
        return w;
    }
}
