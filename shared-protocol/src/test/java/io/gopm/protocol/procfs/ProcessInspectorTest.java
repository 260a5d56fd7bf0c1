package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gopm.protocol.format.Timestamps;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessInspectorTest {

  private final Path dir = ProcFixture.newRoot();

  @AfterEach
  void deleteFixture() throws IOException {
    ProcFixture.delete(dir);
  }

  private ProcessReport full(ProcFixture fixture) {
    return fixture.inspector().inspect(ProcFixture.PID, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow();
  }

  @Test
  void identityComesFromStatusStatCmdlineAndTheLinks() {
    ProcessIdentity id = full(ProcFixture.standard(dir)).identity();

    assertThat(id.name()).isEqualTo("my (weird) app");
    assertThat(id.state()).isEqualTo("S");
    assertThat(id.stateHuman()).isEqualTo("sleeping");
    assertThat(id.cmdline()).containsExactly("/opt/app/my app", "--port", "8080");
    assertThat(id.exe()).isEqualTo("/opt/app/my app");
    assertThat(id.exeExists()).isTrue();
    assertThat(id.cwd()).isEqualTo("/srv/app");
    assertThat(id.root()).isEqualTo("/");
    assertThat(id.startedAt()).isEqualTo(ProcFixture.STARTED);
    assertThat(id.startedAgo()).isEqualTo("1h 1m");
    assertThat(id.uid()).isEqualTo(1001);
    assertThat(id.user()).isEqualTo("deploy");
    assertThat(id.gid()).isEqualTo(1001);
    assertThat(id.group()).isEqualTo("deploy");
    assertThat(id.session()).isEqualTo(4200);
    assertThat(id.tty()).isEqualTo("34816");
    assertThat(id.nice()).isEqualTo(5);
    assertThat(id.threads()).isEqualTo(7);
  }

  @Test
  void aProcessWithoutTerminalShowsNoneAndAnUnknownUserHasNoName() {
    ProcFixture fixture = ProcFixture.standard(dir);
    fixture.process(77, 1, "orphan", 4321, 100, "");

    ProcessIdentity id = fixture.inspector().inspect(77, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow().identity();

    assertThat(id.tty()).isEqualTo("(none)");
    assertThat(id.user()).isEmpty();
    assertThat(id.uid()).isEqualTo(4321);
    assertThat(id.cmdline()).isNull();
  }

  @Test
  void aDeletedExecutableIsMarkedAsNotExisting() {
    ProcFixture fixture = ProcFixture.standard(dir);
    fixture.link("proc/4242/exe", "/opt/app/my app (deleted)");

    ProcessIdentity id = full(fixture).identity();

    assertThat(id.exe()).isEqualTo("/opt/app/my app (deleted)");
    assertThat(id.exeExists()).isFalse();
  }

  @Test
  void resourcesComeFromStatusStatStatmLimitsAndTheDescriptorCount() {
    ProcessResources res = full(ProcFixture.standard(dir)).resources();

    assertThat(res.cpuUserSeconds()).isEqualTo(12.34);
    assertThat(res.cpuSystemSeconds()).isEqualTo(5.67);
    // 18.01 s of CPU over 3665 s since the start
    assertThat(res.cpuPercent()).isEqualTo(0.49);
    assertThat(res.vmPeakBytes()).isEqualTo(20_000 * 1024L);
    assertThat(res.vmSizeBytes()).isEqualTo(18_000 * 1024L);
    assertThat(res.vmRssBytes()).isEqualTo(4_000 * 1024L);
    assertThat(res.vmSwapBytes()).isEqualTo(12 * 1024L);
    assertThat(res.sharedBytes()).isEqualTo(300 * 4096L);
    assertThat(res.fdsOpen()).isEqualTo(8);
    assertThat(res.fdsSoftLimit()).isEqualTo(1024);
    assertThat(res.fdsHardLimit()).isEqualTo(4096);
    assertThat(res.voluntaryCtxtSwitches()).isEqualTo(84201);
    assertThat(res.involuntaryCtxtSwitches()).isEqualTo(3421);
  }

  @Test
  void theTreeWalksFromTheProcessUpToPidOne() {
    List<ProcessTreeNode> tree = full(ProcFixture.standard(dir)).tree();

    assertThat(tree)
        .extracting(ProcessTreeNode::pid, ProcessTreeNode::ppid, ProcessTreeNode::cmdline, ProcessTreeNode::user)
        .containsExactly(
            tuple(4242L, 4200L, "/opt/app/my app --port 8080", "deploy"),
            tuple(4200L, 1L, "-bash", "root"),
            tuple(1L, 0L, "/sbin/init splash", "root"));
    assertThat(tree.get(1).exe()).isEqualTo("/usr/bin/bash");
    assertThat(tree.get(1).startedAt()).isEqualTo(java.time.Instant.ofEpochSecond(ProcFixture.BOOT_TIME + 120_000));
    assertThat(tree.get(1).startedAgo()).isEqualTo("1h 58m");
  }

  @Test
  void theTreeStopsAtTheTopmostAncestorWhenThereIsNoPidOne() {
    ProcFixture fixture = ProcFixture.empty(dir);
    fixture.process(300, 0, "init-of-container", 0, 0, "/init\0");
    fixture.process(301, 300, "worker", 0, 0, "/worker\0");

    List<ProcessTreeNode> tree = fixture.inspector().inspect(301, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow().tree();

    assertThat(tree).extracting(ProcessTreeNode::pid).containsExactly(301L, 300L);
  }

  @Test
  void descriptorsAreListedInNumericOrderWithTypeModeAndSocketInode() {
    List<FdEntry> fds = full(ProcFixture.standard(dir)).fds();

    assertThat(fds)
        .extracting(FdEntry::fd, FdEntry::type, FdEntry::mode, FdEntry::target, FdEntry::inode)
        .containsExactly(
            tuple(0, "/dev", "r", "/dev/null", 0L),
            tuple(1, "pipe", "w", "pipe:[27598]", 0L),
            tuple(2, "pipe", "w", "pipe:[27599]", 0L),
            tuple(3, "socket", "rw", "socket:[5001]", 5001L),
            tuple(4, "socket", "rw", "socket:[5002]", 5002L),
            tuple(5, "socket", "rw", "socket:[5003]", 5003L),
            tuple(10, "regular", "w", "/var/log/app.log", 0L),
            tuple(11, "anon", "?", "anon_inode:[eventfd]", 0L));
  }

  @Test
  void aDescriptorWithoutFdinfoHasAnUnknownMode() throws IOException {
    ProcFixture fixture = ProcFixture.standard(dir);
    java.nio.file.Files.delete(fixture.proc.resolve("4242/fdinfo/10"));

    assertThat(full(fixture).fds()).filteredOn(fd -> fd.fd() == 10).extracting(FdEntry::mode).containsExactly("?");
  }

  @Test
  void onlyTheSocketsTheProcessHoldsAreListedWithTheirDescriptor() {
    List<ProcessSocket> sockets = full(ProcFixture.standard(dir)).sockets();

    assertThat(sockets)
        .extracting(ProcessSocket::proto, ProcessSocket::local, ProcessSocket::remote, ProcessSocket::state, ProcessSocket::fd, ProcessSocket::inode)
        .containsExactly(
            tuple("TCP", "127.0.0.1:8080", "0.0.0.0:0", "LISTEN", 3, 5001L),
            tuple("TCP", "[::1]:8081", "[::]:0", "LISTEN", 4, 5002L),
            tuple("UNIX", "/run/app.sock", "", "CONNECTED", 5, 5003L));
  }

  @Test
  void theEnvironmentIsSplitAtTheFirstEqualsSignAndEntriesWithoutOneAreDropped() {
    assertThat(full(ProcFixture.standard(dir)).env())
        .containsExactly(
            java.util.Map.entry("APP_ENV", "production"),
            java.util.Map.entry("EQ", "a=b"),
            java.util.Map.entry("HOME", "/home/deploy"),
            java.util.Map.entry("PATH", "/usr/bin"));
  }

  @Test
  void anEmptyEnvironmentIsNull() {
    ProcFixture fixture = ProcFixture.standard(dir);
    fixture.write("proc/4242/environ", "");

    assertThat(full(fixture).env()).isNull();
    assertThat(full(fixture).unreadable()).isEmpty();
  }

  @Test
  void cgroupAndSecurityComeFromTheirFilesAndStatus() {
    assertThat(full(ProcFixture.standard(dir)).cgroup())
        .isEqualTo(new CgroupInfo("0::/system.slice/app.service", 666, -100, 2, 1, "0000000000000000"));
  }

  @Test
  void theGopmInfoOfTheCallerIsKept() {
    GopmInfo info = GopmInfo.managed("api", 0, 2, "always", "/l/api-out.log", "/l/api-err.log");

    ProcessReport report =
        ProcFixture.standard(dir).inspector().inspect(ProcFixture.PID, Sections.FULL, info).orElseThrow();

    assertThat(report.gopm()).isSameAs(info);
    assertThat(report.pid()).isEqualTo(ProcFixture.PID);
  }

  @Test
  void aTreeSelectionCollectsOnlyTheIdentityAndTheTree() {
    ProcessReport report =
        ProcFixture.standard(dir).inspector()
            .inspect(ProcFixture.PID, Sections.of(true, false, false, false), GopmInfo.NOT_MANAGED)
            .orElseThrow();

    assertThat(report.identity().name()).isEqualTo("my (weird) app");
    assertThat(report.tree()).hasSize(3);
    assertThat(report.fds()).isNull();
    assertThat(report.sockets()).isNull();
    assertThat(report.env()).isNull();
    assertThat(report.resources()).isEqualTo(ProcessResources.NONE);
    assertThat(report.cgroup()).isEqualTo(CgroupInfo.NONE);
    assertThat(report.gopm()).isEqualTo(GopmInfo.NOT_MANAGED);
  }

  @Test
  void aNetSelectionAlsoReadsDescriptorsToMapSocketsButAnFdsSelectionReadsNoSockets() {
    ProcessInspector inspector = ProcFixture.standard(dir).inspector();

    ProcessReport net = inspector.inspect(ProcFixture.PID, Sections.of(false, false, false, true), GopmInfo.DAEMON_DOWN).orElseThrow();
    ProcessReport fds = inspector.inspect(ProcFixture.PID, Sections.of(false, true, false, false), GopmInfo.DAEMON_DOWN).orElseThrow();

    assertThat(net.sockets()).hasSize(3);
    assertThat(net.fds()).hasSize(8);
    assertThat(net.tree()).isNull();
    assertThat(fds.fds()).hasSize(8);
    assertThat(fds.sockets()).isNull();
    assertThat(fds.env()).isNull();
  }

  @Test
  void atMostTwoHundredDescriptorsAreListedUnlessTheyAreAskedForAlone() {
    ProcFixture fixture = ProcFixture.standard(dir);
    for (int fd = 100; fd < 400; fd++) {
      fixture.fd(fd, "/data/file" + fd, "0");
    }
    fixture.fd(500, "socket:[5001]", "02");
    ProcessInspector inspector = fixture.inspector();

    ProcessReport full = inspector.inspect(ProcFixture.PID, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow();
    ProcessReport onlyFds = inspector.inspect(ProcFixture.PID, Sections.of(false, true, false, false), GopmInfo.DAEMON_DOWN).orElseThrow();

    assertThat(full.fds()).hasSize(200);
    assertThat(full.fds().get(199).fd()).isEqualTo(291);
    assertThat(full.resources().fdsOpen()).isEqualTo(309);
    assertThat(onlyFds.fds()).hasSize(309);
    // the first descriptor holding a socket is named, listed or not
    assertThat(full.sockets()).filteredOn(s -> s.inode() == 5001).extracting(ProcessSocket::fd).containsExactly(3);
  }

  @Test
  void aMissingProcessHasNoReportAndNoRawFiles() {
    ProcessInspector inspector = ProcFixture.standard(dir).inspector();

    assertThat(inspector.exists(999)).isFalse();
    assertThat(inspector.inspect(999, Sections.FULL, GopmInfo.DAEMON_DOWN)).isEmpty();
    assertThat(inspector.raw(999)).isEmpty();
    assertThat(inspector.exists(0)).isFalse();
    assertThat(inspector.exists(-5)).isFalse();
  }

  @Test
  void rawModeReadsTheSevenFilesAndMarksTheMissingOnes() {
    ProcFixture fixture = ProcFixture.standard(dir);
    fixture.process(88, 1, "tiny", 0, 0, "");

    List<RawProcFile> raw = fixture.inspector().raw(88).orElseThrow();

    assertThat(raw).extracting(RawProcFile::name)
        .containsExactly("status", "stat", "cmdline", "limits", "cgroup", "oom_score", "oom_score_adj");
    assertThat(raw.get(0).content()).startsWith("Name:\ttiny\n");
    assertThat(raw.get(2).content()).isNull();
    assertThat(raw.get(3).content()).isNull();
  }

  @Test
  void aProcFileSystemIsAvailableWhenItHasAStatFile() {
    assertThat(ProcFixture.standard(dir).inspector().available()).isTrue();
    assertThat(new ProcessInspector(dir.resolve("nothing"), dir, dir, java.time.Clock.systemUTC()).available()).isFalse();
  }

  @Test
  void anUnknownBootTimeLeavesTheStartTimeUnknown() {
    ProcFixture fixture = ProcFixture.standard(dir);
    fixture.write("proc/stat", "cpu 1 2 3\n");

    ProcessReport report = full(fixture);

    assertThat(report.identity().startedAt()).isEqualTo(Timestamps.NEVER);
    assertThat(report.identity().startedAgo()).isEmpty();
    assertThat(report.resources().cpuPercent()).isZero();
  }

  @Test
  void entriesRefusedForLackOfPermissionAreListedAndLeftEmpty() {
    ProcFixture fixture = ProcFixture.standard(dir);
    ProcFiles denying = new DenyingFiles(Set.of("exe", "cwd", "root", "environ", "fd"));

    ProcessReport report =
        fixture.inspector(denying).inspect(ProcFixture.PID, Sections.FULL, GopmInfo.DAEMON_DOWN).orElseThrow();

    assertThat(report.unreadable()).containsExactly("exe", "cwd", "root", "fd", "environ");
    assertThat(report.denied("exe")).isTrue();
    assertThat(report.identity().exe()).isEmpty();
    assertThat(report.identity().exeExists()).isFalse();
    assertThat(report.identity().cwd()).isEmpty();
    assertThat(report.fds()).isNull();
    assertThat(report.sockets()).isNull();
    assertThat(report.env()).isNull();
    assertThat(report.resources().fdsOpen()).isZero();
    assertThat(report.resources().fdsSoftLimit()).isEqualTo(1024);
    assertThat(report.identity().name()).isEqualTo("my (weird) app");
    // the ancestors' refusals are not the inspected process's
    assertThat(report.tree()).hasSize(3);
  }

  @Test
  void aVanishedFileIsEmptyButNotAPermissionProblem() throws IOException {
    ProcFixture fixture = ProcFixture.standard(dir);
    java.nio.file.Files.delete(fixture.proc.resolve("4242/environ"));
    java.nio.file.Files.delete(fixture.proc.resolve("4242/cwd"));

    ProcessReport report = full(fixture);

    assertThat(report.env()).isNull();
    assertThat(report.identity().cwd()).isEmpty();
    assertThat(report.unreadable()).isEmpty();
  }

  /** The real file system, except that some entries of any process refuse access. */
  private static final class DenyingFiles implements ProcFiles {
    private final Set<String> denied;

    DenyingFiles(Set<String> denied) {
      this.denied = denied;
    }

    @Override
    public String read(Path file) throws IOException {
      check(file);
      return SYSTEM.read(file);
    }

    @Override
    public String readLink(Path link) throws IOException {
      check(link);
      return SYSTEM.readLink(link);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
      check(dir);
      return SYSTEM.list(dir);
    }

    private void check(Path path) throws AccessDeniedException {
      if (denied.contains(path.getFileName().toString()) || denied.contains(path.getParent().getFileName().toString())) {
        throw new AccessDeniedException(path.toString());
      }
    }
  }
}
