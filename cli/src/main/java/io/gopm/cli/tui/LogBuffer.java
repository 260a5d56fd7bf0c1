package io.gopm.cli.tui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The last lines of the followed log, at most {@code capacity} of them: the oldest line goes when
 * a new one would exceed it, so a flooding process costs bounded memory. Owned by the UI thread.
 */
final class LogBuffer {

  private final int capacity;
  private final ArrayDeque<String> lines;

  LogBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(Math.min(capacity, 256));
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return lines.size();
  }

  void clear() {
    lines.clear();
  }

  /** Appends a line; the number of old lines dropped to make room (0 or 1). */
  int add(String line) {
    int dropped = 0;
    if (lines.size() == capacity) {
      lines.removeFirst();
      dropped = 1;
    }
    lines.addLast(line);
    return dropped;
  }

  /** Appends every line in order; the number of old lines dropped. */
  int addAll(Collection<String> more) {
    int dropped = 0;
    for (String line : more) {
      dropped += add(line);
    }
    return dropped;
  }

  /**
   * The {@code count} lines that end {@code back} lines before the newest one (for a pane
   * scrolled back by {@code back}); fewer when the buffer holds fewer.
   */
  List<String> window(int count, int back) {
    int end = Math.max(0, lines.size() - Math.max(0, back));
    int start = Math.max(0, end - Math.max(0, count));
    List<String> result = new ArrayList<>(end - start);
    Iterator<String> it = lines.iterator();
    for (int i = 0; i < end && it.hasNext(); i++) {
      String line = it.next();
      if (i >= start) {
        result.add(line);
      }
    }
    return result;
  }
}
