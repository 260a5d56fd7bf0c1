package io.gopm.console;

import io.gopm.console.connect.SshOptions;
import io.gopm.console.connect.Target;
import io.gopm.protocol.format.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code gopm-console}.
 *
 * @param targets targets to open (and select the first of), besides the remembered ones
 * @param settingsFile another settings file, or null for the workstation's
 * @param pollInterval the poll interval for this run (and saved), or null
 * @param sshConfig a file for {@code ssh -F}, or null
 * @param sshOptions {@code ssh -o} options
 */
public record LaunchOptions(
    List<Target> targets,
    Path settingsFile,
    Duration pollInterval,
    Path sshConfig,
    List<String> sshOptions,
    boolean help,
    boolean version) {

  /** Exit status for a bad command line. */
  public static final int EXIT_USAGE = 2;

  public LaunchOptions {
    targets = List.copyOf(targets);
    sshOptions = List.copyOf(sshOptions);
  }

  /** No arguments: the remembered targets, or the local daemon. */
  public static LaunchOptions none() {
    return new LaunchOptions(List.of(), null, null, null, List.of(), false, false);
  }

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException naming the argument at fault
   */
  public static LaunchOptions parse(List<String> args) {
    List<Target> targets = new ArrayList<>();
    Path settings = null;
    Duration interval = null;
    Path sshConfig = null;
    List<String> sshOptions = new ArrayList<>();
    boolean help = false;
    boolean version = false;
    boolean options = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!options || !arg.startsWith("-") || arg.equals("-")) {
        targets.add(Target.parse(arg));
        continue;
      }
      String name = arg;
      String inline = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inline = arg.substring(equals + 1);
      }
      final int at = i;
      final String optionName = name;
      final String inlineValue = inline;
      int[] consumed = {0};
      java.util.function.Supplier<String> next = () -> {
        if (inlineValue != null) {
          return inlineValue;
        }
        if (at + 1 >= args.size()) {
          throw new IllegalArgumentException(optionName + " needs a value");
        }
        consumed[0] = 1;
        return args.get(at + 1);
      };
      switch (name) {
        case "--" -> options = false;
        case "-h", "--help" -> help = true;
        case "-v", "--version" -> version = true;
        case "--socket", "-s" -> targets.add(new Target.UnixSocket(Path.of(next.get()).toAbsolutePath().normalize()));
        case "--settings" -> settings = Path.of(next.get());
        case "--ssh-config", "-F" -> sshConfig = Path.of(next.get());
        case "--ssh-option", "-o" -> sshOptions.add(next.get());
        case "--interval", "-i" -> {
          String text = next.get();
          try {
            interval = GoDuration.parse(text);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid --interval \"" + text + "\": " + e.getMessage());
          }
          if (interval.compareTo(Duration.ofMillis(200)) < 0) {
            throw new IllegalArgumentException("invalid --interval \"" + text + "\": must be at least 200ms");
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see gopm-console --help)");
      }
      if (inline != null && consumed[0] == 0 && isFlag(name)) {
        throw new IllegalArgumentException("option " + name + " takes no value");
      }
      i += consumed[0];
    }
    new SshOptions(sshConfig, sshOptions);
    return new LaunchOptions(targets, settings, interval, sshConfig, sshOptions, help, version);
  }

  private static boolean isFlag(String name) {
    return name.equals("--help") || name.equals("--version");
  }

  /** {@code --help}. */
  public static String usage() {
    return """
        Usage: gopm-console [options] [target...]

        The GoPM desktop console: manages GoPM daemons on this machine and on your servers.

        Targets (several may be open at once; the list is remembered):
          local                          the daemon of GOPM_HOME or ~/.gopm (the default)
          /path/to/gopm.sock             a daemon socket on this machine (or --socket PATH)
          ssh://[user@]host[:port][/socket]
                                         a daemon on a server, through a tunnel the console opens with
                                         your ssh (your keys and agent; it never asks for a password)
          tcp://127.0.0.1:PORT           a socket you forwarded yourself (ssh -L PORT:/home/u/.gopm/gopm.sock host)

        Options:
          -s, --socket PATH              open the daemon socket PATH
          -i, --interval DURATION        refresh every DURATION (Go syntax: 500ms, 2s; default 2s)
              --settings FILE            settings file (default: the platform's settings folder)
          -F, --ssh-config FILE          ssh configuration file for ssh:// targets (ssh -F)
          -o, --ssh-option NAME=VALUE    extra ssh option (repeatable), e.g. -o IdentityFile=~/.ssh/ops
          -h, --help                     this help
          -v, --version                  the version

        Keys: ↑/↓ select · Enter describe · s start · t stop · r restart · d delete · f flush
              e stdout/stderr/both · / filter · q quit
        """;
  }
}
