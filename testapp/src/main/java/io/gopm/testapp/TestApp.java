package io.gopm.testapp;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The testapp entry point: a configurable child program for GoPM's integration tests and
 * benchmarks (see the package documentation and {@link Options} for the flags).
 *
 * <p>Start-up order: start delay, {@code PID=}, environment/arguments/working directory,
 * memory allocation, CPU burners, signal handlers, TCP listener and open file, heartbeats and
 * flood, exit/crash/panic timers, then the readiness line {@code testapp ready (PID <pid>)} on
 * stdout, after which the main thread blocks until the process is ended by a timer or a signal.
 *
 * <p>Exit codes: 0 for {@code --exit-after}, SIGTERM and SIGINT (and {@code --help}); the
 * {@code --exit-code} (default 1) for crashes; 2 for a panic; 64 for a bad command line (with
 * {@code testapp: <message>} on stderr); 1 when memory, the listener or the file cannot be had.
 */
public final class TestApp {

    /** The exit code when a requested resource (memory, port, file) cannot be had. */
    static final int EX_RESOURCE = 1;

    private TestApp() {
    }

    /**
     * Runs the helper.
     *
     * @param args the flags (see {@link Options})
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(Termination.PANIC);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(Options.EX_USAGE, e.getMessage());
            return;
        }
        if (options.help()) {
            Output.OUT.text(Options.USAGE);
            Termination.exit(0);
            return;
        }
        run(options);
    }

    private static void run(Options options) {
        Behaviours.sleep(options.startDelay().toNanos());
        long pid = pid();
        if (options.printPid()) {
            Output.OUT.line("PID=".concat(Long.toString(pid)));
        }
        for (String name : options.printEnv()) {
            String value = System.getenv(name);
            Output.OUT.line(name.concat("=").concat(value == null ? "" : value));
        }
        if (options.printArgs()) {
            List<String> argv = options.argv();
            Output.OUT.line("ARGS=".concat(Json.array(argv)));
            for (int i = 0; i < argv.size(); i++) {
                Output.OUT.line(new StringBuilder("ARG[").append(i).append("]=")
                        .append(argv.get(i)).toString());
            }
        }
        if (options.printCwd()) {
            Output.OUT.line("CWD=".concat(System.getProperty("user.dir")));
        }
        if (options.allocMb() > 0) {
            try {
                Behaviours.allocate(options.allocMb());
            } catch (OutOfMemoryError e) {
                fail(EX_RESOURCE, "--alloc-mb " + options.allocMb() + ": " + e.getMessage());
            }
        }
        Behaviours.startBurners(options.cpuBurn());
        Termination.installSignalHandlers(options);
        if (options.listen() != null) {
            try {
                Behaviours.listen(options.listen());
            } catch (IOException | RuntimeException e) {
                fail(EX_RESOURCE, "--listen " + options.listen().displayHost() + ":"
                        + options.listen().port() + ": " + e);
            }
        }
        if (options.openFile() != null) {
            try {
                Behaviours.openFile(options.openFile());
            } catch (IOException | RuntimeException e) {
                fail(EX_RESOURCE, "--open-file " + options.openFile() + ": " + e);
            }
        }
        Behaviours.startOutput(options);
        Behaviours.armTimers(options);
        Output.OUT.line(new StringBuilder("testapp ready (PID ").append(pid).append(')').toString());
        for (;;) {
            LockSupport.park(TestApp.class); // until a timer or a signal handler exits
        }
    }

    /**
     * The process id, read from {@code /proc/self} on Linux: {@link ProcessHandle#current()}
     * would start a thread pool and spin lambda forms, which costs start-up time.
     *
     * @return the pid of this process
     */
    static long pid() {
        try {
            return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
        } catch (IOException | NumberFormatException e) {
            return ProcessHandle.current().pid();
        }
    }

    private static void fail(int status, String message) {
        Output.ERR.line("testapp: ".concat(message));
        Termination.exit(status);
    }
}
