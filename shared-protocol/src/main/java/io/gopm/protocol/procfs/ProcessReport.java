package io.gopm.protocol.procfs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@code gopm pid} found out about one process, in the key order of its JSON. Sections
 * that were not asked for are {@code null} ({@code tree}, {@code fds}, {@code sockets}, {@code
 * env}, written as JSON {@code null} rather than left out) or all zero ({@code resources}, {@code
 * cgroup}); {@code identity} and {@code gopm} are always filled.
 *
 * @param pid the inspected process
 * @param tree the ancestor chain: the process first, then its parent, up to PID 1
 * @param fds open descriptors in numeric order (at most {@link Sections#fdLimit()})
 * @param sockets the sockets this process holds (never other processes' sockets)
 * @param env the environment, sorted by name; null when empty, unreadable or not collected
 * @param gopm what the daemon knows about the PID, as the caller found out
 * @param unreadable the {@code /proc/<pid>/} entries that could not be read because of
 *     permissions ({@code exe}, {@code cwd}, {@code root}, {@code environ}, {@code fd}...), in the
 *     order they were met; left out of the JSON when empty
 */
public record ProcessReport(
    long pid,
    ProcessIdentity identity,
    ProcessResources resources,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<ProcessTreeNode> tree,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<FdEntry> fds,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<ProcessSocket> sockets,
    @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> env,
    CgroupInfo cgroup,
    GopmInfo gopm,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unreadable) {

  /** The entry name used in {@link #unreadable()} for the descriptor directory. */
  public static final String FD_DIR = "fd";

  /** The entry name used in {@link #unreadable()} for the environment. */
  public static final String ENVIRON = "environ";

  public ProcessReport {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(cgroup, "cgroup");
    Objects.requireNonNull(gopm, "gopm");
    tree = tree == null ? null : List.copyOf(tree);
    fds = fds == null ? null : List.copyOf(fds);
    sockets = sockets == null ? null : List.copyOf(sockets);
    env = env == null || env.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(env));
    unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
  }

  /** True when {@code entry} (for example {@code "exe"}) could not be read for lack of permission. */
  public boolean denied(String entry) {
    return unreadable.contains(entry);
  }
}
