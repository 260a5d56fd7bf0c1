package io.gopm.cli.tui;

/** The two panes that can have the keyboard focus. */
enum Pane {
  PROCESSES,
  LOGS
}
