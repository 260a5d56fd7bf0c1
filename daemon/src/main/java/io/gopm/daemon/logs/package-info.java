/**
 * Log capture: each child's stdout and stderr become timestamped lines ({@link
 * io.gopm.daemon.logs.LineCapture}) in size-rotated files ({@link
 * io.gopm.daemon.logs.RotatingLogWriter}), with {@code [gopm]} action lines in the stderr log
 * ({@link io.gopm.daemon.logs.ProcessLogs}); {@link io.gopm.daemon.logs.LogBroadcaster} feeds
 * clients that follow.
 */
package io.gopm.daemon.logs;
