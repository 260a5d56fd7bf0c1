package io.gopm.daemon.supervision;

import io.gopm.protocol.rpc.RpcException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves a target string: {@code all} (every process, by ID), else an exact name, else a
 * decimal ID.
 */
final class TargetResolver {

  private TargetResolver() {}

  /**
   * The processes {@code target} names, sorted by ID.
   *
   * @throws RpcException not_found when nothing matches (also {@code all} with no processes)
   */
  static List<ManagedProcess> resolve(String target, Collection<ManagedProcess> processes) {
    if (target == null || target.isEmpty()) {
      throw RpcException.invalidParams("target is required (a name, an id, or all)");
    }
    List<ManagedProcess> found = new ArrayList<>();
    if (target.equals("all")) {
      found.addAll(processes);
    } else {
      ManagedProcess one = resolveOne(target, processes);
      if (one != null) {
        found.add(one);
      }
    }
    if (found.isEmpty()) {
      throw RpcException.notFound(target);
    }
    found.sort(java.util.Comparator.comparingInt(p -> p.id));
    return found;
  }

  /** The one process named or numbered {@code target}, or null. */
  static ManagedProcess resolveOne(String target, Collection<ManagedProcess> processes) {
    for (ManagedProcess process : processes) {
      if (process.name().equals(target)) {
        return process;
      }
    }
    if (!target.isEmpty() && target.length() <= 9 && target.chars().allMatch(Character::isDigit)) {
      int id = Integer.parseInt(target);
      for (ManagedProcess process : processes) {
        if (process.id == id) {
          return process;
        }
      }
    }
    return null;
  }
}
