package io.gopm.cli.command;

import io.gopm.cli.GopmCommand;
import io.gopm.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * The base of every sub-command: gives it the {@link Session} (with the global options parsed
 * wherever they were written) and runs it.
 */
abstract class GopmSubcommand implements Callable<Integer> {

  @ParentCommand GopmCommand root;

  @Override
  public final Integer call() throws Exception {
    return run(root.session());
  }

  /** Does the command's work; the exit status. */
  protected abstract int run(Session session) throws Exception;
}
