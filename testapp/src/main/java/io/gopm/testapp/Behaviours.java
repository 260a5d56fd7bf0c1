package io.gopm.testapp;

import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper's behaviours: the threads it runs (heartbeats, flood, CPU burners, exit/crash/panic
 * timers, TCP acceptor) and the resources it holds (memory, listening socket, open file).
 *
 * <p>Each kind of thread is a small record implementing {@link Runnable}, so only the kinds a
 * run asks for are ever loaded. Every thread is a named daemon thread (the main thread keeps the
 * JVM alive); held resources are referenced from a static list so they are never collected.
 */
final class Behaviours {

    private static final long MIB = 1L << 20;
    private static final int ALLOC_CHUNK = 64 << 20;
    private static final int PAGE = 4096;
    private static final long ACCEPT_BACKOFF_NANOS = 10_000_000L;

    /** Everything held for the life of the process. */
    private static final List<Object> HELD = new ArrayList<>();

    private Behaviours() {
    }

    /**
     * Starts a named daemon thread.
     *
     * @param task the task
     * @param name the thread name
     * @return the started thread
     */
    static Thread start(Runnable task, String name) {
        Thread thread = new Thread(null, task, name, 0);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Sleeps at least {@code nanos} nanoseconds, ignoring interrupts and spurious wake-ups.
     *
     * @param nanos the time to sleep; nothing happens if not positive
     */
    static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        sleepUntil(System.nanoTime() + nanos);
    }

