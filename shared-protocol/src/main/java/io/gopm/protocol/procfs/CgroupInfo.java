package io.gopm.protocol.procfs;

/**
 * Control group and security settings of a process.
 *
 * @param path the whole content of {@code /proc/<pid>/cgroup}, trimmed (several lines on cgroup v1)
 * @param seccomp the {@code Seccomp:} mode (0 disabled, 1 strict, 2 filter)
 * @param noNewPrivs the {@code NoNewPrivs:} flag
 * @param capEff the effective capabilities, in hex as the kernel writes them
 */
public record CgroupInfo(String path, int oomScore, int oomScoreAdj, int seccomp, int noNewPrivs, String capEff) {

  /** Empty: the section when it was not collected. */
  public static final CgroupInfo NONE = new CgroupInfo("", 0, 0, 0, 0, "");
}
