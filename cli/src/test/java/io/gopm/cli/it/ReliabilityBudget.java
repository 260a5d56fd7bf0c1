package io.gopm.cli.it;

/**
 * How much the {@code *ReliabilityIT} tests do: {@code short} (the default, CI's) or {@code long}
 * ({@code -Dgopm.reliability=long}, run by hand; see docs/reliability.md).
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
}
