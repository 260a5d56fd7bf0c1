package io.gopm.cli.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;

/**
 * Gives the terminal back: leaves the alternate screen, shows the cursor, and restores the tty
 * settings saved at the start (echo, line editing, Ctrl+C as an interrupt). Runs once, from the
 * UI thread's {@code finally} or from the shutdown hook, whichever comes first.
 */
final class TerminalRestorer implements Runnable {

  private final TerminalScreen screen;
  private final Terminal terminal;
  private boolean done;

  TerminalRestorer(TerminalScreen screen, Terminal terminal) {
    this.screen = screen;
    this.terminal = terminal;
  }

  @Override
  public synchronized void run() {
    if (done) {
      return;
    }
    done = true;
    try {
      if (screen != null) {
        screen.stopScreen(false);
      }
    } catch (Exception ignored) {
      // restoring the tty settings below matters more than a failed escape sequence
    }
    try {
      terminal.close();
    } catch (Exception ignored) {
      // nothing more can be done for a terminal that is gone
    }
  }
}
