package io.gopm.protocol.config;

import java.nio.file.Path;

/**
 * What makes two processes "the same" for {@code gopm import}: the working directory and the
 * command, with a relative command taken against that working directory (so {@code ./server} in
 * {@code /srv/app} and {@code /srv/app/server} match). Arguments, name and environment do not
 * count.
 *
 * @param cwd the normalised working directory
 * @param command the command, absolute when it was a path
 */
public record ImportKey(String cwd, String command) {

  /** The key of a process or app running {@code command} in {@code cwd}. */
  public static ImportKey of(String cwd, String command) {
    Path dir = Path.of(cwd.isEmpty() ? "/" : cwd).normalize();
    String normalized = command;
    if (command.indexOf('/') >= 0) {
      normalized = dir.resolve(command).normalize().toString();
    }
    return new ImportKey(dir.toString(), normalized);
  }
}
