/**
 * Threads of the console. {@link io.gopm.console.task.TaskRunner} is how every other class reaches
 * the UI thread; {@link io.gopm.console.task.FxTaskRunner} is its only JavaFX implementation and
 * the only caller of {@code Platform.runLater}.
 */
package io.gopm.console.task;
