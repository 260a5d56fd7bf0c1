/**
 * One class per {@code gopm} sub-command. Each is a thin picocli command: it parses its
 * arguments, calls the daemon through the typed protocol, and renders the answer as a human view
 * or as JSON.
 */
package io.gopm.cli.command;
