/**
 * The console window: {@link io.gopm.console.workspace.ConsoleViewModel} ties the sidebar, the
 * process table and the panes of the selected process to the open targets' sessions; {@link
 * io.gopm.console.workspace.ProcessActions} runs the user's actions; {@code Console.fxml} lays the
 * window out.
 */
package io.gopm.console.workspace;
