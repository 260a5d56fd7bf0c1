package io.gopm.cli.system.pm2;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns PM2's {@code exec_interpreter} into GoPM's {@code interpreter}. PM2 names interpreters by
 * convention ({@code node}, {@code python} for {@code .py}, {@code bash} for {@code .sh}, {@code
 * none} for a binary); GoPM looks a bare name up in the child's {@code PATH} when it starts the
 * process, so a name is kept when that {@code PATH} has it. Otherwise a sibling is tried ({@code
 * python} ↔ {@code python3}, {@code node} ↔ {@code nodejs}), then the CLI's own {@code PATH}
 * (where {@code pm2}, and so {@code node}, was found), which gives an absolute path.
 */
final class InterpreterResolver {

  private static final Map<String, String> SIBLINGS =
      Map.of("python", "python3", "python3", "python", "node", "nodejs", "nodejs", "node");

  private final String childPath;
  private final String cliPath;

  /**
   * @param childPath the {@code PATH} the process will have under GoPM (null: the CLI's)
   * @param cliPath the {@code PATH} of the CLI
   */
  InterpreterResolver(String childPath, String cliPath) {
    this.childPath = childPath == null ? cliPath : childPath;
    this.cliPath = cliPath;
  }

  /**
   * The interpreter to start {@code command} with, or null for none: PM2's {@code none} or
   * nothing, and an interpreter that is the command itself (a {@code node} binary run directly).
   */
  String resolve(String pm2Interpreter, String command) {
    if (pm2Interpreter == null || pm2Interpreter.isBlank() || pm2Interpreter.equals("none")) {
      return null;
    }
    if (baseName(pm2Interpreter).equals(baseName(command))) {
      return null;
    }
    if (pm2Interpreter.indexOf('/') >= 0) {
      return pm2Interpreter;
    }
    List<String> candidates =
        SIBLINGS.containsKey(pm2Interpreter) ? List.of(pm2Interpreter, SIBLINGS.get(pm2Interpreter)) : List.of(pm2Interpreter);
    for (String candidate : candidates) {
      if (SearchPath.find(candidate, childPath).isPresent()) {
        return candidate;
      }
    }
    for (String candidate : candidates) {
      Optional<Path> onCliPath = SearchPath.find(candidate, cliPath);
      if (onCliPath.isPresent()) {
        return onCliPath.get().toString();
      }
    }
    return pm2Interpreter;
  }

  private static String baseName(String path) {
    if (path == null) {
      return "";
    }
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
