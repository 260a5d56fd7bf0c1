package io.gopm.protocol.procfs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Who and what a process is: {@code status}, {@code stat}, {@code cmdline} and the {@code exe},
 * {@code cwd} and {@code root} links. Unreadable values are empty strings or zero.
 *
 * @param state the state letter ({@code S}, {@code R}...)
 * @param stateHuman the state in words ({@code sleeping})
 * @param cmdline the arguments, or null (JSON {@code null}) when the command line is empty (kernel
 *     threads, zombies)
 * @param exeExists false when the executable was deleted after the start (or is unreadable)
 * @param startedAt the start time to the second; {@code 0001-01-01T00:00:00Z} when unknown
 * @param startedAgo how long ago it started ({@code 3d 4h 22m}); empty when unknown
 * @param user the name of {@code uid}, or empty when the user database does not know it
 * @param group the name of {@code gid}, or empty
 * @param tty {@code (none)} or the terminal's device number
 */
public record ProcessIdentity(
    String name,
    String state,
    String stateHuman,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> cmdline,
    String exe,
    boolean exeExists,
    String cwd,
    String root,
    Instant startedAt,
    String startedAgo,
    long uid,
    String user,
    long gid,
    String group,
    long session,
    String tty,
    int nice,
    int threads) {

  public ProcessIdentity {
    cmdline = cmdline == null || cmdline.isEmpty() ? null : List.copyOf(cmdline);
  }

  /** The command line joined by spaces, or empty. */
  public String commandText() {
    return cmdline == null ? "" : String.join(" ", cmdline);
  }

  /**
   * A state letter in words ({@code S} is {@code sleeping}), or the letter itself when it is not
   * one of R, S, D, Z, T, t, X, x.
   */
  public static String stateName(String state) {
    switch (state) {
      case "R":
        return "running";
      case "S":
        return "sleeping";
      case "D":
        return "disk sleep";
      case "Z":
        return "zombie";
      case "T":
        return "stopped";
      case "t":
        return "tracing stop";
      case "X":
      case "x":
        return "dead";
      default:
        return state;
    }
  }
}
