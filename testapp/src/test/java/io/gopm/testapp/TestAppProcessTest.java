package io.gopm.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the real helper ({@code java -cp target/classes io.gopm.testapp.TestApp ...}) and
 * checks its observable behaviour. No fixed sleeps: every wait is for an output line or for the
 * process to exit, with a deadline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestAppProcessTest {

    private static final long DEADLINE_MS = 20_000;
    private static final String EOF = new String("<EOF>");

    private final List<Child> children = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Child child : children) {
            child.process.destroyForcibly();
            child.process.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void printsTheReadinessLineAndExitsZeroOnSigterm() throws Exception {
        Child child = start("--run-forever");
        assertThat(child.awaitOut(l -> l.startsWith("testapp ready")))
                .isEqualTo("testapp ready (PID " + child.process.pid() + ")");
        child.signal("TERM");
        assertThat(child.awaitExit()).isZero();
    }

    @Test
    void exitsZeroOnSigint() throws Exception {
        Child child = start();
        child.awaitReady();
        // a SIGINT ignored by an ancestor (e.g. a shell's background job) stays ignored in the JVM
        assumeThat(signalIgnored(child.process.pid(), 2)).as("SIGINT inherited as ignored").isFalse();
        child.signal("INT");
        assertThat(child.awaitExit()).isZero();
    }

    @Test
    void trapSigtermReallyIgnoresSigtermUntilSigkill() throws Exception {
        Child child = start("--trap-sigterm", "--stdout-every", "20ms", "--stdout-msg", "beat");
        child.awaitReady();
        child.signal("TERM");
        assertThat(child.awaitErr(l -> l.startsWith("SIGTERM"))).isEqualTo("SIGTERM received, ignoring");
        // still alive and working: more heartbeats after the signal
        child.out.clear();
        child.awaitOut("beat"::equals);
        child.awaitOut("beat"::equals);
        child.signal("TERM");
        assertThat(child.awaitErr(l -> l.startsWith("SIGTERM"))).isEqualTo("SIGTERM received, ignoring");
        child.awaitOut("beat"::equals);
        assertThat(child.process.isAlive()).isTrue();
        child.signal("KILL");
        assertThat(child.awaitExit()).isEqualTo(128 + 9);
    }

    @Test
    void slowShutdownExitsZeroAfterTheDelay() throws Exception {
        Child child = start("--slow-shutdown", "300ms");
        child.awaitReady();
        long sent = System.nanoTime();
        child.signal("TERM");
        assertThat(child.awaitErr(l -> l.startsWith("SIGTERM")))
                .isEqualTo("SIGTERM received, shutting down in 300ms");
        assertThat(child.awaitExit()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void crashAfterExitsWithTheExitCode() throws Exception {
        Child child = start("--crash-after", "100ms", "--exit-code", "3");
        assertThat(child.awaitExit()).isEqualTo(3);
        assertThat(child.errLines()).contains("crashing with exit code 3");
        assertThat(child.outLines()).anyMatch(l -> l.startsWith("testapp ready (PID "));
    }

    @Test
    void crashRandomExitsWithTheExitCode() throws Exception {
        Child child = start("--crash-random", "50ms", "--exit-code", "5");
        assertThat(child.awaitExit()).isEqualTo(5);
        assertThat(child.errLines()).anyMatch(l -> l.startsWith("random crash after "));
    }

    @Test
    void panicExitsTwoWithAStackTrace() throws Exception {
        Child child = start("--panic-after", "50ms");
        assertThat(child.awaitExit()).isEqualTo(2);
        assertThat(child.errLines()).first().asString()
                .isEqualTo("Exception in thread \"testapp-panic\" "
                        + "java.lang.IllegalStateException: intentional panic");
        assertThat(child.errLines()).anyMatch(l -> l.startsWith("\tat io.gopm.testapp."));
    }

    @Test
    void exitAfterPrintsCleanExitAndExitsZero() throws Exception {
        Child child = start("--exit-after", "100ms");
        assertThat(child.awaitExit()).isZero();
        assertThat(child.outLines()).last().isEqualTo("clean exit");
    }

    @Test
    void printsPidEnvArgsAndCwdBeforeTheReadinessLine() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work dir"));
        List<String> args = List.of("--print-pid", "--print-env", "TESTAPP_FOO", "--print-env",
                "TESTAPP_UNSET", "--print-args", "--print-cwd", "--", "a b", "q\"uote", "back\\slash",
                "tab\there", "");
        Child child = start(dir, Map.of("TESTAPP_FOO", "bar = baz"), args);
        child.awaitReady();
        long pid = child.process.pid();
        List<String> expected = new ArrayList<>();
        expected.add("PID=" + pid);
        expected.add("TESTAPP_FOO=bar = baz");
        expected.add("TESTAPP_UNSET=");
        expected.add("ARGS=[\"--print-pid\",\"--print-env\",\"TESTAPP_FOO\",\"--print-env\","
                + "\"TESTAPP_UNSET\",\"--print-args\",\"--print-cwd\",\"--\",\"a b\",\"q\\\"uote\","
                + "\"back\\\\slash\",\"tab\\there\",\"\"]");
        for (int i = 0; i < args.size(); i++) {
            expected.add("ARG[" + i + "]=" + args.get(i));
        }
        expected.add("CWD=" + dir.toRealPath());
        expected.add("testapp ready (PID " + pid + ")");
        assertThat(child.outLines()).containsExactlyElementsOf(expected);
    }

    @Test
    void listensOnAConnectablePortAndHoldsAFileOpen() throws Exception {
        Path file = tmp.resolve("held.log");
        Child child = start("--listen", "0", "--open-file", file.toString());
        String line = child.awaitOut(l -> l.startsWith("LISTENING "));
        assertThat(line).startsWith("LISTENING 127.0.0.1:");
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
        assertThat(port).isBetween(1, 65535);
        child.awaitReady();
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
        assertThat(file).exists();
        assertThat(openFiles(child.process.pid())).contains(file.toRealPath());
    }

    @Test
    void listenOnABusyPortFails() throws Exception {
        Child first = start("--listen", "127.0.0.1:0");
        String line = first.awaitOut(l -> l.startsWith("LISTENING "));
        String port = line.substring(line.lastIndexOf(':') + 1);
        Child second = start("--listen", port);
        assertThat(second.awaitExit()).isEqualTo(1);
        assertThat(second.errLines()).anyMatch(l -> l.startsWith("testapp: --listen 127.0.0.1:" + port));
    }

    @Test
    void heartbeatsOnBothStreams() throws Exception {
        Child child = start("--stdout-every", "20ms", "--stderr-every", "20ms", "--stdout-msg",
                "hello out");
        child.awaitReady();
        child.awaitOut("hello out"::equals);
        child.awaitOut("hello out"::equals);
        child.awaitErr("stderr heartbeat"::equals);
        child.awaitErr("stderr heartbeat"::equals);
    }

    @Test
    void floodWritesWholeLinesOfTheRequestedSize() throws Exception {
        Child child = start(null, Map.of(), List.of("--stdout-flood", "--stdout-size", "100"), false);
        String flood = "X".repeat(99);
        String ready = "testapp ready (PID " + child.process.pid() + ")";
        int floodLines = 0;
        boolean sawReady = false;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
            while (!sawReady || floodLines < 50_000) {
                String line = reader.readLine();
                assertThat(line).as("stdout ended early").isNotNull();
                if (line.equals(ready)) {
                    sawReady = true;
                } else {
                    assertThat(line).isEqualTo(flood);
                    floodLines++;
                }
            }
        }
        assertThat(floodLines).isGreaterThanOrEqualTo(50_000);
    }

    @Test
    void allocatesAndHoldsMemory() throws Exception {
        Child child = start("--alloc-mb", "96");
        child.awaitReady();
        assertThat(statusKb(child.process.pid(), "VmRSS")).isGreaterThan(96L * 1024);
    }

    @Test
    void cpuBurnersAreNamedThreads() throws Exception {
        Child child = start("--cpu-burn", "2");
        child.awaitReady();
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(child.process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        assertThat(names).contains("testapp-burn-1", "testapp-burn-2");
    }

    @Test
    void startDelayComesFirst() throws Exception {
        long started = System.nanoTime();
        Child child = start("--start-delay", "300ms", "--print-pid");
        assertThat(child.awaitOut(l -> true)).isEqualTo("PID=" + child.process.pid());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
        child.awaitReady();
    }

    @Test
    void badFlagsExit64NamingTheFlag() throws Exception {
        Child child = start("--exit-after", "soon");
        assertThat(child.awaitExit()).isEqualTo(64);
        assertThat(child.errLines()).containsExactly(
                "testapp: invalid value \"soon\" for flag --exit-after: invalid duration \"soon\"");
        assertThat(child.outLines()).isEmpty();

        Child unknown = start("--nope");
        assertThat(unknown.awaitExit()).isEqualTo(64);
        assertThat(unknown.errLines()).containsExactly("testapp: unknown flag: --nope");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Child child = start("--help");
        assertThat(child.awaitExit()).isZero();
        assertThat(child.outLines()).first().asString().startsWith("Usage: testapp");
    }

    // ---------------------------------------------------------------------------------------

    private Child start(String... args) throws IOException {
        return start(null, Map.of(), List.of(args), true);
    }

    private Child start(Path cwd, Map<String, String> env, List<String> args) throws IOException {
        return start(cwd, env, args, true);
    }

    private Child start(Path cwd, Map<String, String> env, List<String> args, boolean readStdout)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-Xss256k", "-Xmx64m", "-XX:MaxDirectMemorySize=1g",
                "-cp", classes().toString(), TestApp.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("TESTAPP_UNSET");
        builder.environment().putAll(env);
        Child child = new Child(builder.start(), readStdout);
        children.add(child);
        return child;
    }

    private static Path classes() {
        try {
            return Path.of(TestApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException(field + " not found");
    }

    private static boolean signalIgnored(long pid, int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    private static List<Path> openFiles(long pid) throws IOException {
        List<Path> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    targets.add(Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return targets;
    }

    /** A started helper with its output lines collected by two reader threads. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> out = new LinkedBlockingQueue<>();
        final BlockingQueue<String> err = new LinkedBlockingQueue<>();
        private final List<String> allOut = Collections.synchronizedList(new ArrayList<>());
        private final List<String> allErr = Collections.synchronizedList(new ArrayList<>());
        private final Thread outReader;
        private final Thread errReader;

        Child(Process process, boolean readStdout) {
            this.process = process;
            try {
                process.getOutputStream().close(); // no stdin
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            this.outReader = readStdout ? reader(process.getInputStream(), out, allOut, "out") : null;
            this.errReader = reader(process.getErrorStream(), err, allErr, "err");
        }

        private Thread reader(InputStream stream, BlockingQueue<String> queue, List<String> all,
                String name) {
            Thread thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        all.add(line);
                        queue.add(line);
                    }
                } catch (IOException e) {
                    // the stream was closed
                } finally {
                    queue.add(EOF);
                }
            }, "child-" + process.pid() + "-" + name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        String awaitOut(Predicate<String> match) throws InterruptedException {
            return await(out, allOut, match, "stdout");
        }

        String awaitErr(Predicate<String> match) throws InterruptedException {
            return await(err, allErr, match, "stderr");
        }

        void awaitReady() throws InterruptedException {
            awaitOut(l -> l.equals("testapp ready (PID " + process.pid() + ")"));
        }

        private String await(BlockingQueue<String> queue, List<String> all, Predicate<String> match,
                String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            for (;;) {
                String line = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line == EOF) {
                    if (line == EOF) {
                        queue.add(EOF);
                    }
                    return fail("no matching line on %s (%s); %s: %s; stderr: %s", what,
                            line == null ? "timed out" : "stream ended", what, all, allErr);
                }
                if (match.test(line)) {
                    return line;
                }
            }
        }

        /** Waits for the exit and for both streams to be read to their end; returns the code. */
        int awaitExit() throws InterruptedException {
            if (!process.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                fail("the process did not exit; stdout: %s; stderr: %s", allOut, allErr);
            }
            if (outReader != null) {
                outReader.join(DEADLINE_MS);
            }
            errReader.join(DEADLINE_MS);
            return process.exitValue();
        }

        List<String> outLines() {
            synchronized (allOut) {
                return List.copyOf(allOut);
            }
        }

        List<String> errLines() {
            synchronized (allErr) {
                return List.copyOf(allErr);
            }
        }

        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            assertThat(kill.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(kill.exitValue()).as("kill -%s exit code", name).isZero();
        }
    }
}
