package io.gopm.daemon.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a process's command, interpreter and arguments into the argument vector to execute,
 * checking beforehand what {@code exec} would fail on, so the user gets {@code start process:
 * /opt/x: no such file or directory} instead of a child that dies at once.
 *
 * <p>Bare names are searched in the child's {@code PATH}; paths with a {@code /} are taken
 * relative to the working directory.
 */
final class CommandResolver {

  private CommandResolver() {}

  /**
   * The argv: {@code [command, args...]}, or {@code [interpreter, command, args...]}.
   *
   * @param path the child's {@code PATH}
   * @throws LaunchException when the working directory, the interpreter or the command is missing
   *     or not usable
   */
  static List<String> argv(
      String command, String interpreter, List<String> args, Path cwd, String path)
      throws LaunchException {
    if (!Files.isDirectory(cwd)) {
      throw new LaunchException(
          "start process: chdir " + cwd + ": " + (Files.exists(cwd) ? "not a directory" : "no such file or directory"));
    }
    List<String> argv = new ArrayList<>(args.size() + 2);
    if (interpreter != null && !interpreter.isEmpty()) {
      argv.add(executable(interpreter, cwd, path).toString());
      if (command.indexOf('/') >= 0 && !Files.exists(cwd.resolve(command))) {
        throw new LaunchException("start process: " + command + ": no such file or directory");
      }
      argv.add(command);
    } else {
      argv.add(executable(command, cwd, path).toString());
    }
    argv.addAll(args);
    return argv;
  }

  /** The file {@code name} executes: looked up in {@code PATH} when it has no {@code /}. */
  static Path executable(String name, Path cwd, String path) throws LaunchException {
    if (name.indexOf('/') >= 0) {
      Path file = cwd.resolve(name).normalize();
      check(name, file);
      return file;
    }
    if (path != null) {
      for (String dir : path.split(":")) {
        Path candidate = (dir.isEmpty() ? cwd : cwd.resolve(dir)).resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new LaunchException("start process: exec: \"" + name + "\": executable file not found in $PATH");
  }

  private static void check(String name, Path file) throws LaunchException {
    if (!Files.exists(file)) {
      throw new LaunchException("start process: " + name + ": no such file or directory");
    }
    if (Files.isDirectory(file)) {
      throw new LaunchException("start process: " + name + ": is a directory");
    }
    if (!Files.isExecutable(file)) {
      throw new LaunchException(
          "start process: " + name + ": permission denied (not executable; use --interpreter or chmod +x)");
    }
  }
}
