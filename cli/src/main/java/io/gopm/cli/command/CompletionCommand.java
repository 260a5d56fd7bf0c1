package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.ExitCodes;
import io.gopm.cli.Session;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gopm completion bash|zsh}: a shell completion script for every command and option
 * (picocli's generator; the bash script also runs in zsh through {@code bashcompinit}).
 */
@Command(
    name = "completion",
    description = "Print a shell completion script (bash or zsh)",
    footer = {
      "",
      "Examples:",
      "  gopm completion bash > /etc/bash_completion.d/gopm",
      "  source <(gopm completion zsh)      # in ~/.zshrc"
    })
public final class CompletionCommand extends GopmSubcommand {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "bash|zsh", description = "The shell")
  String shell;

  @Override
  protected int run(Session session) {
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("gopm", root);
    switch (shell) {
      case "bash":
        session.out().print(script);
        break;
      case "zsh":
        session.out().println("# gopm completion for zsh: the bash script, through bashcompinit");
        session.out().println("autoload -U +X compinit && compinit");
        session.out().println("autoload -U +X bashcompinit && bashcompinit");
        session.out().print(script);
        break;
      default:
        throw new CliException("invalid shell \"" + shell + "\": expected bash or zsh");
    }
    return ExitCodes.OK;
  }
}
