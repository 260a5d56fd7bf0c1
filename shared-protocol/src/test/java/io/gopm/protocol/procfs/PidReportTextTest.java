package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PidReportTextTest {

  private final PidReportText text = new PidReportText(ZoneId.of("UTC"));

  @Test
  void theFullReportFollowsTheSpecifiedLayout() {
    String expected =
        """
        ======================================================================
          Process Inspection — PID 23076
        ======================================================================

          +- Identity --------------------------------------------------------+
          | Name              sleep
          | State             S (sleeping)
          | Command           /bin/sleep 1000
          | Exe               /usr/bin/sleep
          | CWD               /srv
          | Root              /
          | Started           2026-02-05 01:30:35 UTC (15s ago)
          | User              deploy (uid=1001)
          | Group             deploy (gid=1001)
          | Session ID        22468
          | TTY               (none)
          | Nice              0
          | Threads           1
          +--------------------------------------------------------------------+

          +- Resources -------------------------------------------------------+
          | CPU User          0.00s
          | CPU System        0.00s
          | CPU %             0.0%
          | VmPeak            2.9 MB
          | VmRSS             1.8 MB
          | VmSwap            0 B
          | VmSize            2.9 MB (virtual)
          | Shared            1.7 MB
          | FDs Open          5 / 20000 (soft) / 20000 (hard)
          | Voluntary CSW     1
          | Involuntary CSW   0
          +--------------------------------------------------------------------+

          +- Process Tree (child -> ancestor) --------------------------------+
          |                    PID 23076  /bin/sleep 1000  deploy  15s
          |                     +- PID 22468  /usr/local/bin/gopm --daemon  deploy  30s
          |                       +- PID 1      /sbin/init  root  11m
          +--------------------------------------------------------------------+

          +- File Descriptors (3 open) ---------------------------------------+
          | FD    Type     Mode  Target
          | 0     /dev     r     /dev/null
          | 1     pipe     w     pipe:[27598]
          | 2     pipe     w     pipe:[27599]
          +--------------------------------------------------------------------+

          +- Network Sockets -------------------------------------------------+
          | Proto  Local                  Remote                 State         FD
          | TCP    127.0.0.1:18999        0.0.0.0:0              LISTEN        3
          | UNIX   /home/deploy/.gopm/gopm.sock                  CONNECTED     -
          +--------------------------------------------------------------------+

          +- Environment (2 vars) --------------------------------------------+
          | HOME              /home/deploy
          | LANG              C.UTF-8
          +--------------------------------------------------------------------+

          +- Cgroup & Limits -------------------------------------------------+
          | Cgroup            0::/system.slice/gopm.service
          | OOM Score         666
          | OOM Adj           0
          | Seccomp           0
          | NoNewPrivs        0
          | CapEff            000001fffeffffff
          +--------------------------------------------------------------------+

          +- GoPM Info -------------------------------------------------------+
          | Managed           yes
          | GoPM Name         n1
          | GoPM ID           4
          | Restarts          0
          | Auto Restart      always
          | Stdout Log        /home/deploy/.gopm/logs/n1-out.log
          | Stderr Log        /home/deploy/.gopm/logs/n1-err.log
          +--------------------------------------------------------------------+

        ======================================================================
        """;

    assertThat(text.render(SampleReports.sleep(), Sections.FULL)).isEqualTo(expected);
  }

  @Test
  void theBannerIsSeventyEqualsSignsAboveAndBelow() {
    List<String> lines = text.full(SampleReports.sleep()).lines().toList();

    assertThat(lines.get(0)).isEqualTo("=".repeat(70));
    assertThat(lines.get(1)).isEqualTo("  Process Inspection — PID 23076");
    assertThat(lines.get(2)).isEqualTo("=".repeat(70));
    assertThat(lines.get(3)).isEmpty();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("=".repeat(70));
  }

  @Test
  void sectionHeadersEndAtColumnSeventyOneAndFootersAtSeventyTwo() {
    List<String> lines = text.full(SampleReports.sleep()).lines().toList();

    assertThat(lines.stream().filter(l -> l.startsWith("  +- ")))
        .hasSize(8)
        .allSatisfy(l -> assertThat(l).hasSize(71).endsWith("-+"));
    assertThat(lines.stream().filter(l -> l.startsWith("  +-") && !l.startsWith("  +- ")))
        .hasSize(8)
        .allSatisfy(l -> assertThat(l).isEqualTo("  +" + "-".repeat(68) + "+"));
  }

  @Test
  void aTitleLongerThanTheRuleHasNoDashes() {
    TextBox box = new TextBox().open("x".repeat(70));

    assertThat(box.toString()).isEqualTo("  +- " + "x".repeat(70) + " +\n");
  }

  @Test
  void keysArePaddedToSeventeenColumnsAndLongerKeysAreKept() {
    String env = text.sections(
        SampleReports.sleep(List.of(), Map.of("A", "1", "A_VERY_LONG_VARIABLE_NAME", "2"), List.of()),
        Sections.of(false, false, true, false));

    assertThat(env).contains("  | A                 1\n").contains("  | A_VERY_LONG_VARIABLE_NAME 2\n");
  }

  @Test
  void longValuesAreCutToTheLimitWithThreeDots() {
    assertThat(PidReportText.truncate("abcdefghij", 10)).isEqualTo("abcdefghij");
    assertThat(PidReportText.truncate("abcdefghijk", 10)).isEqualTo("abcdefg...");

    String env = text.sections(
        SampleReports.sleep(List.of(), Map.of("LONG", "v".repeat(80)), List.of()), Sections.of(false, false, true, false));
    String fds = text.sections(
        SampleReports.sleep(List.of(new FdEntry(7, "regular", "w", "/" + "d".repeat(79), 0)), Map.of(), List.of()),
        Sections.of(false, true, false, false));

    assertThat(env).contains("  | LONG              " + "v".repeat(47) + "...\n");
    assertThat(fds).contains("  | 7     regular  w     /" + "d".repeat(46) + "...\n");
  }

  @Test
  void theTreeCutsCommandLinesToFortyCharacters() {
    ProcessReport report = SampleReports.sleep();
    ProcessTreeNode node = new ProcessTreeNode(9, 1, "/x", "c".repeat(41), "me", SampleReports.STARTED, "1m");
    ProcessReport withLongCommand = new ProcessReport(
        report.pid(), report.identity(), report.resources(), List.of(node), report.fds(), report.sockets(),
        report.env(), report.cgroup(), report.gopm(), List.of());

    assertThat(text.sections(withLongCommand, Sections.of(true, false, false, false)))
        .contains("  |                    PID 9      " + "c".repeat(37) + "...  me  1m\n");
  }

  @Test
  void onlyTheFirstFiftyDescriptorsAreShownAndTheRestCounted() {
    String fds = text.sections(SampleReports.sleep(SampleReports.files(60), Map.of(), List.of()), Sections.of(false, true, false, false));

    assertThat(fds).contains("+- File Descriptors (60 open) ---").contains("  | 49    regular  r     /data/file49\n");
    assertThat(fds).doesNotContain("/data/file50");
    assertThat(fds).contains("  | 49    regular  r     /data/file49\n  | ...  (10 more)\n  +---");
  }

  @Test
  void onlyTheFirstTwentyVariablesAreShownAndTheRestCounted() {
    String env = text.sections(SampleReports.sleep(List.of(), SampleReports.variables(36), List.of()), Sections.of(false, false, true, false));

    assertThat(env).contains("+- Environment (36 vars) ---").contains("  | VAR_19            value19\n");
    assertThat(env).doesNotContain("VAR_20");
    assertThat(env).contains("  | ...              (16 more)\n");
  }

  @Test
  void sectionModeStartsWithTheIdentityLineAndShowsOnlyTheChosenSectionsInFixedOrder() {
    String out = text.render(SampleReports.sleep(), Sections.of(true, true, true, true));

    assertThat(out).startsWith("  PID 23076  sleep  S (sleeping)\n\n  +- Process Tree (child -> ancestor) ");
    assertThat(out).doesNotContain("=====").doesNotContain("Identity").doesNotContain("GoPM Info").doesNotContain("Resources");
    assertThat(out.indexOf("Process Tree")).isLessThan(out.indexOf("File Descriptors"));
    assertThat(out.indexOf("File Descriptors")).isLessThan(out.indexOf("Environment"));
    assertThat(out.indexOf("Environment")).isLessThan(out.indexOf("Network Sockets"));
  }

  @Test
  void aSingleSectionShowsNothingElse() {
    String net = text.render(SampleReports.sleep(), Sections.of(false, false, false, true));

    assertThat(net)
        .isEqualTo(
            """
              PID 23076  sleep  S (sleeping)

              +- Network Sockets -------------------------------------------------+
              | Proto  Local                  Remote                 State         FD
              | TCP    127.0.0.1:18999        0.0.0.0:0              LISTEN        3
              | UNIX   /home/deploy/.gopm/gopm.sock                  CONNECTED     -
              +--------------------------------------------------------------------+

            """);
  }

  @Test
  void gopmInfoSaysWhenTheDaemonIsDownOrDoesNotManageThePid() {
    ProcessReport report = SampleReports.sleep();

    assertThat(text.full(withGopm(report, GopmInfo.DAEMON_DOWN)))
        .contains("  | Managed           unknown (gopm daemon not running)\n  +---")
        .doesNotContain("GoPM Name");
    assertThat(text.full(withGopm(report, GopmInfo.NOT_MANAGED)))
        .contains("  | Managed           no (PID not found in gopm process table)\n  +---");
  }

  @Test
  void fieldsRefusedForLackOfPermissionSaySo() {
    ProcessReport report = SampleReports.sleep(null, null, List.of("exe", "cwd", "root", "fd", "environ"));
    ProcessReport denied = new ProcessReport(
        report.pid(), report.identity(), report.resources(), report.tree(), null, null, null,
        report.cgroup(), report.gopm(), report.unreadable());

    String out = text.full(denied);

    assertThat(out)
        .contains("  | Exe               (permission denied)\n")
        .contains("  | CWD               (permission denied)\n")
        .contains("  | Root              (permission denied)\n")
        .contains("  | FDs Open          (permission denied) / 20000 (soft) / 20000 (hard)\n")
        .contains("  +- File Descriptors ---")
        .contains("  +- Network Sockets ---")
        .contains("  +- Environment ---");
    assertThat(out.split("\n  \\| \\(permission denied\\)\n", -1)).hasSize(4);
  }

  @Test
  void anUnknownUserAndStartTimeAreLeftOut() {
    ProcessIdentity known = SampleReports.identity();
    ProcessIdentity unknown = new ProcessIdentity(
        known.name(), known.state(), known.stateHuman(), null, "", false, "", "",
        io.gopm.protocol.format.Timestamps.NEVER, "", 4321, "", 4321, "", 0, "(none)", 0, 1);
    ProcessReport report = SampleReports.sleep();
    ProcessReport anonymous = new ProcessReport(
        1, unknown, report.resources(), null, null, null, null, report.cgroup(), report.gopm(), List.of());

    String out = text.full(anonymous);

    assertThat(out).contains("  | User              (uid=4321)\n").doesNotContain("Started").doesNotContain("Command");
  }

  @Test
  void rawModeDumpsEachFileUnderItsPath() {
    String raw = PidReportText.raw(
        7, List.of(new RawProcFile("status", "Name:\tsleep\nState:\tS (sleeping)\n"), new RawProcFile("cmdline", "/bin/sleep" + "\0" + "1000" + "\0"),
            new RawProcFile("limits", null)));

    assertThat(raw)
        .isEqualTo(
            "=== /proc/7/status ===\nName:\tsleep\nState:\tS (sleeping)\n\n"
                + "=== /proc/7/cmdline ===\n/bin/sleep 1000\n\n"
                + "=== /proc/7/limits ===\n(empty or unreadable)\n\n");
  }

  private static ProcessReport withGopm(ProcessReport r, GopmInfo gopm) {
    return new ProcessReport(r.pid(), r.identity(), r.resources(), r.tree(), r.fds(), r.sockets(), r.env(), r.cgroup(), gopm, r.unreadable());
  }
}
