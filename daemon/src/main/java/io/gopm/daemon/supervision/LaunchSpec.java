package io.gopm.daemon.supervision;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Exactly what to execute: the resolved argument vector, working directory and full environment.
 *
 * @param name the process name, for thread names
 */
public record LaunchSpec(String name, List<String> argv, Path cwd, Map<String, String> environment) {
  public LaunchSpec {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }
}