    private static void sleepUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Behaviours.class, remaining);
        }
    }

    /**
     * Allocates {@code mebibytes} MiB off-heap, in chunks, writes to every page so the resident
     * set really grows (the JDK already zeroes every byte), and holds it.
     *
     * @param mebibytes the size in MiB
     * @throws OutOfMemoryError if the memory cannot be had
     */
    static void allocate(int mebibytes) {
        long remaining = mebibytes * MIB;
        while (remaining > 0) {
            int size = (int) Math.min(ALLOC_CHUNK, remaining);
            ByteBuffer chunk = ByteBuffer.allocateDirect(size);
            for (int offset = 0; offset < size; offset += PAGE) {
                chunk.put(offset, (byte) 1);
            }
            chunk.put(size - 1, (byte) 1);
            HELD.add(chunk);
            remaining -= size;
        }
    }

    /**
     * Starts {@code count} busy threads named {@code testapp-burn-1}...
     *
     * @param count the number of threads
     */
    static void startBurners(int count) {
        for (int i = 1; i <= count; i++) {
            start(new Burner(i), "testapp-burn-".concat(Integer.toString(i)));
        }
    }

    /**
     * Binds a TCP listener, prints {@code LISTENING <host>:<port>} and accepts (and at once
     * closes) connections on a daemon thread for as long as the process lives.
     *
     * @param listen the address; port 0 lets the system choose
     * @throws IOException if the address cannot be bound
     */
    static void listen(Options.Listen listen) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            InetSocketAddress address = listen.host().isEmpty()
                    ? new InetSocketAddress(listen.port())
                    : new InetSocketAddress(listen.host(), listen.port());
            server.bind(address, 128);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        HELD.add(server);
        Output.OUT.line(new StringBuilder("LISTENING ").append(listen.displayHost()).append(':')
                .append(server.getLocalPort()).toString());
        start(new Acceptor(server), "testapp-listen");
    }

    /**
     * Opens (creating it if needed) {@code path} for appending and holds it open.
     *
     * @param path the file
     * @throws IOException if it cannot be opened
     */
    static void openFile(Path path) throws IOException {
        HELD.add(new FileOutputStream(path.toFile(), true));
    }

    /**
     * Starts the stdout and stderr heartbeat threads ({@code testapp-stdout},
     * {@code testapp-stderr}) and the flood thread ({@code testapp-flood}) that the options ask
     * for.
     *
     * @param options the options
     */
    static void startOutput(Options options) {
        if (!options.stdoutEvery().isZero()) {
            start(new Heartbeat(Output.OUT, options.stdoutMsg(), options.stdoutEvery().toNanos()),
                    "testapp-stdout");
        }
        if (!options.stderrEvery().isZero()) {
            start(new Heartbeat(Output.ERR, options.stderrMsg(), options.stderrEvery().toNanos()),
                    "testapp-stderr");
        }
        if (options.stdoutFlood()) {
            byte[] line = new byte[options.stdoutSize()];
            Arrays.fill(line, (byte) 'X');
            line[line.length - 1] = '\n';
            start(new Flood(line), "testapp-flood");
        }
    }

    /**
     * Arms the exit, crash, random-crash and panic timers that the options ask for; whichever
     * fires first ends the process.
     *
     * @param options the options
     */
    static void armTimers(Options options) {
        if (!options.exitAfter().isZero()) {
            start(new ExitTimer(options.exitAfter().toNanos()), "testapp-exit");
        }
        if (!options.crashAfter().isZero()) {
            start(new CrashTimer(options.crashAfter().toNanos(), options.exitCode(), false),
                    "testapp-crash");
        }
        if (!options.crashRandom().isZero()) {
            long delay = ThreadLocalRandom.current().nextLong(options.crashRandom().toNanos());
            start(new CrashTimer(delay, options.exitCode(), true), "testapp-crash-random");
        }
        if (!options.panicAfter().isZero()) {
            start(new PanicTimer(options.panicAfter().toNanos()), "testapp-panic");
        }
    }

    /**
     * Prints {@code message} every {@code periodNanos} (first after one period), at a fixed
     * rate; ticks that cannot be kept are dropped, like a Go ticker's.
     */
    private record Heartbeat(Output out, String message, long periodNanos) implements Runnable {
        @Override
        public void run() {
            long next = System.nanoTime() + periodNanos;
            for (;;) {
                sleepUntil(next);
                out.line(message);
                next += periodNanos;
                long now = System.nanoTime();
                if (next - now < 0) {
                    next = now + periodNanos;
                }
            }
        }
    }

    /** Writes {@code line} to stdout as fast as possible. */
    private record Flood(byte[] line) implements Runnable {
        @Override
        public void run() {
            Output.OUT.flood(line);
        }
    }

    /** Keeps one CPU busy. */
    private record Burner(long seed) implements Runnable {
        private static volatile long sink;

        @Override
        public void run() {
            long x = seed * 0x9E3779B97F4A7C15L | 1;
            for (;;) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                if (x == 0) { // never true for a xorshift state: keeps the loop from being removed
                    sink = x;
                }
            }
        }
    }

    /** After the delay prints {@code clean exit} to stdout and exits 0. */
    private record ExitTimer(long delayNanos) implements Runnable {
        @Override
        public void run() {
            sleep(delayNanos);
            Output.OUT.line("clean exit");
            Termination.exit(0);
        }
    }

    /** After the delay prints the crash line to stderr and exits with the exit code. */
    private record CrashTimer(long delayNanos, int exitCode, boolean random) implements Runnable {
        @Override
        public void run() {
            sleep(delayNanos);
            Output.ERR.line(random
                    ? "random crash after ".concat(GoDurations.format(delayNanos))
                    : "crashing with exit code ".concat(Integer.toString(exitCode)));
            Termination.exit(exitCode);
        }
    }

    /** After the delay throws an uncaught {@code IllegalStateException("intentional panic")}. */
    private record PanicTimer(long delayNanos) implements Runnable {
        @Override
        public void run() {
            sleep(delayNanos);
            throw new IllegalStateException("intentional panic");
        }
    }

    /** Accepts connections and closes them at once, until the socket is closed. */
    private record Acceptor(ServerSocket server) implements Runnable {
        @Override
        public void run() {
            while (!server.isClosed()) {
                try {
                    server.accept().close();
                } catch (IOException e) {
                    // a failed accept (aborted connection, too many open files): go on, gently
                    sleep(ACCEPT_BACKOFF_NANOS);
                }
            }
        }
    }
}
