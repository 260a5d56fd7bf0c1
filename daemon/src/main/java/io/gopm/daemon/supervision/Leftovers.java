package io.gopm.daemon.supervision;

import io.gopm.daemon.state.RunningGroup;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes a dead daemon left behind, picked from one reading of {@code /proc}; a pure
 * function of that reading (docs/adr/0019).
 *
 * <p>A recorded group is the dead daemon's when its leader is alive with the recorded start time;
 * a leader alive with another start time is a recycled PID and is left alone. When the leader is
 * gone, the members of the group that started no earlier than it are taken: Linux does not hand out
 * a PID while a process group of that number exists, so the group is still the recorded one. Any
 * process carrying the {@link RunMarker} of another daemon of this home is taken too (its own group
 * when it leads one). This daemon's own process never is.
 *
 * @param groups the process groups to signal as a whole, with the signal that asks them to stop
 * @param loners the processes outside those groups, signalled one by one
 * @param pids every process found, in the groups or not
 */
record Leftovers(Map<Integer, Integer> groups, Set<Integer> loners, Set<Integer> pids) {

  Leftovers {
    groups = Map.copyOf(groups);
    loners = Set.copyOf(loners);
    pids = Set.copyOf(pids);
  }

  boolean isEmpty() {
    return pids.isEmpty();
  }

  /**
   * Picks the leftovers out of {@code entries}.
   *
   * @param recorded the groups in the dead daemon's runtime record
   * @param own this daemon's marker
   * @param selfPid this daemon's PID, never taken
   */
  static Leftovers find(List<ProcEntry> entries, List<RunningGroup> recorded, RunMarker own, long selfPid) {
    Map<Integer, ProcEntry> byPid = new HashMap<>();
    for (ProcEntry entry : entries) {
      byPid.put(entry.pid(), entry);
    }
    // pgid -> the earliest start time a member may have
    Map<Integer, Long> groupStarts = new HashMap<>();
    Map<Integer, Integer> signals = new LinkedHashMap<>();
    for (RunningGroup group : recorded) {
      ProcEntry leader = byPid.get(group.pgid());
      boolean leaderAlive = leader != null && !leader.zombie();
      if (leaderAlive && leader.startTicks() != group.startTicks()) {
        continue; // the PID was recycled: another process, not ours
      }
      groupStarts.put(group.pgid(), group.startTicks());
      signals.put(group.pgid(), group.killSignal());
    }
    for (ProcEntry entry : entries) {
      if (isMarkedByPredecessor(entry, own) && entry.pid() == entry.pgid() && !groupStarts.containsKey(entry.pgid())) {
        groupStarts.put(entry.pgid(), entry.startTicks());
        signals.put(entry.pgid(), ProcessGroups.SIGTERM);
      }
    }
    Set<Integer> pids = new TreeSet<>();
    Set<Integer> loners = new TreeSet<>();
    Set<Integer> liveGroups = new TreeSet<>();
    for (ProcEntry entry : entries) {
      if (entry.zombie() || entry.pid() == selfPid) {
        continue;
      }
      Long groupStart = groupStarts.get(entry.pgid());
      if (groupStart != null && entry.startTicks() >= groupStart && entry.pgid() != selfPid) {
        pids.add(entry.pid());
        liveGroups.add(entry.pgid());
      } else if (isMarkedByPredecessor(entry, own)) {
        pids.add(entry.pid());
        loners.add(entry.pid());
      }
    }
    signals.keySet().retainAll(liveGroups);
    return new Leftovers(signals, loners, pids);
  }

  private static boolean isMarkedByPredecessor(ProcEntry entry, RunMarker own) {
    Optional<RunMarker> marker = entry.marker().flatMap(RunMarker::parse);
    return marker.isPresent() && own.isPredecessor(marker.get());
  }
}
