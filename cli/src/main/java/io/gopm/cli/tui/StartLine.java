package io.gopm.cli.tui;

import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.StartRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code s} prompt's command line, read the way {@code gopm start} reads its arguments: {@code
 * ./app --name api --env K=V -- --port 8080}. Words are split as a shell would (single quotes
 * literal, double quotes with {@code \"} and {@code \\}, a backslash escaping one character
 * outside quotes), then parsed with the same flags as {@code gopm start}; the command is resolved
 * and the request validated before anything is sent.
 */
final class StartLine {

  private final Path workingDir;
  private final String path;
  private final TerminalUi.CommandResolver resolver;

  /**
   * @param workingDir the directory {@code gopm gui} was started in (relative paths start there)
   * @param path the {@code PATH} to search for bare command names
   */
  StartLine(Path workingDir, String path, TerminalUi.CommandResolver resolver) {
    this.workingDir = workingDir;
    this.path = path;
    this.resolver = resolver;
  }

  /**
   * The start request a command line asks for.
   *
   * @throws IllegalArgumentException with a message for the prompt when the line is not valid
   */
  StartRequest parse(String line) {
    List<String> words = split(line);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("type a command, for example: ./app --name api -- --port 8080");
    }
    Flags flags = new Flags();
    try {
      new CommandLine(flags).parseArgs(words.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (flags.target.endsWith(".json")) {
      throw new IllegalArgumentException("ecosystem files are started with: gopm start " + flags.target);
    }
    Path workDir = flags.cwd == null ? workingDir : workingDir.resolve(flags.cwd).normalize();
    StartRequest request =
        new StartRequest(
            resolver.resolve(flags.target, workingDir, workDir, path),
            flags.name,
            flags.processArgs,
            workDir.toString(),
            environment(flags.env),
            flags.interpreter,
            flags.autorestart,
            flags.maxRestarts,
            flags.minUptime,
            flags.restartDelay,
            flags.expBackoff ? Boolean.TRUE : null,
            flags.maxDelay,
            flags.killTimeout,
            flags.logOut == null ? null : workingDir.resolve(flags.logOut).normalize().toString(),
            flags.logErr == null ? null : workingDir.resolve(flags.logErr).normalize().toString(),
            flags.maxLogSize);
    try {
      request.validate();
    } catch (InvalidFieldException e) {
      throw new IllegalArgumentException(
          e.field().equals("name") || e.field().equals("env") ? e.getMessage() : e.flagMessage(), e);
    }
    return request;
  }

  /**
   * Splits a command line into words like a POSIX shell does for quoting (no expansion).
   *
   * @throws IllegalArgumentException for an unterminated quote or a trailing backslash
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ' quote");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw new IllegalArgumentException("a backslash at the end escapes nothing");
        }
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends a double-quoted part starting after its quote; the index of the closing quote. */
  private static int doubleQuoted(String line, int from, StringBuilder word) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        c = line.charAt(++i);
      }
      word.append(c);
    }
    throw new IllegalArgumentException("unterminated \" quote");
  }

  private static Map<String, String> environment(List<String> pairs) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("invalid --env value \"" + pair + "\": expected KEY=VAL");
      }
      env.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return env;
  }

  /** The flags of {@code gopm start}, as picocli reads them. */
  @Command(name = "start")
  static final class Flags {

    @Parameters(index = "0", paramLabel = "<binary|script>")
    String target;

    @Parameters(index = "1..*", paramLabel = "process-args")
    List<String> processArgs = new ArrayList<>();

    @Option(names = "--name")
    String name;

    @Option(names = "--cwd")
    String cwd;

    @Option(names = "--interpreter")
    String interpreter;

    @Option(names = "--env", paramLabel = "KEY=VAL")
    List<String> env = new ArrayList<>();

    @Option(names = "--autorestart")
    String autorestart;

    @Option(names = "--max-restarts")
    Integer maxRestarts;

    @Option(names = "--min-uptime")
    String minUptime;

    @Option(names = "--restart-delay")
    String restartDelay;

    @Option(names = "--exp-backoff")
    boolean expBackoff;

    @Option(names = "--max-delay")
    String maxDelay;

    @Option(names = "--kill-timeout")
    String killTimeout;

    @Option(names = "--log-out")
    String logOut;

    @Option(names = "--log-err")
    String logErr;

    @Option(names = "--max-log-size")
    String maxLogSize;
  }
}
