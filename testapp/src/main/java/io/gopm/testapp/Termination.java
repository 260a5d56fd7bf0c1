package io.gopm.testapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How the helper ends: SIGTERM/SIGINT handling, panics (uncaught exceptions) and exit codes.
 *
 * <p>An instance is a signal handler in one of three modes: exit 0 at once (the default for both
 * SIGTERM and SIGINT, instead of the JVM's 143/130), ignore ({@code --trap-sigterm}: print
 * {@code SIGTERM received, ignoring} and keep running; the JVM's own handler is replaced, so the
 * signal really is ignored), or delayed exit ({@code --slow-shutdown D}: print
 * {@code SIGTERM received, shutting down in D}, wait D, exit 0; later SIGTERMs are then ignored,
 * a SIGINT still exits at once).
 *
 * <p>The {@link #PANIC} instance is the default uncaught-exception handler: it prints the stack
 * trace as the JVM would ({@code Exception in thread "..." ...}) and halts with exit code
 * {@value #PANIC_EXIT_CODE}, as a Go panic does, whichever thread threw.
 */
final class Termination implements SignalHandler, Thread.UncaughtExceptionHandler {

    /** The exit code of a panic (Go's). */
    static final int PANIC_EXIT_CODE = 2;

    /** The uncaught-exception handler: stack trace on stderr, then exit code 2. */
    static final Termination PANIC = new Termination(false, Duration.ZERO);

    private static boolean shuttingDown;

    private final boolean ignore;
    private final Duration delay;

    private Termination(boolean ignore, Duration delay) {
        this.ignore = ignore;
        this.delay = delay;
    }

    /**
     * Installs the SIGINT and SIGTERM handlers for the given options.
     *
     * @param options {@code --trap-sigterm} wins over {@code --slow-shutdown}
     */
    static void installSignalHandlers(Options options) {
        Termination exit = new Termination(false, Duration.ZERO);
        Termination term;
        if (options.trapSigterm()) {
            term = new Termination(true, Duration.ZERO);
        } else if (!options.slowShutdown().isZero()) {
            term = new Termination(false, options.slowShutdown());
        } else {
            term = exit;
        }
        Signal.handle(new Signal("INT"), exit);
        Signal.handle(new Signal("TERM"), term);
    }

    /**
     * Handles a signal (on a thread the JVM starts for it).
     *
     * @param signal the signal
     */
    @Override
    public void handle(Signal signal) {
        if (ignore) {
            Output.ERR.line("SIGTERM received, ignoring");
            return;
        }
        if (delay.isZero()) {
            exit(0);
            return;
        }
        synchronized (Termination.class) {
            if (shuttingDown) {
                return;
            }
            shuttingDown = true;
        }
        Output.ERR.line("SIGTERM received, shutting down in ".concat(GoDurations.format(delay)));
        Behaviours.sleep(delay.toNanos());
        exit(0);
    }

    /**
     * Prints the uncaught exception's stack trace to stderr and halts with exit code 2.
     *
     * @param thread the thread that threw
     * @param error  what it threw
     */
    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        try {
            StringWriter trace = new StringWriter(1024);
            PrintWriter writer = new PrintWriter(trace);
            writer.print("Exception in thread \"");
            writer.print(thread.getName());
            writer.print("\" ");
            error.printStackTrace(writer);
            writer.flush();
            Output.ERR.text(trace.toString());
        } finally {
            Runtime.getRuntime().halt(PANIC_EXIT_CODE);
        }
    }

    /**
     * Exits the JVM with the given status.
     *
     * @param status the exit code
     */
    static void exit(int status) {
        System.exit(status);
    }
}
