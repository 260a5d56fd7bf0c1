package io.gopm.cli.tui;

import io.gopm.protocol.model.StartRequest;

/** A request a key asks the daemon for; the controller sends it off the UI thread. */
sealed interface DaemonAction {

  /** The process it acts on (for {@link Start}: the name asked for, or the command). */
  String target();

  /** The verb shown while it runs and when it is done: {@code stop}, {@code restart}, ... */
  String verb();

  record Stop(String target) implements DaemonAction {
    @Override
    public String verb() {
      return "stop";
    }
  }

  record Restart(String target) implements DaemonAction {
    @Override
    public String verb() {
      return "restart";
    }
  }

  record Delete(String target) implements DaemonAction {
    @Override
    public String verb() {
      return "delete";
    }
  }

  record Flush(String target) implements DaemonAction {
    @Override
    public String verb() {
      return "flush";
    }
  }

  record Describe(String target) implements DaemonAction {
    @Override
    public String verb() {
      return "describe";
    }
  }

  record Start(StartRequest request) implements DaemonAction {
    @Override
    public String target() {
      return request.name() == null || request.name().isBlank() ? request.command() : request.name();
    }

    @Override
    public String verb() {
      return "start";
    }
  }
}
