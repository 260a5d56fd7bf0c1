/**
 * Acting on processes: the start dialog ({@link io.gopm.console.actions.StartFormViewModel}, field
 * validation with the daemon's own rules) and the messages actions leave in the status bar.
 */
package io.gopm.console.actions;
