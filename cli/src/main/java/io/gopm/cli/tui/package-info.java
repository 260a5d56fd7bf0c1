/**
 * {@code gopm gui}: the full-screen terminal UI, a pure client of the daemon's protocol.
 *
 * <p>Entry point: {@link io.gopm.cli.tui.TerminalUi#run()}, called by {@code GuiCommand} (the only
 * class outside this package that names it, so the CLI loads none of these classes, nor the
 * terminal library, for any other command).
 *
 * <p>The split: {@code TuiModel} holds all state and every key rule (selection kept by name,
 * filter, focus, overlays, prompt, delete confirmation, the bounded log buffer) and is tested
 * without a terminal; {@code Layout} is the screen arithmetic; {@code ScreenPainter} draws the
 * model on a {@code Canvas} (Lanterna's screen buffer in the program, a text grid in tests);
 * {@code TerminalUi} is the controller: the event loop, the threads and the terminal's life
 * cycle. Lanterna is the terminal library (docs/adr/0013): raw mode, key decoding, resize
 * signals, the alternate screen and diff-based redraws.
 *
 * <p>Reconnecting: the first connection goes through {@code Session.daemon()}, which starts the
 * daemon as every command does. Later connections only join a running daemon ({@code
 * Session.daemonIfRunning()}): when the daemon goes away the UI shows "disconnected, retrying" and
 * tries again every refresh period, so it picks up the daemon of {@code gopm reboot} or of the
 * next {@code gopm} command, but never starts one behind the back of someone who ran {@code gopm
 * kill} to stop it.
 */
package io.gopm.cli.tui;
