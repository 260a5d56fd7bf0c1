package io.gopm.cli.tui;

/** What the log pane wants to follow: one process's stdout or stderr. */
record LogSubscription(String process, LogStream stream) {}
