package io.gopm.cli.it;

import java.util.Locale;
import java.util.Random;

/**
 * How much the {@code *ReliabilityIT} tests do: {@code short} (the default, CI's) or {@code long}
 * ({@code -Dgopm.reliability=long}, run by hand; see docs/reliability.md). A fuzz test draws its
 * inputs from a seeded generator; the seed is printed, and {@code -Dgopm.fuzz.seed=N} replays a run
 * exactly.
 */
enum ReliabilityBudget {
  SHORT,
  LONG;

  /** The budget chosen by the {@code gopm.reliability} system property. */
  static ReliabilityBudget current() {
    String value = System.getProperty("gopm.reliability", "short").strip();
    return switch (value) {
      case "", "short" -> SHORT;
      case "long" -> LONG;
      default -> throw new IllegalArgumentException(
          "gopm.reliability must be \"short\" or \"long\", got \"" + value + "\"");
    };
  }

  /** {@code shortValue} in the short form, {@code longValue} in the long one. */
  int pick(int shortValue, int longValue) {
    return this == SHORT ? shortValue : longValue;
  }

  /** The seed of this run ({@code -Dgopm.fuzz.seed} or a fresh one), printed for replay. */
  static long seed(String test) {
    String given = System.getProperty("gopm.fuzz.seed", "").strip();
    long seed = given.isEmpty() ? new Random().nextLong() : Long.parseLong(given);
    System.out.println("[" + test + "] seed=" + seed + " form=" + current().name().toLowerCase(Locale.ROOT)
        + " (replay: -Dgopm.fuzz.seed=" + seed + ")");
    return seed;
  }
}
