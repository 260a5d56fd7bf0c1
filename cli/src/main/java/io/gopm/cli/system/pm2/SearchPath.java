package io.gopm.cli.system.pm2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Looking a command up in a {@code PATH} value, as a shell would. */
final class SearchPath {

  private SearchPath() {}

  /** The first executable regular file called {@code name} in the directories of {@code path}. */
  static Optional<Path> find(String name, String path) {
    if (path == null || name.isEmpty() || name.indexOf('/') >= 0) {
      return Optional.empty();
    }
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(name).toAbsolutePath();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
