package io.gopm.cli.command;

import io.gopm.cli.CliException;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.tui.TerminalUi;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.format.GoDuration;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gopm gui}: the interactive terminal UI (package {@code io.gopm.cli.tui}). Its classes
 * and the terminal library are loaded only here, when the command runs.
 */
@Command(
    name = "gui",
    description = "Launch interactive terminal UI",
    footer = {
      "",
      "Keys: Up/Down select, Enter describe, Tab switch pane, s start, t stop, r restart,",
      "d delete (asks y/N), f flush, l show/hide logs, e stdout/stderr, / filter, q quit."
    })
public final class GuiCommand extends GopmSubcommand {

  /** The shortest refresh period accepted. */
  static final Duration MIN_REFRESH = Duration.ofMillis(100);

  @Option(names = "--refresh", paramLabel = "DURATION", description = "Refresh interval (default: 1s)")
  String refresh = "1s";

  @Override
  protected int run(Session session) throws InterruptedException {
    Duration period = refreshPeriod(refresh);
    if (System.console() == null) {
      throw new CliException("gopm gui needs a terminal: run it with stdin and stdout on a terminal");
    }
    if ("dumb".equals(session.env().get("TERM"))) {
      throw new CliException("gopm gui needs a full-screen terminal, and TERM is \"dumb\" (try TERM=xterm-256color)");
    }
    session.daemon().close(); // starts the daemon if it is not running, as every command does
    TerminalUi.Settings settings =
        new TerminalUi.Settings(
            period,
            Ansi.forStream(true, session.env()).enabled(),
            session.workingDir(),
            session.env().get("PATH"),
            StartCommand::resolveCommand,
            GopmVersion.version());
    return new TerminalUi(session::daemonIfRunning, settings).run();
  }

  /** The {@code --refresh} value as a duration, at least {@link #MIN_REFRESH}. */
  static Duration refreshPeriod(String text) {
    Duration period;
    try {
      period = GoDuration.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid --refresh \"" + text + "\": " + e.getMessage());
    }
    if (period.compareTo(MIN_REFRESH) < 0) {
      throw new CliException("invalid --refresh \"" + text + "\": must be at least " + GoDuration.format(MIN_REFRESH));
    }
    return period;
  }
}
