package io.gopm.console.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where work runs: background work on a given executor, its outcome (and every change a
 * view-model sees) on the UI thread. The console has one implementation, {@link FxTaskRunner},
 * the only class that calls {@code Platform.runLater}; view-model tests use one that runs
 * everything at once on the calling thread.
 */
public interface TaskRunner {

  /** Runs {@code action} on the UI thread, later (never inline, except in tests). */
  void ui(Runnable action);

  /**
   * Runs {@code work} on {@code executor}, then {@code onSuccess} with its result or {@code
   * onFailure} with what it threw, on the UI thread.
   */
  default <T> void background(
      Executor executor, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
    executor.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception e) {
            ui(() -> onFailure.accept(e));
            return;
          }
          ui(() -> onSuccess.accept(result));
        });
  }
}
