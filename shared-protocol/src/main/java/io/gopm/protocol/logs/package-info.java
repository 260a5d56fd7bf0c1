/**
 * Reading log files, shared by the daemon (the {@code logs} request) and the CLI ({@code logs
 * -d}): {@link io.gopm.protocol.logs.LogTail} reads the last lines of a rotated log without reading
 * the whole file.
 */
package io.gopm.protocol.logs;
