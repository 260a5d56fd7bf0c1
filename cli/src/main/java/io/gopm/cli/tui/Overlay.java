package io.gopm.cli.tui;

import io.gopm.protocol.model.ProcessInfo;

/** What is open over the panes and takes the keys first. */
sealed interface Overlay {

  /** Nothing: keys go to the focused pane. */
  record None() implements Overlay {}

  /**
   * The detail box of one process ({@code Enter}); refreshed with every new process list.
   *
   * @param first the first row shown, when the box is scrolled (the arrow keys move it)
   */
  record Detail(ProcessInfo process, int first) implements Overlay {
    Detail(ProcessInfo process) {
      this(process, 0);
    }
  }

  /** The {@code s} prompt: a command line being typed, and why the last one was refused. */
  record StartPrompt(String text, String error) implements Overlay {}

  /** The {@code /} prompt: the filter is being typed (it applies as it is typed). */
  record FilterPrompt() implements Overlay {}

  /** {@code d} asked {@code Delete <name>? [y/N]}. */
  record ConfirmDelete(String name) implements Overlay {}

  Overlay NONE = new None();
}
