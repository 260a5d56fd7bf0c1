/**
 * The process table: {@link io.gopm.console.processes.ProcessListViewModel} (rows, filter, sort
 * order, selection, staleness) and its view {@code ProcessListView.fxml}.
 */
package io.gopm.console.processes;
