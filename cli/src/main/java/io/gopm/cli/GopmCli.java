package io.gopm.cli;

import io.gopm.cli.fast.FastCommand;
import io.gopm.cli.fast.FastPath;
import io.gopm.cli.render.Ansi;
import io.gopm.daemon.DaemonMain;
import io.gopm.protocol.client.DaemonUnavailableException;
import io.gopm.protocol.rpc.RpcException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Style;
import picocli.CommandLine.Help.ColorScheme;

/**
 * The {@code gopm} executable's entry point and the CLI's composition root. {@code gopm --daemon}
 * runs the daemon; anything else is a command for it.
 */
public final class GopmCli {

  private final Session session;

  GopmCli(Session session) {
    this.session = session;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--daemon")) {
      DaemonMain.main(args);
      return;
    }
    if (args.length == 1 && args[0].equals("--cds-training")) {
      try {
        CdsTraining.run();
      } catch (java.io.IOException e) {
        System.err.println("cds training: " + e.getMessage());
      }
      System.exit(0);
    }
    Map<String, String> env = System.getenv();
    int fast = runFast(args, env);
    if (fast != FastPath.FALL_BACK) {
      System.exit(fast);
    }
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    boolean outTerminal = isTerminal("gopm.tty.out");
    Session session =
        new Session(
            env,
            out,
            err,
            Ansi.forStream(outTerminal, env),
            Ansi.forStream(isTerminal("gopm.tty.err"), env),
            Path.of("").toAbsolutePath(),
            outTerminal);
    int status = new GopmCli(session).run(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Answers the hottest read-only commands without picocli and Jackson databind (docs/adr/0021);
   * {@link FastPath#FALL_BACK} when the full CLI must run, having written nothing. {@code
   * -Dgopm.fastpath=false} (in {@code GOPM_JAVA_OPTS}) turns it off.
   */
  private static int runFast(String[] args, Map<String, String> env) {
    FastCommand command = FastPath.parse(args);
    if (command == null || "false".equals(System.getProperty("gopm.fastpath"))) {
      return FastPath.FALL_BACK;
    }
    try {
      return new FastPath(env, System.out, Ansi.forStream(isTerminal("gopm.tty.out"), env)).run(command);
    } catch (java.io.IOException | RuntimeException e) {
      return FastPath.FALL_BACK;
    }
  }

  /** Whether a stream is a terminal, as the launcher script measured it. */
  private static boolean isTerminal(String property) {
    String value = System.getProperty(property);
    return value == null ? System.console() != null : Boolean.parseBoolean(value);
  }

  /** Runs one command line; the exit status. */
  int run(String[] args) {
    GopmCommand root = new GopmCommand(session);
    CommandLine commandLine = new CommandLine(root);
    String subcommand = firstCommandName(args);
    if (subcommand == null || subcommand.equals("help") || subcommand.equals("completion")) {
      CommandCatalog.all()
          .forEach(entry -> commandLine.addSubcommand(entry.names().get(0), entry.factory().get(), aliases(entry)));
    } else {
      CommandCatalog.Entry entry = CommandCatalog.find(subcommand);
      if (entry == null) {
        session.err().println(session.errAnsi().red("Error:") + " unknown command \"" + subcommand + "\" for \"gopm\"");
        session.err().println("Run 'gopm --help' for usage.");
        return ExitCodes.FAILURE;
      }
      commandLine.addSubcommand(entry.names().get(0), entry.factory().get(), aliases(entry));
    }
    // after the sub-commands: picocli applies these settings to the commands registered so far
    commandLine.setOut(session.out());
    commandLine.setErr(session.err());
    commandLine.setColorScheme(colours());
    commandLine.setUsageHelpLongOptionsMaxWidth(28);
    commandLine.setParameterExceptionHandler((error, ignored) -> onParameterError(error, root));
    commandLine.setExecutionExceptionHandler((error, line, parsed) -> onFailure(error, root));
    if ("help".equals(subcommand)) {
      commandLine.usage(session.out());
      return ExitCodes.OK;
    }
    return commandLine.execute(args);
  }

  private static String[] aliases(CommandCatalog.Entry entry) {
    return entry.names().subList(1, entry.names().size()).toArray(String[]::new);
  }

  /**
   * The sub-command named on the command line: the first argument that is neither a global option
   * nor the value of {@code --config}; null when there is none.
   */
  static String firstCommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--config")) {
        i++;
      } else if (arg.equals("--")) {
        return null;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private int onParameterError(CommandLine.ParameterException error, GopmCommand root) {
    root.session(); // the global options parsed before the error (--json)
    CommandLine failed = error.getCommandLine();
    String message = error.getMessage();
    if (session.json()) {
      session.printJson(Map.of("error", message));
    } else {
      session.err().println(session.errAnsi().red("Error:") + " " + message);
      failed.usage(session.err());
    }
    return ExitCodes.FAILURE;
  }

  private int onFailure(Exception error, GopmCommand root) {
    root.session(); // the global options, even when the failure came early
    int status = ExitCodes.FAILURE;
    String message;
    if (error instanceof CliException cli) {
      message = cli.getMessage();
      status = cli.exitCode();
    } else if (error instanceof RpcException rpc) {
      message = rpc.getMessage();
      status = ExitCodes.of(rpc.code());
    } else if (error instanceof DaemonUnavailableException unavailable) {
      message = "cannot connect to daemon: " + unavailable.getMessage();
    } else {
      message = "internal error: " + error;
      if (session.debug()) {
        error.printStackTrace(session.err());
      }
    }
    if (session.json()) {
      session.printJson(Map.of("error", message));
    } else {
      for (String line : message.split("\n")) {
        session.err().println(session.errAnsi().red("Error:") + " " + line);
      }
    }
    return status;
  }

  private ColorScheme colours() {
    if (!session.ansi().enabled()) {
      return CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF);
    }
    return new ColorScheme.Builder(CommandLine.Help.Ansi.ON)
        .commands(Style.fg_cyan)
        .options(Style.fg_yellow)
        .parameters(Style.fg_yellow)
        .optionParams(Style.italic)
        .build();
  }
}
