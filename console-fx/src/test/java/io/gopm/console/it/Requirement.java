package io.gopm.console.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine (a display toolkit, sshd): under CI ({@code CI=true})
 * its absence fails the test with the reason, on a workstation it skips the test with the reason.
 */
final class Requirement {

  private Requirement() {}

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails (CI) or skips (elsewhere) with {@code reason}. */
  static void missing(String reason) {
    if (underCi()) {
      Assertions.fail(reason + " (CI=true: required; .ci/run must install it)");
    }
    Assumptions.abort("skipped: " + reason);
  }
}
