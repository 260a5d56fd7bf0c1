package io.gopm.daemon.supervision;

import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessNames;
import io.gopm.protocol.model.StartRequest;
import java.nio.file.Path;

/**
 * Builds {@link ProcessSpec}s from start requests and saved process objects, filling in the
 * daemon's defaults: its working directory, the configured log directory and rotation size.
 */
final class SpecFactory {

  private final Path daemonCwd;
  private final Path logsDir;
  private final long defaultMaxLogSize;

  SpecFactory(Path daemonCwd, Path logsDir, long defaultMaxLogSize) {
    this.daemonCwd = daemonCwd;
    this.logsDir = logsDir;
    this.defaultMaxLogSize = defaultMaxLogSize;
  }

  /**
   * Validates a request and completes it.
   *
   * @throws IllegalArgumentException (an {@link InvalidFieldException} for field values) with a
   *     message for the user
   */
  ProcessSpec fromRequest(StartRequest request) {
    request.validate();
    String name = isBlank(request.name()) ? defaultName(request.command()) : request.name();
    Path cwd = isBlank(request.cwd()) ? daemonCwd : daemonCwd.resolve(request.cwd()).normalize();
    return new ProcessSpec(
        name,
        request.command(),
        request.args(),
        cwd,
        request.env(),
        request.interpreter(),
        request.restartPolicy(),
        logPath(request.logOut(), cwd, name, "out"),
        logPath(request.logErr(), cwd, name, "err"),
        request.maxLogSizeOr(defaultMaxLogSize));
  }

  /** The spec a saved process object describes (from {@code dump.json}). */
  ProcessSpec fromSaved(ProcessInfo saved) {
    ProcessNames.check(saved.name());
    Path cwd = saved.cwd().isEmpty() ? daemonCwd : Path.of(saved.cwd());
    return new ProcessSpec(
        saved.name(),
        saved.command(),
        saved.args(),
        cwd,
        saved.env(),
        saved.interpreter(),
        saved.restartPolicy(),
        logPath(saved.logOut(), cwd, saved.name(), "out"),
        logPath(saved.logErr(), cwd, saved.name(), "err"),
        saved.maxLogSize() > 0 ? saved.maxLogSize() : defaultMaxLogSize);
  }

  /** The last element of the command's path, which must itself be a valid name. */
  static String defaultName(String command) {
    String trimmed = command.replaceAll("/+$", "");
    String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (!ProcessNames.isValid(base)) {
      try {
        ProcessNames.check(base);
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException(
            "name", base, e.detail() + "; the default name comes from the command: set one with --name");
      }
    }
    return base;
  }

  private Path logPath(String given, Path cwd, String name, String stream) {
    if (isBlank(given)) {
      return logsDir.resolve(name + "-" + stream + ".log");
    }
    return cwd.resolve(given).normalize();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
