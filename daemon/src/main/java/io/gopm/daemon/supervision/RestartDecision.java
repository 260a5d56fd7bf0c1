package io.gopm.daemon.supervision;

import java.time.Duration;

/** What happens after a process exits on its own: the outcome of {@link RestartDecider}. */
public sealed interface RestartDecision
    permits RestartDecision.Restart, RestartDecision.Stop, RestartDecision.GiveUp {

  /**
   * Start it again after {@code delay}.
   *
   * @param counterBefore the restart counter after a possible min-uptime reset, before this restart
   * @param counterReset true when the run lasted at least min_uptime and the counter was reset
   * @param actionLine the {@code [gopm]} line to write, without the prefix
   */
  record Restart(Duration delay, int counterBefore, boolean counterReset, String actionLine)
      implements RestartDecision {}

  /**
   * Leave it stopped.
   *
   * @param reason the status reason
   * @param actionLine the {@code [gopm]} line to write, without the prefix
   */
  record Stop(String reason, String actionLine) implements RestartDecision {}

  /**
   * Give up: mark it errored.
   *
   * @param counter the restart counter to keep (after a possible reset)
   */
  record GiveUp(String reason, String actionLine, int counter) implements RestartDecision {}
}
