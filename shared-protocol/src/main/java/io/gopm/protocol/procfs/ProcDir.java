package io.gopm.protocol.procfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One process's directory under {@code /proc}, read best-effort: a file that cannot be read is
 * empty, and the names of entries refused for lack of permission are remembered (the first path
 * segment: {@code fdinfo/3} counts as {@code fdinfo}).
 */
final class ProcDir {

  private final ProcFiles files;
  private final Path dir;
  private final Set<String> denied = new LinkedHashSet<>();

  ProcDir(ProcFiles files, Path proc, long pid) {
    this.files = files;
    this.dir = proc.resolve(Long.toString(pid));
  }

  /** The content of {@code name} ({@code status}, {@code fdinfo/3}), or empty. */
  Optional<String> read(String name) {
    try {
      return Optional.of(files.read(dir.resolve(name)));
    } catch (IOException e) {
      note(name, e);
      return Optional.empty();
    }
  }

  /** The target of the link {@code name} ({@code exe}, {@code fd/3}), or empty. */
  Optional<String> link(String name) {
    try {
      return Optional.of(files.readLink(dir.resolve(name)));
    } catch (IOException e) {
      note(name, e);
      return Optional.empty();
    }
  }

  /** The entries of the directory {@code name}, or empty. */
  Optional<List<String>> list(String name) {
    try {
      return Optional.of(files.list(dir.resolve(name)));
    } catch (IOException e) {
      note(name, e);
      return Optional.empty();
    }
  }

  /** The entries refused for lack of permission so far, in the order they were met. */
  List<String> denied() {
    return List.copyOf(denied);
  }

  private void note(String name, IOException error) {
    if (error instanceof AccessDeniedException) {
      int slash = name.indexOf('/');
      denied.add(slash < 0 ? name : name.substring(0, slash));
    }
  }
}
