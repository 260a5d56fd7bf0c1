package io.gopm.testapp;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The testapp command line, parsed by {@link #parse(String[])}.
 *
 * <p>Flags follow Go's {@code flag} package: one or two leading dashes ({@code -x} and
 * {@code --x} are the same flag), values either inline ({@code --exit-after=1s}) or as the next
 * argument ({@code --exit-after 1s}); boolean flags take no separate argument but accept an
 * inline value ({@code --trap-sigterm=false}). Parsing stops at {@code --} or at the first
 * argument that is not a flag; those remaining {@link #arguments() arguments} are ignored (Go's
 * helper ignored them too) but shown by {@code --print-args}. Repeating a flag overrides it,
 * except {@code --print-env}, which accumulates.
 *
 * <p>A zero duration means "never"/"off"; negative durations are rejected.
 *
 * @param exitAfter    {@code --exit-after}: print {@code clean exit} to stdout, exit 0
 * @param crashAfter   {@code --crash-after}: print {@code crashing with exit code N} to stderr,
 *                     exit with {@link #exitCode()}
 * @param exitCode     {@code --exit-code}: exit code of the crashes, 0..255, default 1
 * @param crashRandom  {@code --crash-random}: crash after a random delay in [0, value)
 * @param runForever   {@code --run-forever}: explicit form of the default (see
 *                     {@link #runsForever()})
 * @param panicAfter   {@code --panic-after}: uncaught {@code IllegalStateException}, exit 2
 * @param stdoutEvery  {@code --stdout-every}: heartbeat period on stdout
 * @param stderrEvery  {@code --stderr-every}: heartbeat period on stderr
 * @param stdoutMsg    {@code --stdout-msg}: stdout heartbeat text, default {@code stdout heartbeat}
 * @param stderrMsg    {@code --stderr-msg}: stderr heartbeat text, default {@code stderr heartbeat}
 * @param stdoutFlood  {@code --stdout-flood}: write lines to stdout as fast as possible
 * @param stdoutSize   {@code --stdout-size}: flood line length including the newline, default 80
 * @param allocMb      {@code --alloc-mb}: MiB of (off-heap) memory to allocate, touch and hold
 * @param cpuBurn      {@code --cpu-burn}: number of busy threads
 * @param trapSigterm  {@code --trap-sigterm}: ignore SIGTERM (printing that it does)
 * @param slowShutdown {@code --slow-shutdown}: on SIGTERM, wait this long, then exit 0
 * @param startDelay   {@code --start-delay}: sleep before doing anything else
 * @param printPid     {@code --print-pid}: print {@code PID=<pid>}
 * @param printEnv     {@code --print-env} (repeatable): print {@code VAR=<value>}
 * @param printArgs    {@code --print-args}: print {@code ARGS=<json>} and {@code ARG[i]=<arg>}
 * @param printCwd     {@code --print-cwd}: print {@code CWD=<absolute path>}
 * @param listen       {@code --listen}: TCP address to listen on, or {@code null}
 * @param openFile     {@code --open-file}: file to hold open for writing, or {@code null}
 * @param help         {@code -h}/{@code --help}: print the usage and exit 0
 * @param argv         the whole command line, as given
 * @param arguments    the non-flag arguments after the flags
 */
record Options(
        Duration exitAfter,
        Duration crashAfter,
        int exitCode,
        Duration crashRandom,
        boolean runForever,
        Duration panicAfter,
        Duration stdoutEvery,
        Duration stderrEvery,
        String stdoutMsg,
        String stderrMsg,
        boolean stdoutFlood,
        int stdoutSize,
        int allocMb,
        int cpuBurn,
        boolean trapSigterm,
        Duration slowShutdown,
        Duration startDelay,
        boolean printPid,
        List<String> printEnv,
        boolean printArgs,
        boolean printCwd,
        Listen listen,
        Path openFile,
        boolean help,
        List<String> argv,
        List<String> arguments) {

    /** Exit code for a bad command line (BSD {@code EX_USAGE}). */
    static final int EX_USAGE = 64;

    /** The largest accepted {@code --stdout-size} (16 MiB; the heap is small). */
    static final int MAX_STDOUT_SIZE = 1 << 24;

    /** The largest accepted {@code --cpu-burn}. */
    static final int MAX_CPU_BURN = 4096;

    /** The usage text printed by {@code --help}. */
    static final String USAGE = """
            Usage: testapp [flags] [--] [args...]
              --exit-after D       print "clean exit" to stdout after D, exit 0
              --crash-after D      print "crashing with exit code N" to stderr after D, exit N
              --exit-code N        exit code for --crash-after and --crash-random (default 1)
              --crash-random D     crash after a random delay in [0, D)
              --panic-after D      uncaught IllegalStateException("intentional panic") after D, exit 2
              --run-forever        run until signalled (the default without exit/crash/panic flags)
              --stdout-every D     print --stdout-msg to stdout every D
              --stderr-every D     print --stderr-msg to stderr every D
              --stdout-msg S       stdout heartbeat text (default "stdout heartbeat")
              --stderr-msg S       stderr heartbeat text (default "stderr heartbeat")
              --stdout-flood       write lines to stdout as fast as possible
              --stdout-size N      flood line length in bytes, newline included (default 80)
              --alloc-mb N         allocate, touch and hold N MiB
              --cpu-burn N         run N busy threads
              --trap-sigterm       ignore SIGTERM (print "SIGTERM received, ignoring")
              --slow-shutdown D    on SIGTERM wait D, then exit 0
              --start-delay D      sleep D before anything else
              --print-pid          print PID=<pid>
              --print-env VAR      print VAR=<value> (repeatable)
              --print-args         print ARGS=<json array of argv> and ARG[i]=<arg>
              --print-cwd          print CWD=<working directory>
              --listen [HOST:]PORT hold a TCP listener (default host 127.0.0.1, port 0 = any)
              --open-file PATH     hold PATH open for writing
            Durations use Go syntax: 300ms, 1.5s, 2m30s, 1h. SIGTERM and SIGINT exit 0.
            Prints "testapp ready (PID <pid>)" once started. Bad flags exit 64.
            """;

    /**
     * Creates the options; the lists are copied into immutable lists.
     *
     * @param exitAfter see the record description
     * @param crashAfter see the record description
     * @param exitCode see the record description
     * @param crashRandom see the record description
     * @param runForever see the record description
     * @param panicAfter see the record description
     * @param stdoutEvery see the record description
     * @param stderrEvery see the record description
     * @param stdoutMsg see the record description
     * @param stderrMsg see the record description
     * @param stdoutFlood see the record description
     * @param stdoutSize see the record description
     * @param allocMb see the record description
     * @param cpuBurn see the record description
     * @param trapSigterm see the record description
     * @param slowShutdown see the record description
     * @param startDelay see the record description
     * @param printPid see the record description
     * @param printEnv see the record description
     * @param printArgs see the record description
     * @param printCwd see the record description
     * @param listen see the record description
     * @param openFile see the record description
     * @param help see the record description
     * @param argv see the record description
     * @param arguments see the record description
     */
    Options {
        printEnv = List.copyOf(printEnv);
        argv = List.copyOf(argv);
        arguments = List.copyOf(arguments);
    }

    /**
     * Whether the helper runs until signalled: {@code --run-forever}, or no exit, crash, random
     * crash or panic timer.
     *
     * @return true if no timer ends the process
     */
    boolean runsForever() {
        return runForever || (exitAfter.isZero() && crashAfter.isZero() && crashRandom.isZero()
                && panicAfter.isZero());
    }

    /**
     * A TCP address to listen on.
     *
     * @param host the host or IP literal (without brackets); empty means every interface
     * @param port the port, 0..65535; 0 lets the system choose
     */
    record Listen(String host, int port) {

        /** The default host of {@code --listen PORT}. */
        static final String DEFAULT_HOST = "127.0.0.1";

        /**
         * Parses {@code PORT}, {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (every
         * interface).
         *
         * @param text the flag value
         * @return the address
         * @throws IllegalArgumentException if the text is not an address with a valid port
         */
        static Listen parse(String text) {
            String host;
            String port;
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                host = DEFAULT_HOST;
                port = text;
            } else {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                } else if (host.indexOf(':') >= 0) {
                    throw new IllegalArgumentException("IPv6 hosts need brackets, e.g. [::1]:8080");
                }
            }
            int number;
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port \"" + port + "\"");
            }
            if (number < 0 || number > 65535 || port.startsWith("+")) {
                throw new IllegalArgumentException("port out of range 0..65535: " + port);
            }
            return new Listen(host, number);
        }

        /**
         * The host as printed, with brackets around IPv6 literals and {@code 0.0.0.0} for every
         * interface.
         *
         * @return e.g. {@code 127.0.0.1} or {@code [::1]}
         */
        String displayHost() {
            if (host.isEmpty()) {
                return "0.0.0.0";
            }
            return host.indexOf(':') >= 0 ? "[".concat(host).concat("]") : host;
        }
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments of {@code main}
     * @return the options
     * @throws IllegalArgumentException for an unknown flag, a missing value or a bad value; the
     *     message names the flag (e.g. {@code invalid value "x" for flag --exit-after: ...})
     */
    static Options parse(String[] args) {
        Duration exitAfter = Duration.ZERO;
        Duration crashAfter = Duration.ZERO;
        int exitCode = 1;
        Duration crashRandom = Duration.ZERO;
        boolean runForever = false;
        Duration panicAfter = Duration.ZERO;
        Duration stdoutEvery = Duration.ZERO;
        Duration stderrEvery = Duration.ZERO;
        String stdoutMsg = "stdout heartbeat";
        String stderrMsg = "stderr heartbeat";
        boolean stdoutFlood = false;
        int stdoutSize = 80;
        int allocMb = 0;
        int cpuBurn = 0;
        boolean trapSigterm = false;
        Duration slowShutdown = Duration.ZERO;
        Duration startDelay = Duration.ZERO;
        boolean printPid = false;
        List<String> printEnv = new ArrayList<>();
        boolean printArgs = false;
        boolean printCwd = false;
        Listen listen = null;
        Path openFile = null;
        boolean help = false;

        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                break; // first non-flag argument ("-" alone included)
            }
            int dashes = arg.charAt(1) == '-' ? 2 : 1;
            if (dashes == 2 && arg.length() == 2) {
                i++; // "--" terminates the flags
                break;
            }
            i++;
            String name = arg.substring(dashes);
            if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
                throw new IllegalArgumentException("bad flag syntax: " + arg);
            }
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String flag = "--".concat(name);
            switch (name) {
                // boolean flags
                case "run-forever":
                    runForever = bool(flag, value);
                    continue;
                case "stdout-flood":
                    stdoutFlood = bool(flag, value);
                    continue;
                case "trap-sigterm":
                    trapSigterm = bool(flag, value);
                    continue;
                case "print-pid":
                    printPid = bool(flag, value);
                    continue;
                case "print-args":
                    printArgs = bool(flag, value);
                    continue;
                case "print-cwd":
                    printCwd = bool(flag, value);
                    continue;
                case "h":
                case "help":
                    help = bool(flag, value);
                    continue;
                default:
                    break;
            }
            if (!isValueFlag(name)) {
                throw new IllegalArgumentException("unknown flag: " + arg);
            }
            if (value == null) {
                if (i >= args.length) {
                    throw new IllegalArgumentException("flag needs an argument: " + flag);
                }
                value = args[i++];
            }
            switch (name) {
                case "exit-after":
                    exitAfter = duration(flag, value);
                    break;
                case "crash-after":
                    crashAfter = duration(flag, value);
                    break;
                case "exit-code":
                    exitCode = integer(flag, value, 0, 255);
                    break;
                case "crash-random":
                    crashRandom = duration(flag, value);
                    break;
                case "panic-after":
                    panicAfter = duration(flag, value);
                    break;
                case "stdout-every":
                    stdoutEvery = duration(flag, value);
                    break;
                case "stderr-every":
                    stderrEvery = duration(flag, value);
                    break;
                case "stdout-msg":
                    stdoutMsg = value;
                    break;
                case "stderr-msg":
                    stderrMsg = value;
                    break;
                case "stdout-size":
                    stdoutSize = integer(flag, value, 1, MAX_STDOUT_SIZE);
                    break;
                case "alloc-mb":
                    allocMb = integer(flag, value, 0, Integer.MAX_VALUE);
                    break;
                case "cpu-burn":
                    cpuBurn = integer(flag, value, 0, MAX_CPU_BURN);
                    break;
                case "slow-shutdown":
                    slowShutdown = duration(flag, value);
                    break;
                case "start-delay":
                    startDelay = duration(flag, value);
                    break;
                case "print-env":
                    if (value.isEmpty() || value.indexOf('=') >= 0 || value.indexOf('\0') >= 0) {
                        throw badValue(flag, value, "not an environment variable name");
                    }
                    printEnv.add(value);
                    break;
                case "listen":
                    try {
                        listen = Listen.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw badValue(flag, value, e.getMessage());
                    }
                    break;
                case "open-file":
                    if (value.isEmpty()) {
                        throw badValue(flag, value, "empty path");
                    }
                    try {
                        openFile = Path.of(value);
                    } catch (InvalidPathException e) {
                        throw badValue(flag, value, e.getMessage());
                    }
                    break;
                default:
                    throw new AssertionError(name);
            }
        }
        List<String> arguments = new ArrayList<>(args.length - i);
        for (int j = i; j < args.length; j++) {
            arguments.add(args[j]);
        }
        return new Options(exitAfter, crashAfter, exitCode, crashRandom, runForever, panicAfter,
                stdoutEvery, stderrEvery, stdoutMsg, stderrMsg, stdoutFlood, stdoutSize, allocMb,
                cpuBurn, trapSigterm, slowShutdown, startDelay, printPid, printEnv, printArgs,
                printCwd, listen, openFile, help, List.of(args), arguments);
    }

    private static boolean isValueFlag(String name) {
        switch (name) {
            case "exit-after":
            case "crash-after":
            case "exit-code":
            case "crash-random":
            case "panic-after":
            case "stdout-every":
            case "stderr-every":
            case "stdout-msg":
            case "stderr-msg":
            case "stdout-size":
            case "alloc-mb":
            case "cpu-burn":
            case "slow-shutdown":
            case "start-delay":
            case "print-env":
            case "listen":
            case "open-file":
                return true;
            default:
                return false;
        }
    }

    /** Go's {@code strconv.ParseBool} values; {@code null} (flag without value) is true. */
    private static boolean bool(String flag, String value) {
        if (value == null) {
            return true;
        }
        switch (value) {
            case "1":
            case "t":
            case "T":
            case "true":
            case "TRUE":
            case "True":
                return true;
            case "0":
            case "f":
            case "F":
            case "false":
            case "FALSE":
            case "False":
                return false;
            default:
                throw badValue(flag, value, "not a boolean");
        }
    }

    private static Duration duration(String flag, String value) {
        long nanos;
        try {
            nanos = GoDurations.parseNanos(value);
        } catch (IllegalArgumentException e) {
            throw badValue(flag, value, e.getMessage());
        }
        if (nanos < 0) {
            throw badValue(flag, value, "negative duration");
        }
        return Duration.ofNanos(nanos);
    }

    private static int integer(String flag, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw badValue(flag, value, "not an integer");
        }
        if (number < min || number > max) {
            throw badValue(flag, value, "out of range " + min + ".." + max);
        }
        return number;
    }

    private static IllegalArgumentException badValue(String flag, String value, String why) {
        return new IllegalArgumentException(
                "invalid value \"" + value + "\" for flag " + flag + ": " + why);
    }
}
