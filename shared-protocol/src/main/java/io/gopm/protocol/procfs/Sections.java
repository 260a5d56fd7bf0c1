package io.gopm.protocol.procfs;

/**
 * Which parts of a report to collect and show: everything ({@link #FULL}), or only some of the
 * tree, descriptors, environment and sockets ({@code --tree --fds --env --net}).
 *
 * @param full the whole report, with resources, cgroup and GoPM info
 */
public record Sections(boolean full, boolean tree, boolean fds, boolean env, boolean sockets) {

  /** Every section. */
  public static final Sections FULL = new Sections(true, true, true, true, true);

  /** Descriptors listed normally. */
  static final int FD_LIMIT = 200;

  /** Descriptors listed when they were asked for alone ({@code --fds}). */
  static final int FD_LIMIT_SELECTED = 10_000;

  public Sections {
    if (full && !(tree && fds && env && sockets)) {
      throw new IllegalArgumentException("the full report has every section");
    }
  }

  /** The selected sections; {@link #FULL} when none is selected. */
  public static Sections of(boolean tree, boolean fds, boolean env, boolean sockets) {
    if (!tree && !fds && !env && !sockets) {
      return FULL;
    }
    return new Sections(false, tree, fds, env, sockets);
  }

  /** How many descriptors are listed: 10 000 with {@code --fds}, else 200. */
  public int fdLimit() {
    return fds && !full ? FD_LIMIT_SELECTED : FD_LIMIT;
  }

  /** Descriptors are read for their own section and to tie sockets to descriptors. */
  boolean readsFds() {
    return fds || sockets;
  }
}
