package io.gopm.protocol.model;

/**
 * One snapshot of a process in the metrics history (taken once a minute).
 *
 * @param ts Unix time in seconds
 * @param cpu percent of one core
 * @param mem resident memory in bytes
 * @param uptime seconds since the last start, 0 unless online
 * @param status the status at that moment
 */
public record StatsPoint(long ts, double cpu, long mem, int restarts, long uptime, String status) {}
