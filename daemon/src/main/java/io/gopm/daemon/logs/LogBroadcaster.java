package io.gopm.daemon.logs;

import io.gopm.protocol.model.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Hands captured lines to clients following logs ({@code gopm logs -f}). Each follower has a
 * bounded queue: a follower that reads too slowly loses lines (and is told how many) instead of
 * slowing the child's pump. Publishing costs nothing while nobody follows.
 */
public final class LogBroadcaster {

  private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /**
   * Follows the lines of the processes {@code names} accepts, on one stream.
   *
   * @param stream {@code out} or {@code err}
   * @param capacity lines held for the follower before lines are dropped
   */
  public Subscription subscribe(Predicate<String> names, String stream, int capacity) {
    Subscription subscription = new Subscription(names, stream, capacity);
    subscriptions.add(subscription);
    return subscription;
  }

  /** Called by pumps and action-line writers with complete, timestamped lines. */
  void publish(String processName, String stream, byte[] buffer, int offset, int length) {
    if (subscriptions.isEmpty()) {
      return;
    }
    String[] lines = null;
    for (Subscription subscription : subscriptions) {
      if (subscription.stream.equals(stream) && subscription.names.test(processName)) {
        if (lines == null) {
          lines = new String(buffer, offset, length, StandardCharsets.UTF_8).split("\n");
        }
        for (String line : lines) {
          subscription.offer(processName, line);
        }
      }
    }
  }

  /** One follower. Closing it stops delivery. */
  public final class Subscription implements AutoCloseable {
    private final Predicate<String> names;
    private final String stream;
    private final BlockingQueue<LogLine> queue;
    private final AtomicLong skipped = new AtomicLong();

    private Subscription(Predicate<String> names, String stream, int capacity) {
      this.names = names;
      this.stream = stream;
      this.queue = new ArrayBlockingQueue<>(capacity);
    }

    private void offer(String processName, String line) {
      long dropped = skipped.get();
      if (queue.offer(new LogLine(processName, stream, line, dropped))) {
        if (dropped > 0) {
          skipped.addAndGet(-dropped);
        }
      } else {
        skipped.incrementAndGet();
      }
    }

    /** The next line, or null when none arrived within the timeout. */
    public LogLine poll(long timeout, TimeUnit unit) throws InterruptedException {
      return queue.poll(timeout, unit);
    }

    @Override
    public void close() {
      subscriptions.remove(this);
    }
  }
}
