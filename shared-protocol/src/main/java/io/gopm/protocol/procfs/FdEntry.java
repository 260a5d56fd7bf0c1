package io.gopm.protocol.procfs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One open file descriptor.
 *
 * @param type {@code pipe}, {@code socket}, {@code anon}, {@code /dev} or {@code regular}
 * @param mode {@code r}, {@code w}, {@code rw}, or {@code ?} when unknown
 * @param target the link target ({@code /dev/null}, {@code pipe:[27598]}, {@code socket:[98765]})
 * @param inode the socket inode for a socket, else 0 (and left out of the JSON)
 */
public record FdEntry(
    int fd, String type, String mode, String target, @JsonInclude(JsonInclude.Include.NON_DEFAULT) long inode) {

  /** The {@code type} of a link target. */
  public static String typeOf(String target) {
    if (target.startsWith("pipe:")) {
      return "pipe";
    }
    if (target.startsWith("socket:")) {
      return "socket";
    }
    if (target.startsWith("anon_inode:")) {
      return "anon";
    }
    if (target.startsWith("/dev/")) {
      return "/dev";
    }
    return "regular";
  }

  /** The {@code mode} of the octal {@code flags:} value of {@code fdinfo}, or {@code ?}. */
  public static String modeOf(String octalFlags) {
    try {
      switch ((int) (Long.parseLong(octalFlags.trim(), 8) & 3)) {
        case 0:
          return "r";
        case 1:
          return "w";
        case 2:
          return "rw";
        default:
          return "?";
      }
    } catch (NumberFormatException e) {
      return "?";
    }
  }
}
