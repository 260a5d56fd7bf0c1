package io.gopm.console.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bounded queue of log lines between a reader and the screen: when it is full the oldest line
 * goes and is counted, so a process that floods its log costs the console a fixed amount of
 * memory. {@link #drain()} hands over what is queued, with a notice in place of the lines that
 * were dropped.
 *
 * <p>Thread-safe: a follower thread appends, the UI thread drains.
 */
public final class LogBuffer {

  private final int capacity;
  private final Deque<LogEntry> lines = new ArrayDeque<>();
  private long dropped;
  private long droppedTotal;

  public LogBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** Queues a line, dropping the oldest when full. */
  public synchronized void add(LogEntry entry) {
    if (lines.size() == capacity) {
      lines.removeFirst();
      dropped++;
      droppedTotal++;
    }
    lines.addLast(entry);
  }

  /** Counts lines lost before they reached the buffer (the daemon dropped them for a slow reader). */
  public synchronized void skippedUpstream(long count) {
    if (count > 0) {
      dropped += count;
      droppedTotal += count;
    }
  }

  /** Everything queued, oldest first; a skipped-lines notice first if lines were lost since the last drain. */
  public synchronized List<LogEntry> drain() {
    List<LogEntry> out = new ArrayList<>(lines.size() + 1);
    if (dropped > 0) {
      out.add(LogEntry.skipped(dropped));
      dropped = 0;
    }
    out.addAll(lines);
    lines.clear();
    return out;
  }

  public synchronized int size() {
    return lines.size();
  }

  /** Lines dropped since the buffer was made. */
  public synchronized long droppedTotal() {
    return droppedTotal;
  }

  public int capacity() {
    return capacity;
  }
}
