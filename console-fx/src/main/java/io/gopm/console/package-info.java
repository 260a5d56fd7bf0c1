/**
 * The GoPM desktop console. {@link io.gopm.console.ConsoleMain} is the entry point, {@link
 * io.gopm.console.Console} the composition root, {@link io.gopm.console.Workstation} the one place
 * that knows which operating system it runs on. Features live in sub-packages, each an FXML view,
 * a thin controller and a view-model free of {@code javafx.scene}.
 */
package io.gopm.console;
