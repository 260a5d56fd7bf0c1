/**
 * Metrics of running children from {@code /proc}: {@link io.gopm.daemon.metrics.ProcStat} parses
 * one process, {@link io.gopm.daemon.metrics.MetricsSampler} samples every two seconds off the
 * supervisor thread.
 */
package io.gopm.daemon.metrics;
