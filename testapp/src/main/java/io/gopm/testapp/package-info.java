/**
 * The GoPM {@code testapp}: a small, dependency-free child program whose behaviour is driven
 * entirely by command-line flags, so that integration tests and benchmarks can launch it hundreds
 * of times as a managed process and make it exit, crash, panic, log, flood, allocate memory, burn
 * CPU, trap signals, listen on a port or hold a file open.
 *
 * <p>The flag contract is the one of the original Go helper (see {@code testing.md} section 2 of
 * the specification) plus a few additions ({@code --print-args}, {@code --print-cwd},
 * {@code --listen}, {@code --open-file}). The entry point is {@link io.gopm.testapp.TestApp}.
 *
 * <p>Start-up cost matters more than anything else here (the helper is started under
 * {@code -XX:TieredStopAtLevel=1}, hundreds of times per test run), so the code deliberately
 * avoids lambdas, string-concatenation {@code invokedynamic}s on the start-up path, regular
 * expressions and reflection, and keeps the number of classes loaded for a plain
 * {@code --run-forever} run small. Every behaviour that is not requested is never loaded.
 *
 * <p>Classes:
 * <ul>
 *   <li>{@link io.gopm.testapp.TestApp}: entry point and start-up orchestration;</li>
 *   <li>{@link io.gopm.testapp.Options}: the parsed command line;</li>
 *   <li>{@link io.gopm.testapp.GoDurations}: Go-syntax duration parsing and formatting;</li>
 *   <li>{@link io.gopm.testapp.Output}: promptly flushed, line-atomic stdout/stderr writers;</li>
 *   <li>{@link io.gopm.testapp.Behaviours}: the threads (heartbeats, flood, CPU burners,
 *       exit/crash/panic timers, TCP acceptor) and the held resources;</li>
 *   <li>{@link io.gopm.testapp.Termination}: signal handling, panics and exit codes;</li>
 *   <li>{@link io.gopm.testapp.Json}: a tiny JSON string escaper for {@code --print-args}.</li>
 * </ul>
 */
package io.gopm.testapp;
