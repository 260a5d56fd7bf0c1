package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.Session;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code gopm console}: starts the desktop console ({@code gopm-console}, module console-fx)
 * with the given arguments, when it is installed next to this {@code gopm} or on {@code PATH},
 * and returns its exit status.
 */
@Command(
    name = "console",
    description = "Open the desktop console (gopm-console), if installed",
    footer = {
      "",
      "Arguments go to gopm-console: targets such as local, ssh://[user@]host[:port],",
      "tcp://127.0.0.1:PORT or --socket PATH. See docs/console.md."
    })
public final class ConsoleCommand extends GopmSubcommand {

  /** The console's file name. */
  static final String CONSOLE = "gopm-console";

  @Unmatched List<String> arguments = new ArrayList<>();

  @Override
  protected int run(Session session) throws InterruptedException {
    Path console =
        find(System.getProperty("gopm.executable"), session.env())
            .orElseThrow(
                () ->
                    new CliException(
                        "the desktop console is not installed: build it with ./mvnw package"
                            + " (dist/gopm-console) or put gopm-console next to gopm or on PATH"));
    List<String> command = new ArrayList<>();
    command.add(console.toString());
    command.addAll(arguments);
    try {
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new CliException("cannot start " + console + ": " + e.getMessage());
    }
  }

  /** {@code gopm-console} beside the running {@code gopm}, else the first on {@code PATH}. */
  static Optional<Path> find(String gopmExecutable, Map<String, String> env) {
    List<Path> candidates = new ArrayList<>();
    if (gopmExecutable != null && !gopmExecutable.isEmpty()) {
      Path dir = Path.of(gopmExecutable).toAbsolutePath().getParent();
      if (dir != null) {
        candidates.add(dir.resolve(CONSOLE));
      }
    }
    String path = env.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, CONSOLE));
        }
      }
    }
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }
}
