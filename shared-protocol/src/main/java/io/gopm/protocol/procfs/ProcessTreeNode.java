package io.gopm.protocol.procfs;

import java.time.Instant;

/**
 * One process of an ancestor chain.
 *
 * @param cmdline the arguments joined by spaces (empty for kernel threads)
 * @param user the name of the real user, or empty
 * @param startedAt the start time; {@code 0001-01-01T00:00:00Z} when unknown
 * @param startedAgo how long ago it started, or empty
 */
public record ProcessTreeNode(
    long pid, long ppid, String exe, String cmdline, String user, Instant startedAt, String startedAgo) {}
