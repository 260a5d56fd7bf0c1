package io.gopm.daemon.supervision;

import io.gopm.daemon.state.RunningGroup;
import io.gopm.protocol.model.ProcessInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed processes by ID, and the ID counter (IDs are never reused while the daemon runs).
 * Confined to the supervisor thread.
 */
final class ProcessTable {

  private final Map<Integer, ManagedProcess> byId = new LinkedHashMap<>();
  private int nextId;

  /** A fresh ID. */
  int allocateId() {
    return nextId++;
  }

  /** {@code wanted} when it is free (a saved ID coming back), else a fresh ID. */
  int claimId(int wanted) {
    int id = wanted < 0 || byId.containsKey(wanted) ? nextId : wanted;
    nextId = Math.max(nextId, id + 1);
    return id;
  }

  void add(ManagedProcess process) {
    byId.put(process.id, process);
  }

  /** Removes {@code process} if it is still the one under its ID. */
  boolean remove(ManagedProcess process) {
    return byId.remove(process.id, process);
  }

  ManagedProcess get(int id) {
    return byId.get(id);
  }

  /** True while {@code process} is managed (not deleted). */
  boolean contains(ManagedProcess process) {
    return byId.get(process.id) == process;
  }

  ManagedProcess findByName(String name) {
    for (ManagedProcess process : byId.values()) {
      if (process.name().equals(name)) {
        return process;
      }
    }
    return null;
  }

  /** {@link TargetResolver#resolve}: {@code all}, a name or an ID; fails when nothing matches. */
  List<ManagedProcess> resolve(String target) {
    return TargetResolver.resolve(target, byId.values());
  }

  /** A name or an ID, or null. */
  ManagedProcess resolveOne(String target) {
    return TargetResolver.resolveOne(target == null ? "" : target, byId.values());
  }

  /** Every process, by ID. */
  List<ManagedProcess> sorted() {
    List<ManagedProcess> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparingInt(p -> p.id));
    return sorted;
  }

  /** The groups of the running processes, for the runtime record (those whose start time is known). */
  List<RunningGroup> runningGroups() {
    List<RunningGroup> groups = new ArrayList<>();
    for (ManagedProcess process : sorted()) {
      if (process.running() && process.pid > 1 && process.startTicks > 0) {
        groups.add(
            new RunningGroup(
                process.id,
                process.name(),
                process.pid,
                process.startTicks,
                process.spec.policy().killSignal(),
                process.spec.policy().killTimeout().toMillis()));
      }
    }
    return groups;
  }

  List<ProcessInfo> snapshots() {
    return sorted().stream().map(ManagedProcess::snapshot).toList();
  }
}
