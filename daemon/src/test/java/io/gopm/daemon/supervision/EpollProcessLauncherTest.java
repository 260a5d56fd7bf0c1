package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.daemon.events.DaemonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event-driven launcher against real children (Linux; the daemon's default launcher). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EpollProcessLauncherTest {

  private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C");

  @TempDir static Path dir;
  private static DaemonLog log;
  private static EpollProcessLauncher launcher;

  @BeforeAll
  static void start() throws IOException {
    log = DaemonLog.open(dir.resolve("daemon.log"), true);
    launcher = EpollProcessLauncher.start(log);
  }

  @AfterAll
  static void stop() throws IOException {
    log.close();
  }

  /** Collects one stream; {@link #ended} completes at its end. */
  static final class Captured implements OutputSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CompletableFuture<String> ended = new CompletableFuture<>();

    @Override
    public synchronized void accept(byte[] buffer, int offset, int length) {
      bytes.write(buffer, offset, length);
    }

    @Override
    public synchronized void endOfStream() {
      ended.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    synchronized int size() {
      return bytes.size();
    }

    String text() throws Exception {
      return ended.get(30, TimeUnit.SECONDS);
    }
  }

  private record Run(LaunchedProcess process, Captured out, Captured err) {
    int exitCode() throws Exception {
      return process.exit().get(30, TimeUnit.SECONDS);
    }
  }

  private static Run run(Map<String, String> env, Path cwd, String... argv) throws LaunchException {
    Captured out = new Captured();
    Captured err = new Captured();
    return new Run(launcher.launch(new LaunchSpec("test", List.of(argv), cwd, env), out, err), out, err);
  }

  private static Run sh(String script) throws LaunchException {
    return run(ENV, dir, "/bin/sh", "-c", script);
  }

  @Test
  void capturesStdoutAndStderrApartAndReportsTheExitAfterBoth() throws Exception {
    Run run = sh("echo to-out; echo to-err >&2; exit 3");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out().ended).isDone();
    assertThat(run.err().ended).isDone();
    assertThat(run.out().text()).isEqualTo("to-out\n");
    assertThat(run.err().text()).isEqualTo("to-err\n");
  }

  @ParameterizedTest(name = "exit {0} is recorded as {1}")
  @CsvSource({"0, 0", "1, 1", "128, 128", "130, 130", "137, 137", "255, 255"})
  void plainExitCodesAreKeptEvenAbove128(int status, int expected) throws Exception {
    assertThat(sh("exit " + status).exitCode()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "waitpid status {0} is exit code {1}")
  @CsvSource({"0, 0", "768, 3", "65280, 255", "9, -1", "15, -1", "137, -1"})
  void waitStatusesBecomeExitCodesAndSignalsMinusOne(int waitStatus, int expected) {
    assertThat(EpollProcessLauncher.exitCode(waitStatus)).isEqualTo(expected);
  }

  @Test
  void aChildKilledByASignalExitsWithMinusOne() throws Exception {
    Run run = sh("kill -9 $$");
    assertThat(run.exitCode()).isEqualTo(-1);
  }

  @Test
  void theChildLeadsItsOwnSessionAndProcessGroup() throws Exception {
    Run run = run(ENV, dir, "/bin/cat", "/proc/self/stat");
    assertThat(run.exitCode()).isZero();
    String stat = run.out().text();
    // after the command name: state, parent, process group, session
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    String pid = Integer.toString(run.process().pid());
    assertThat(fields[2]).as("process group").isEqualTo(pid);
    assertThat(fields[3]).as("session").isEqualTo(pid);
  }

  @Test
  void stdinIsTheNullDeviceAndNoOtherDescriptorOfTheDaemonLeaks() throws Exception {
    Run stdin = run(ENV, dir, "/bin/readlink", "/proc/self/fd/0");
    // ls opens the directory it lists as descriptor 3
    Run fds = run(ENV, dir, "/bin/ls", "/proc/self/fd");

    assertThat(stdin.out().text()).isEqualTo("/dev/null\n");
    assertThat(fds.out().text().split("\n")).containsExactly("0", "1", "2", "3");
  }

  @Test
  void signalsStartAtTheirDefaultsAndUnblocked() throws Exception {
    Run run = run(ENV, dir, "/bin/grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status");
    String[] lines = run.out().text().split("\n");

    assertThat(lines).hasSize(2);
    for (String line : lines) {
      // signals 1-31; 32 and 33 are the C library's own (NPTL), which no program can use
      long standardSignals = Long.parseUnsignedLong(line.substring(line.indexOf('\t') + 1), 16) & 0x7fffffffL;
      assertThat(standardSignals).as(line).isZero();
    }
  }

  @Test
  void runsInItsDirectoryWithExactlyItsEnvironment() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("work dir"));
    Run run = run(Map.of("PATH", "/usr/bin:/bin", "GREETING", "héllo wörld"), cwd, "/bin/sh", "-c", "pwd; env | sort");

    assertThat(run.out().text())
        .isEqualTo(cwd + "\nGREETING=héllo wörld\nPATH=/usr/bin:/bin\nPWD=" + cwd + "\n");
  }

  @Test
  void aProgramThatCannotRunIsALaunchErrorNamingIt() throws IOException {
    Path notExecutable = Files.writeString(dir.resolve("plain.txt"), "hello");

    assertThatThrownBy(() -> run(ENV, dir, dir.resolve("missing").toString()))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("start process: Cannot run program \"" + dir.resolve("missing"))
        .hasMessageEndingWith("error=2, No such file or directory");
    assertThatThrownBy(() -> run(ENV, dir, notExecutable.toString()))
        .isInstanceOf(LaunchException.class)
        .hasMessageEndingWith("error=13, Permission denied");
  }

  @Test
  void anExecutableWithoutInterpreterLineRunsThroughTheShell() throws Exception {
    Path script = dir.resolve("no-shebang");
    Files.writeString(script, "echo from the shell: $1\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    Run run = run(ENV, dir, script.toString(), "arg");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().text()).isEqualTo("from the shell: arg\n");
  }

  @Test
  void theExitIsReportedSoonEvenWhenADescendantKeepsThePipesOpen() throws Exception {
    Run run = sh("sleep 30 & echo started");
    try {
      // the grace for the pipes is 200 ms; the grandchild runs for 30 s
      assertThat(run.process().exit().get(10, TimeUnit.SECONDS)).isZero();
      assertThat(run.out().ended).isNotDone();
    } finally {
      new ProcessBuilder("kill", "-9", "--", "-" + run.process().pid()).start().waitFor();
    }
    assertThat(run.out().text()).isEqualTo("started\n");
  }

  @Test
  void aFloodIsCapturedByteForByte() throws Exception {
    Run run = sh("head -c 50000000 /dev/zero; echo end >&2");

    assertThat(run.exitCode()).isZero();
    run.out().text();
    assertThat(run.out().size()).isEqualTo(50_000_000);
    assertThat(run.err().text()).isEqualTo("end\n");
  }

  @Test
  void aSinkThatFailsLosesItsStreamButNotTheExitNorTheOtherChildren() throws Exception {
    OutputSink broken =
        new OutputSink() {
          @Override
          public void accept(byte[] buffer, int offset, int length) {
            throw new IllegalStateException("a bug in a sink");
          }

          @Override
          public void endOfStream() {}
        };
    Captured err = new Captured();
    LaunchedProcess process =
        launcher.launch(new LaunchSpec("broken", List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 4"), dir, ENV), broken, err);

    assertThat(process.exit().get(30, TimeUnit.SECONDS)).isEqualTo(4);
    assertThat(err.text()).isEqualTo("err\n");
    assertThat(sh("echo still watching").out().text()).isEqualTo("still watching\n");
    assertThat(Files.readString(dir.resolve("daemon.log"))).contains("a bug in a sink");
  }

  @Test
  void childrenCostNoThreads() throws Exception {
    int before = Thread.activeCount();
    List<Run> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        runs.add(run(ENV, dir, "/bin/sleep", "60"));
      }
      assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 2);
    } finally {
      List<String> kill = new ArrayList<>(List.of("kill", "-9"));
      runs.forEach(run -> kill.add(Integer.toString(run.process().pid())));
      new ProcessBuilder(kill).start().waitFor();
    }
    for (Run run : runs) {
      assertThat(run.exitCode()).isEqualTo(-1);
    }
  }
}
