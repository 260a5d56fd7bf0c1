/**
 * The {@code gopm} command line: {@link io.gopm.cli.GopmCli} is the entry point (and starts the
 * daemon for {@code --daemon}), {@link io.gopm.cli.Session} carries one invocation's streams,
 * options and daemon connection, {@link io.gopm.cli.CommandCatalog} names every sub-command.
 */
package io.gopm.cli;
