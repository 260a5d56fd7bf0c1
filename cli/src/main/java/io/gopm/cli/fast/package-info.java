/**
 * The fast path of the hottest read-only commands ({@code gopm list --json}, {@code gopm
 * isrunning <name>}, {@code gopm ping}, each with or without {@code --json}): {@link
 * io.gopm.cli.fast.FastCommand#parse} recognises exactly these argument shapes, {@link
 * io.gopm.cli.fast.FastPath} answers them with one raw exchange over the daemon's socket ({@link
 * io.gopm.cli.fast.RawDaemonCall}) and a minimal JSON scanner ({@link
 * io.gopm.cli.fast.JsonScanner}), without picocli's command model or Jackson databind (only
 * jackson-core's string escaping, for the target of {@code isrunning}). Anything else, and
 * anything unusual on the way (no daemon to reach, an error answer), falls back to the full
 * picocli CLI, which then produces the output and the exit status. See docs/adr/0021.
 */
package io.gopm.cli.fast;
