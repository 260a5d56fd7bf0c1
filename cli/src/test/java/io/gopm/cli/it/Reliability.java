package io.gopm.cli.it;

import java.util.Locale;
import java.util.Random;

/**
 * The budget of the reliability tests, chosen by the system property {@code gopm.reliability}:
 * {@code short} (the default, what CI runs) or {@code long} (the hand-run long form). A fuzz test
 * draws its inputs from a seeded generator; the seed is printed, and {@code -Dgopm.fuzz.seed=N}
 * replays a run exactly.
 */
final class Reliability {

  private Reliability() {}

  /** True for the long form ({@code -Dgopm.reliability=long}). */
  static boolean longForm() {
    String form = System.getProperty("gopm.reliability", "short").strip().toLowerCase(Locale.ROOT);
    if (!form.equals("short") && !form.equals("long") && !form.isEmpty()) {
      throw new IllegalArgumentException("gopm.reliability must be short or long, not \"" + form + "\"");
    }
    return form.equals("long");
  }

  /** {@code shortForm} frames in CI, {@code longForm} with {@code -Dgopm.reliability=long}. */
  static int frames(int shortForm, int longForm) {
    return longForm() ? longForm : shortForm;
  }

  /** The seed of this run ({@code -Dgopm.fuzz.seed} or a fresh one), printed for replay. */
  static long seed(String test) {
    String given = System.getProperty("gopm.fuzz.seed", "").strip();
    long seed = given.isEmpty() ? new Random().nextLong() : Long.parseLong(given);
    System.out.println("[" + test + "] seed=" + seed + " form=" + (longForm() ? "long" : "short")
        + " (replay: -Dgopm.fuzz.seed=" + seed + ")");
    return seed;
  }
}
