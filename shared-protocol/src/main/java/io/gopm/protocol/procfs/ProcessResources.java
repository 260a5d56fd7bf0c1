package io.gopm.protocol.procfs;

/**
 * CPU, memory, descriptor and context-switch figures of a process.
 *
 * @param cpuPercent lifetime average: CPU seconds over seconds since the start, in percent of one
 *     core (rounded to two decimals)
 * @param sharedBytes resident shared pages ({@code statm}) in bytes
 * @param fdsOpen the number of entries of {@code /proc/<pid>/fd}
 * @param fdsSoftLimit the soft {@code Max open files} limit; 0 when unlimited or unknown
 * @param fdsHardLimit the hard limit; 0 when unlimited or unknown
 */
public record ProcessResources(
    double cpuUserSeconds,
    double cpuSystemSeconds,
    double cpuPercent,
    long vmPeakBytes,
    long vmRssBytes,
    long vmSwapBytes,
    long vmSizeBytes,
    long sharedBytes,
    int fdsOpen,
    long fdsSoftLimit,
    long fdsHardLimit,
    long voluntaryCtxtSwitches,
    long involuntaryCtxtSwitches) {

  /** All zero: the resources section when it was not collected. */
  public static final ProcessResources NONE = new ProcessResources(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
