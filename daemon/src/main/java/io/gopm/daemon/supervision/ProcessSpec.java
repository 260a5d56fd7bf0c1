package io.gopm.daemon.supervision;

import io.gopm.protocol.model.RestartPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A validated, complete description of a managed process: everything needed to start it again,
 * with every default filled in.
 *
 * @param command the command as stored (absolute for CLI starts, as written for ecosystem apps)
 * @param env the extra environment, sorted by name
 * @param interpreter the interpreter, or {@code ""}
 */
public record ProcessSpec(
    String name,
    String command,
    List<String> args,
    Path cwd,
    Map<String, String> env,
    String interpreter,
    RestartPolicy policy,
    Path logOut,
    Path logErr,
    long maxLogSize) {

  public ProcessSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(logOut, "logOut");
    Objects.requireNonNull(logErr, "logErr");
    args = List.copyOf(args);
    env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    interpreter = interpreter == null ? "" : interpreter;
  }
}
