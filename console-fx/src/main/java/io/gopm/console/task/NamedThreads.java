package io.gopm.console.task;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with names, so a thread dump says what each one is for. */
public final class NamedThreads implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger next = new AtomicInteger(1);
  private final boolean numbered;

  private NamedThreads(String prefix, boolean numbered) {
    this.prefix = prefix;
    this.numbered = numbered;
  }

  /** Threads named exactly {@code name}. */
  public static NamedThreads named(String name) {
    return new NamedThreads(name, false);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static NamedThreads numbered(String prefix) {
    return new NamedThreads(prefix, true);
  }

  /** One named thread that runs tasks in order, also at a delay. */
  public static ScheduledExecutorService singleThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, numbered ? prefix + "-" + next.getAndIncrement() : prefix);
    thread.setDaemon(true);
    return thread;
  }
}
