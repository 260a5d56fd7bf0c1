package io.gopm.console.task;

import javafx.application.Platform;

/** The console's {@link TaskRunner}: the one place where work is handed to the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner {

  @Override
  public void ui(Runnable action) {
    Platform.runLater(action);
  }

  /** True on the JavaFX application thread. */
  public static boolean onUiThread() {
    return Platform.isFxApplicationThread();
  }
}
