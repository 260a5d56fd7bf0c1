package io.gopm.console.detail;

import java.time.Instant;

/**
 * One point of the CPU and memory charts.
 *
 * @param cpu percent of one core
 * @param memory resident bytes
 * @param sampled true for a point the console took from its own polls, false for the daemon's
 *     per-minute history
 */
public record ChartPoint(Instant at, double cpu, long memory, boolean sampled) {}
