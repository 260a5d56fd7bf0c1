package io.gopm.protocol.procfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User and group names from {@code /etc/passwd} and {@code /etc/group} ({@code name:x:id:...}),
 * read once on first use. An unknown id, or an unreadable file, gives an empty name.
 */
final class UserNames {

  private final Path passwd;
  private final Path group;
  private Map<Long, String> users;
  private Map<Long, String> groups;

  UserNames(Path passwd, Path group) {
    this.passwd = passwd;
    this.group = group;
  }

  String user(long uid) {
    if (users == null) {
      users = load(passwd);
    }
    return users.getOrDefault(uid, "");
  }

  String group(long gid) {
    if (groups == null) {
      groups = load(group);
    }
    return groups.getOrDefault(gid, "");
  }

  private static Map<Long, String> load(Path file) {
    Map<Long, String> names = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 3 && !line.startsWith("#")) {
          try {
            names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
          } catch (NumberFormatException ignored) {
            // not an entry
          }
        }
      }
    } catch (IOException e) {
      return names;
    }
    return names;
  }
}
