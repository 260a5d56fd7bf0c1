package io.gopm.cli.fast;

/**
 * A command line the fast path answers. Only exact shapes qualify: the sub-command, its one
 * positional argument where it has one, and {@code --json} before or after; any other flag
 * ({@code --help}, {@code --debug}, {@code --config}, {@code --ports}, an unknown one) or a
 * missing or extra argument leaves the command to picocli.
 */
public sealed interface FastCommand {

  /** {@code gopm list --json} (or {@code ls}). */
  record ListJson() implements FastCommand {}

  /** {@code gopm isrunning <name|id>}, optionally with {@code --json}. */
  record IsRunning(String target, boolean json) implements FastCommand {}

  /** {@code gopm ping}, optionally with {@code --json}. */
  record Ping(boolean json) implements FastCommand {}

  /** The fast command {@code args} spell, or null when picocli must handle them. */
  static FastCommand parse(String[] args) {
    boolean json = false;
    String command = null;
    String operand = null;
    int words = 0;
    for (String arg : args) {
      if (arg.equals("--json")) {
        if (json) {
          return null;
        }
        json = true;
      } else if (arg.isEmpty() || arg.charAt(0) == '-' || arg.charAt(0) == '@') {
        return null; // another option, "--", or a picocli @argument-file
      } else if (words == 0) {
        command = arg;
        words++;
      } else if (words == 1) {
        operand = arg;
        words++;
      } else {
        return null;
      }
    }
    if (command == null) {
      return null;
    }
    switch (command) {
      case "list":
      case "ls":
        return json && operand == null ? new ListJson() : null;
      case "isrunning":
        return operand == null ? null : new IsRunning(operand, json);
      case "ping":
        return operand == null ? new Ping(json) : null;
      default:
        return null;
    }
  }
}
