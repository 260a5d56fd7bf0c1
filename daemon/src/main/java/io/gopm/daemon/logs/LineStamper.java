package io.gopm.daemon.logs;

import io.gopm.protocol.format.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Formats the timestamp that starts every captured line ({@code 2026-02-05T15:39:14.739-05:00 }),
 * reusing the bytes while the millisecond has not changed. Not thread-safe: one per writer of
 * lines.
 */
final class LineStamper {

  private final Clock clock;
  private final ZoneId zone;
  private long cachedMillis = Long.MIN_VALUE;
  private byte[] cached;

  LineStamper(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** The prefix for a line completed now, including the separating space. */
  byte[] prefix() {
    long now = clock.millis();
    if (now != cachedMillis) {
      cachedMillis = now;
      cached = (Timestamps.logLine(java.time.Instant.ofEpochMilli(now), zone) + " ").getBytes(StandardCharsets.US_ASCII);
    }
    return cached;
  }
}
