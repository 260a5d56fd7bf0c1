package io.gopm.console;

import io.gopm.console.task.TaskRunner;

/** Runs UI work at once on the calling thread: view-model tests need no toolkit. */
public final class ImmediateTaskRunner implements TaskRunner {
  @Override
  public void ui(Runnable action) {
    action.run();
  }
}
