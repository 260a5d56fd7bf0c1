package io.gopm.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.AutoRestart;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessViewsTest {

  private static final Instant NOW = Instant.parse("2025-02-02T06:15:12Z");
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  private final ProcessViews plain = new ProcessViews(new Ansi(false), NOW, ZoneOffset.UTC);
  private final ProcessViews coloured = new ProcessViews(new Ansi(true), NOW, ZoneOffset.UTC);

  /** A process record with sensible defaults; each test changes what it is about. */
  private static final class Proc {
    int id;
    String name = "api";
    String command = "/usr/local/bin/app";
    List<String> args = List.of();
    String cwd = "/srv/app";
    Map<String, String> env = Map.of();
    String interpreter = "";
    ProcessStatus status = ProcessStatus.ONLINE;
    String statusReason = "";
    int pid = 4321;
    RestartPolicy policy = RestartPolicy.DEFAULTS;
    int restarts;
    Instant uptime = NOW.minus(Duration.ofHours(2).plusMinutes(15).plusSeconds(30));
    Instant createdAt = Instant.parse("2025-02-02T04:00:12Z");
    int exitCode;
    long memory = 25_270_682; // 24.1 MB
    double cpu = 0.3;
    List<String> listeners = List.of();
    String logOut = "/home/u/.gopm/logs/api-out.log";
    String logErr = "/home/u/.gopm/logs/api-err.log";
    long maxLogSize = 1_048_576;

    static Proc online(int id, String name) {
      Proc p = new Proc();
      p.id = id;
      p.name = name;
      return p;
    }

    static Proc notRunning(int id, String name, ProcessStatus status) {
      Proc p = online(id, name);
      p.status = status;
      p.pid = 0;
      p.memory = 0;
      p.cpu = 0;
      return p;
    }

    ProcessInfo build() {
      return new ProcessInfo(
          id, name, command, args, cwd, env, interpreter, status, statusReason, pid, policy,
          restarts, uptime, createdAt, exitCode, memory, cpu, listeners, logOut, logErr,
          maxLogSize);
    }
  }

  private static ProcessInfo apiOnline() {
    return Proc.online(0, "api").build();
  }

  private static ProcessInfo workerStopped() {
    Proc p = Proc.notRunning(1, "worker", ProcessStatus.STOPPED);
    p.restarts = 1;
    p.statusReason = "stopped by user";
    p.listeners = List.of("tcp@127.0.0.1:9000"); // stale listeners are not shown
    return p.build();
  }

  private static ProcessInfo crErrored() {
    Proc p = Proc.notRunning(2, "cr", ProcessStatus.ERRORED);
    p.restarts = 2;
    p.exitCode = 3;
    p.statusReason = "max restarts reached (exit code 3)";
    return p.build();
  }

  /** The data lines of a rendered table (between the header separator and the bottom border). */
  private static List<String> bodyLines(String table) {
    String[] lines = Ansi.strip(table).split("\n");
    return List.of(lines).subList(3, lines.length - 1);
  }

  /** The trimmed cells of one table line. */
  private static List<String> cells(String line) {
    String inner = line.substring(1, line.length() - 1);
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("│", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }

  private static List<List<String>> bodyCells(String table) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : bodyLines(table)) {
      rows.add(cells(line));
    }
    return rows;
  }

  // ---- table() ----

  @Test
  void tableRendersOnlineStoppedAndErroredProcessesExactly() {
    String table = plain.table(List.of(apiOnline(), workerStopped(), crErrored()), false);

    assertThat(table)
        .isEqualTo(
            "┌────┬────────┬──────────────────────────────────────────────┬──────┬──────┬─────────┬─────────┬────────┐\n"
                + "│ ID │ Name   │ Status                                       │ PID  │ CPU  │ Memory  │ Restart │ Uptime │\n"
                + "├────┼────────┼──────────────────────────────────────────────┼──────┼──────┼─────────┼─────────┼────────┤\n"
                + "│ 0  │ api    │ online                                       │ 4321 │ 0.3% │ 24.1 MB │ 0       │ 2h 15m │\n"
                + "│ 1  │ worker │ stopped                                      │ -    │ -    │ -       │ 1       │ -      │\n"
                + "│ 2  │ cr     │ errored (max restarts reached (exit code 3)) │ -    │ -    │ -       │ 2       │ -      │\n"
                + "└────┴────────┴──────────────────────────────────────────────┴──────┴──────┴─────────┴─────────┴────────┘\n");
  }

  @Test
  void tableShowsOnlyTheStatusWordForAStoppedProcessWithAReason() {
    assertThat(bodyCells(plain.table(List.of(workerStopped()), false)).get(0).get(2)).isEqualTo("stopped");
  }

  @Test
  void tableShowsABareErroredWhenThereIsNoReason() {
    Proc p = Proc.notRunning(4, "e", ProcessStatus.ERRORED);
    assertThat(bodyCells(plain.table(List.of(p.build()), false)).get(0).get(2)).isEqualTo("errored");
  }

  @Test
  void tableDimsTheReasonOfAnErroredProcess() {
    String table = coloured.table(List.of(crErrored()), false);

    assertThat(table)
        .contains(RED + "errored" + RESET + " \u001b[2m(max restarts reached (exit code 3))" + RESET);
  }

  @Test
  void tableMeasuresUptimeFromTheLastStartToNow() {
    Proc justStarted = Proc.online(0, "a");
    justStarted.uptime = NOW.minusSeconds(5);
    Proc days = Proc.online(1, "b");
    days.uptime = NOW.minus(Duration.ofDays(4).plusHours(12).plusSeconds(59));
    Proc inTheFuture = Proc.online(2, "c"); // clock skew: never negative
    inTheFuture.uptime = NOW.plusSeconds(30);

    List<List<String>> rows =
        bodyCells(plain.table(List.of(justStarted.build(), days.build(), inTheFuture.build()), false));

    assertThat(rows).extracting(row -> row.get(7)).containsExactly("5s", "4d 12h", "0s");
  }

  @Test
  void tableTreatsAnOnlineRecordWithoutPidAsNotRunning() {
    Proc p = Proc.online(0, "starting");
    p.pid = 0;

    assertThat(bodyCells(plain.table(List.of(p.build()), false)).get(0))
        .containsExactly("0", "starting", "online", "-", "-", "-", "0", "-");
  }

  @Test
  void tableKeepsTheGivenOrderOfProcesses() {
    List<List<String>> rows =
        bodyCells(plain.table(List.of(crErrored(), apiOnline(), workerStopped()), false));

    assertThat(rows).extracting(row -> row.get(0)).containsExactly("2", "0", "1");
    assertThat(rows).extracting(row -> row.get(1)).containsExactly("cr", "api", "worker");
  }

  @Test
  void tableOfNoProcessesIsTheHeaderAlone() {
    String table = plain.table(List.of(), false);

    assertThat(table.split("\n")).hasSize(4);
    assertThat(table).contains("│ ID │ Name │ Status │ PID │ CPU │ Memory │ Restart │ Uptime │");
  }

  @Test
  void tableAddsAPortsColumnOnlyWhenAsked() {
    String without = Ansi.strip(plain.table(List.of(apiOnline()), false)).split("\n")[1];
    String with = Ansi.strip(plain.table(List.of(apiOnline()), true)).split("\n")[1];

    assertThat(cells(without)).doesNotContain("Ports");
    assertThat(cells(with)).endsWith("Ports");
  }

  @Test
  void portsColumnDeduplicatesListenersAndJoinsThemWithCommas() {
    Proc p = Proc.online(0, "web");
    p.listeners = List.of("tcp@127.0.0.1:8080", "tcp@0.0.0.0:3000", "tcp@127.0.0.1:8080", "tcp6@::1:8080");

    List<String> row = bodyCells(plain.table(List.of(p.build()), true)).get(0);

    assertThat(row.get(8)).isEqualTo("tcp@127.0.0.1:8080, tcp@0.0.0.0:3000, tcp6@::1:8080");
  }

  @Test
  void portsColumnShowsADashWithoutListenersOrWhenNotOnline() {
    List<List<String>> rows = bodyCells(plain.table(List.of(apiOnline(), workerStopped()), true));

    assertThat(rows).extracting(row -> row.get(8)).containsExactly("-", "-");
  }

  @Test
  void portsColumnPrintsNonLocalListenersInRed() {
    Proc p = Proc.online(0, "web");
    p.listeners = List.of("tcp@127.0.0.1:8080", "tcp@0.0.0.0:3000");

    String table = coloured.table(List.of(p.build()), true);

    assertThat(table).contains(RED + "tcp@0.0.0.0:3000" + RESET);
    assertThat(table).contains("tcp@127.0.0.1:8080, " + RED + "tcp@0.0.0.0:3000");
    assertThat(table).doesNotContain(RED + "tcp@127.0.0.1:8080");
  }

  @Test
  void colouredTableAlignsLikeThePlainOne() {
    Proc p = Proc.online(0, "web");
    p.listeners = List.of("tcp@127.0.0.1:8080", "tcp@0.0.0.0:3000");
    List<ProcessInfo> processes = List.of(p.build(), workerStopped(), crErrored());

    assertThat(Ansi.strip(coloured.table(processes, true))).isEqualTo(plain.table(processes, true));
  }

  @Test
  void colouredTableColoursStatusWordsAndDimsDashes() {
    String table = coloured.table(List.of(apiOnline(), workerStopped()), false);

    assertThat(table).contains("\u001b[32monline" + RESET);
    assertThat(table).contains("\u001b[33mstopped" + RESET);
    assertThat(table).contains("\u001b[2m-" + RESET);
    assertThat(table).contains("\u001b[1mapi" + RESET);
  }

  // ---- isLocal() ----

  @Test
  void loopbackListenersAreLocal() {
    assertThat(ProcessViews.isLocal("tcp@127.0.0.1:8080")).isTrue();
    assertThat(ProcessViews.isLocal("tcp6@::1:8080")).isTrue();
    assertThat(ProcessViews.isLocal("tcp6@[::1]:8080")).isTrue();
    assertThat(ProcessViews.isLocal("tcp@localhost:8080")).isTrue();
    assertThat(ProcessViews.isLocal("udp@127.0.0.2:53")).isTrue(); // all of 127.0.0.0/8 is loopback
  }

  @Test
  void wildcardAndOtherListenersAreNotLocal() {
    assertThat(ProcessViews.isLocal("tcp@0.0.0.0:3000")).isFalse();
    assertThat(ProcessViews.isLocal("tcp6@:::3000")).isFalse();
    assertThat(ProcessViews.isLocal("tcp6@[::]:3000")).isFalse();
    assertThat(ProcessViews.isLocal("tcp@10.0.0.5:22")).isFalse();
    assertThat(ProcessViews.isLocal("tcp@128.0.0.1:22")).isFalse();
  }

  @Test
  void malformedListenersAreNotLocal() {
    assertThat(ProcessViews.isLocal("127.0.0.1:8080")).isFalse();
    assertThat(ProcessViews.isLocal("tcp@127.0.0.1")).isFalse();
    assertThat(ProcessViews.isLocal("")).isFalse();
  }

  // ---- signalName() ----

  @Test
  void namesTheCommonSignals() {
    assertThat(ProcessViews.signalName(15)).isEqualTo("SIGTERM");
    assertThat(ProcessViews.signalName(9)).isEqualTo("SIGKILL");
    assertThat(ProcessViews.signalName(1)).isEqualTo("SIGHUP");
    assertThat(ProcessViews.signalName(2)).isEqualTo("SIGINT");
    assertThat(ProcessViews.signalName(3)).isEqualTo("SIGQUIT");
    assertThat(ProcessViews.signalName(10)).isEqualTo("SIGUSR1");
    assertThat(ProcessViews.signalName(12)).isEqualTo("SIGUSR2");
  }

  @Test
  void numbersUnnamedSignals() {
    assertThat(ProcessViews.signalName(0)).isEqualTo("signal 0");
    assertThat(ProcessViews.signalName(64)).isEqualTo("signal 64");
  }

  // ---- describe() ----

  private static final List<String> SPEC_KEYS_ONLINE =
      List.of(
          "Name", "ID", "Status", "PID", "Command", "Args", "CWD", "Interpreter", "Uptime",
          "Created At", "Restarts", "Last Exit Code", "CPU", "Memory", "Auto Restart",
          "Max Restarts", "Min Uptime", "Restart Delay", "Exp Backoff", "Kill Signal",
          "Kill Timeout", "Stdout Log", "Stderr Log", "Max Log Size", "Env");

  private static ProcessInfo describedOnline() {
    Proc p = Proc.online(3, "api");
    p.args = List.of("--port", "8080");
    p.restarts = 1;
    p.uptime = NOW.minus(Duration.ofDays(3).plusHours(4).plusMinutes(22).plusSeconds(15));
    return p.build();
  }

  private static List<String> keys(String describe) {
    List<String> keys = new ArrayList<>();
    for (List<String> row : bodyCells(describe)) {
      keys.add(row.get(0));
    }
    return keys;
  }

  /** The value of the first row with {@code key}. */
  private static String value(String describe, String key) {
    for (List<String> row : bodyCells(describe)) {
      if (row.get(0).equals(key)) {
        return row.get(1);
      }
    }
    throw new AssertionError("no row " + key + " in\n" + describe);
  }

  @Test
  void describeHasKeyAndValueHeaders() {
    String header = plain.describe(describedOnline()).split("\n")[1];

    assertThat(cells(header)).containsExactly("Key", "Value");
  }

  @Test
  void describeListsTheSpecRowsInSpecOrder() {
    assertThat(keys(plain.describe(describedOnline()))).containsSubsequence(SPEC_KEYS_ONLINE);
  }

  @Test
  void describeListsExactlyTheSpecRowsPlusMaxDelayAfterExpBackoff() {
    java.util.List<String> expected = new java.util.ArrayList<>(SPEC_KEYS_ONLINE);
    expected.add(expected.indexOf("Exp Backoff") + 1, "Max Delay");

    assertThat(keys(plain.describe(describedOnline()))).containsExactlyElementsOf(expected);
  }

  @Test
  void describeShowsTheValuesOfAnOnlineProcess() {
    String describe = plain.describe(describedOnline());

    assertThat(value(describe, "Name")).isEqualTo("api");
    assertThat(value(describe, "ID")).isEqualTo("3");
    assertThat(value(describe, "Status")).isEqualTo("online");
    assertThat(value(describe, "PID")).isEqualTo("4321");
    assertThat(value(describe, "Command")).isEqualTo("/usr/local/bin/app");
    assertThat(value(describe, "Args")).isEqualTo("--port 8080");
    assertThat(value(describe, "CWD")).isEqualTo("/srv/app");
    assertThat(value(describe, "Interpreter")).isEqualTo("-");
    assertThat(value(describe, "Uptime")).isEqualTo("3d 4h 22m");
    assertThat(value(describe, "Restarts")).isEqualTo("1");
    assertThat(value(describe, "Last Exit Code")).isEqualTo("-");
    assertThat(value(describe, "CPU")).isEqualTo("0.3%");
    assertThat(value(describe, "Memory")).isEqualTo("24.1 MB");
    assertThat(value(describe, "Auto Restart")).isEqualTo("always");
    assertThat(value(describe, "Max Restarts")).isEqualTo("unlimited");
    assertThat(value(describe, "Min Uptime")).isEqualTo("5s");
    assertThat(value(describe, "Restart Delay")).isEqualTo("2s");
    assertThat(value(describe, "Exp Backoff")).isEqualTo("false");
    assertThat(value(describe, "Kill Signal")).isEqualTo("SIGTERM");
    assertThat(value(describe, "Kill Timeout")).isEqualTo("5s");
    assertThat(value(describe, "Stdout Log")).isEqualTo("/home/u/.gopm/logs/api-out.log");
    assertThat(value(describe, "Stderr Log")).isEqualTo("/home/u/.gopm/logs/api-err.log");
    assertThat(value(describe, "Max Log Size")).isEqualTo("1 MB");
    assertThat(value(describe, "Env")).isEqualTo("-");
  }

  @Test
  void describeOmitsStatusReasonWhenNoneIsSet() {
    assertThat(keys(plain.describe(describedOnline()))).doesNotContain("Status Reason");
  }

  @Test
  void describeShowsStatusReasonRightAfterStatusWhenSet() {
    String describe = plain.describe(workerStopped());
    List<String> keys = keys(describe);

    assertThat(keys.get(keys.indexOf("Status") + 1)).isEqualTo("Status Reason");
    assertThat(value(describe, "Status Reason")).isEqualTo("stopped by user");
    assertThat(coloured.describe(workerStopped())).contains("\u001b[33mstopped by user" + RESET);
  }

  @Test
  void describeShowsDashesAndTheExitCodeForAStoppedProcess() {
    String describe = plain.describe(crErrored());

    assertThat(value(describe, "Status")).isEqualTo("errored");
    assertThat(value(describe, "PID")).isEqualTo("-");
    assertThat(value(describe, "Uptime")).isEqualTo("-");
    assertThat(value(describe, "Last Exit Code")).isEqualTo("3");
    assertThat(value(describe, "CPU")).isEqualTo("-");
    assertThat(value(describe, "Memory")).isEqualTo("-");
    assertThat(value(describe, "Args")).isEqualTo("-");
  }

  @Test
  void describeShowsTheConfiguredRestartPolicy() {
    Proc p = Proc.online(5, "pol");
    p.policy =
        new RestartPolicy(
            AutoRestart.ON_FAILURE, 3, Duration.ofMillis(1500), Duration.ofMinutes(1), true,
            Duration.ofMinutes(90), RestartPolicy.SIGTERM, Duration.ofMillis(300));
    p.interpreter = "python3";
    p.maxLogSize = 512 * 1024;

    String describe = plain.describe(p.build());

    assertThat(value(describe, "Auto Restart")).isEqualTo("on-failure");
    assertThat(value(describe, "Max Restarts")).isEqualTo("3");
    assertThat(value(describe, "Min Uptime")).isEqualTo("1.5s");
    assertThat(value(describe, "Restart Delay")).isEqualTo("1m0s");
    assertThat(value(describe, "Exp Backoff")).isEqualTo("true");
    assertThat(value(describe, "Kill Timeout")).isEqualTo("300ms");
    assertThat(value(describe, "Interpreter")).isEqualTo("python3");
    assertThat(value(describe, "Max Log Size")).isEqualTo("512 KB");
  }

  @Test
  void describeListsEnvSortedWithEmptyKeysAfterTheFirstEntry() {
    Proc p = Proc.online(0, "envy");
    p.env = Map.of("ZED", "last", "APP_ENV", "production", "B", "x=y");

    List<List<String>> rows = bodyCells(plain.describe(p.build()));
    int env = rows.size() - 3;

    assertThat(rows.subList(env, rows.size()))
        .containsExactly(
            List.of("Env", "APP_ENV=production"), List.of("", "B=x=y"), List.of("", "ZED=last"));
  }

  @Test
  void describeEndsWithMaxLogSizeAndEnv() {
    List<String> keys = keys(plain.describe(describedOnline()));

    assertThat(keys.subList(keys.size() - 4, keys.size()))
        .containsExactly("Stdout Log", "Stderr Log", "Max Log Size", "Env");
  }

  @Test
  void describeShowsCreatedAtInTheGivenZone() {
    ProcessInfo process = describedOnline();

    assertThat(value(new ProcessViews(new Ansi(false), NOW, ZoneId.of("UTC")).describe(process), "Created At"))
        .isEqualTo("2025-02-02 04:00:12 UTC");
    assertThat(
            value(
                new ProcessViews(new Ansi(false), NOW, ZoneId.of("America/New_York")).describe(process),
                "Created At"))
        .isEqualTo("2025-02-01 23:00:12 EST");
  }

  @Test
  void describeShowsCreatedAtInUtcWithTheZoneNameUtc() {
    assertThat(value(plain.describe(describedOnline()), "Created At")).isEqualTo("2025-02-02 04:00:12 UTC");
  }

  @Test
  void describeColoursKeysCyanAndTheNameBold() {
    String describe = coloured.describe(describedOnline());

    assertThat(describe).contains("\u001b[36mName" + RESET);
    assertThat(describe).contains("\u001b[1mapi" + RESET);
    assertThat(describe).contains("\u001b[32monline" + RESET);
    assertThat(Ansi.strip(describe)).isEqualTo(plain.describe(describedOnline()));
  }
}
