package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.daemon.state.RunningGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeftoversTest {

  private static final Path HOME = Path.of("/home/u/.gopm");
  private static final RunMarker OWN = new RunMarker(900, 5000, HOME);
  private static final RunMarker DEAD = new RunMarker(100, 1000, HOME);
  private static final long SELF = 900;

  private static ProcEntry process(int pid, int pgid, long start) {
    return new ProcEntry(pid, pgid, start, false, Optional.empty());
  }

  private static ProcEntry marked(int pid, int pgid, long start, RunMarker marker) {
    return new ProcEntry(pid, pgid, start, false, Optional.of(marker.text()));
  }

  private static RunningGroup group(int pgid, long start) {
    return new RunningGroup(0, "api", pgid, start, 15, 1000);
  }

  @Test
  void aRecordedGroupWhoseLeaderHasTheRecordedStartTimeIsTakenWithItsMembers() {
    List<ProcEntry> proc = List.of(process(200, 200, 1200), process(201, 200, 1300), process(300, 300, 1100));

    Leftovers found = Leftovers.find(proc, List.of(group(200, 1200)), OWN, SELF);

    assertThat(found.groups()).isEqualTo(Map.of(200, 15));
    assertThat(found.pids()).containsExactlyInAnyOrder(200, 201);
    assertThat(found.loners()).isEmpty();
  }

  @Test
  void aRecycledPidWithAnotherStartTimeIsLeftAlone() {
    List<ProcEntry> proc = List.of(process(200, 200, 4000), process(201, 200, 4100));

    Leftovers found = Leftovers.find(proc, List.of(group(200, 1200)), OWN, SELF);

    assertThat(found.isEmpty()).isTrue();
  }

  @Test
  void aRecordedGroupWithNoProcEntryLeftIsNothingToEnd() {
    Leftovers found = Leftovers.find(List.of(process(300, 300, 1100)), List.of(group(200, 1200)), OWN, SELF);

    assertThat(found.isEmpty()).isTrue();
    assertThat(found.groups()).isEmpty();
  }

  @Test
  void membersOfAGroupWhoseLeaderIsGoneAreTakenWhenTheyStartedAfterIt() {
    List<ProcEntry> proc = List.of(process(201, 200, 1300), process(202, 200, 1250));

    Leftovers found = Leftovers.find(proc, List.of(group(200, 1200)), OWN, SELF);

    assertThat(found.groups()).containsOnlyKeys(200);
    assertThat(found.pids()).containsExactlyInAnyOrder(201, 202);
  }

  @Test
  void aZombieLeaderCountsAsGoneAndIsNeverSignalledAlone() {
    List<ProcEntry> proc =
        List.of(new ProcEntry(200, 200, 1200, true, Optional.empty()), process(201, 200, 1300));

    Leftovers found = Leftovers.find(proc, List.of(group(200, 1200)), OWN, SELF);

    assertThat(found.pids()).containsExactly(201);
  }

  @Test
  void processesMarkedByADeadDaemonOfThisHomeAreTakenEvenWithoutARecord() {
    List<ProcEntry> proc = List.of(
        marked(400, 400, 2000, DEAD), // a leader started just before the record was written
        marked(401, 400, 2100, DEAD),
        marked(500, 77, 2200, DEAD)); // a grandchild that moved to a group it does not lead

    Leftovers found = Leftovers.find(proc, List.of(), OWN, SELF);

    assertThat(found.groups()).isEqualTo(Map.of(400, ProcessGroups.SIGTERM));
    assertThat(found.loners()).containsExactly(500);
    assertThat(found.pids()).containsExactlyInAnyOrder(400, 401, 500);
  }

  @Test
  void processesOfThisDaemonOrOfAnotherHomeAreNotTaken() {
    RunMarker otherHome = new RunMarker(100, 1000, Path.of("/tmp/other"));
    List<ProcEntry> proc = List.of(marked(400, 400, 2000, OWN), marked(401, 401, 2000, otherHome));

    assertThat(Leftovers.find(proc, List.of(), OWN, SELF).isEmpty()).isTrue();
  }

  @Test
  void theDaemonItselfIsNeverTakenEvenWhenItInheritedAnOldMarker() {
    List<ProcEntry> proc = List.of(marked(900, 900, 5000, DEAD));

    assertThat(Leftovers.find(proc, List.of(), OWN, SELF).isEmpty()).isTrue();
  }
}
