package io.gopm.daemon.events;

import java.time.Duration;

/**
 * What the supervisor reports as processes change. Published on the supervisor thread; listeners
 * must return quickly and never block.
 */
public sealed interface ProcessEvent {

  /** The process name the event is about. */
  String name();

  record Started(String name, int id, int pid) implements ProcessEvent {}

  /** Stopped on request (stop, restart, delete, shutdown). */
  record Stopped(String name, int exitCode) implements ProcessEvent {}

  /** Exited on its own; a decision event follows. */
  record Exited(String name, int exitCode) implements ProcessEvent {}

  record CounterReset(String name, Duration runTime) implements ProcessEvent {}

  record Restarting(String name, Duration delay, int restartCount) implements ProcessEvent {}

  /** Left stopped after an exit: autorestart never, or a clean exit with on-failure. */
  record NotRestarted(String name, String reason) implements ProcessEvent {}

  record GaveUp(String name, int restarts, int maxRestarts) implements ProcessEvent {}

  record RestartFailed(String name, String error) implements ProcessEvent {}

  record Deleted(String name) implements ProcessEvent {}

  record Registered(String name, String status) implements ProcessEvent {}

  record ResurrectFailed(String name, String error) implements ProcessEvent {}

  record LogWriteFailed(String name) implements ProcessEvent {}
}
