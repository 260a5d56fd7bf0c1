package io.gopm.daemon.metrics;

import io.gopm.protocol.model.StatsPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshots of one process, oldest first, in a fixed-size ring: once full, each new snapshot
 * overwrites the oldest.
 *
 * <p>Not thread-safe: {@link StatsHistory} guards every ring with its own lock.
 */
final class SnapshotRing {

  private final StatsPoint[] slots;
  /** Where the next snapshot goes. */
  private int next;
  private int size;

  SnapshotRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    slots = new StatsPoint[capacity];
  }

  void push(StatsPoint point) {
    slots[next] = point;
    next = (next + 1) % slots.length;
    size = Math.min(size + 1, slots.length);
  }

  int size() {
    return size;
  }

  int capacity() {
    return slots.length;
  }

  /** Every snapshot, oldest first. */
  List<StatsPoint> points() {
    return since(Long.MIN_VALUE);
  }

  /** The snapshots taken at {@code fromSeconds} or later, oldest first. */
  List<StatsPoint> since(long fromSeconds) {
    List<StatsPoint> found = new ArrayList<>();
    int oldest = (next - size + slots.length) % slots.length;
    for (int i = 0; i < size; i++) {
      StatsPoint point = slots[(oldest + i) % slots.length];
      if (point.ts() >= fromSeconds) {
        found.add(point);
      }
    }
    return found;
  }
}
