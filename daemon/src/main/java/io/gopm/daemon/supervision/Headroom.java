package io.gopm.daemon.supervision;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Checked before every start: the daemon keeps room for its own work (accepting connections,
 * saving {@code dump.json}, reading {@code /proc}, its heap). A start that would take the last
 * file descriptors or the last of the heap fails with an error that says which limit and what to
 * raise, instead of the daemon failing later somewhere else and taking every process with it
 * (docs/adr/0020).
 */
final class Headroom {

  /** File descriptors a start may not take: kept for connections, saves and /proc reads. */
  static final long RESERVED_FILES = 32;

  /** A start is refused while the heap still in use after the last collection is above this share. */
  static final double HEAP_LIMIT = 0.9;

  private final LongSupplier openFiles;
  private final LongSupplier maxFiles;
  private final LongSupplier liveHeap;
  private final LongSupplier maxHeap;

  /**
   * @param openFiles file descriptors open now (negative when unknown)
   * @param maxFiles the limit of open files (negative when unknown)
   * @param liveHeap heap bytes in use after the last collection
   * @param maxHeap the heap's maximum (negative when unknown)
   */
  Headroom(LongSupplier openFiles, LongSupplier maxFiles, LongSupplier liveHeap, LongSupplier maxHeap) {
    this.openFiles = openFiles;
    this.maxFiles = maxFiles;
    this.liveHeap = liveHeap;
    this.maxHeap = maxHeap;
  }

  /** The limits of this JVM, read through its management beans. */
  static Headroom ofThisJvm() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    LongSupplier unknown = () -> -1;
    LongSupplier open = unknown;
    LongSupplier max = unknown;
    if (os instanceof UnixOperatingSystemMXBean unix) {
      open = unix::getOpenFileDescriptorCount;
      max = unix::getMaxFileDescriptorCount;
    }
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    LongSupplier live =
        () -> {
          long used = 0;
          for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            used += afterGc == null ? 0 : afterGc.getUsed();
          }
          return used;
        };
    Runtime runtime = Runtime.getRuntime();
    return new Headroom(open, max, live, () -> runtime.maxMemory() == Long.MAX_VALUE ? -1 : runtime.maxMemory());
  }

  /**
   * Fails when starting one more child would leave the daemon without room.
   *
   * @throws LaunchException naming the limit
   */
  void check() throws LaunchException {
    long max = maxFiles.getAsLong();
    if (max > 0) {
      long open = openFiles.getAsLong();
      if (open >= 0 && open + RESERVED_FILES >= max) {
        throw new LaunchException(
            "the daemon is at its limit of open files ("
                + open
                + " of "
                + max
                + " in use, each process takes about 4): raise 'ulimit -n' where the daemon is started and restart it ('gopm kill')");
      }
    }
    long heapMax = maxHeap.getAsLong();
    long live = liveHeap.getAsLong();
    if (heapMax > 0 && live > heapMax * HEAP_LIMIT) {
      throw new LaunchException(
          "the daemon's memory is full ("
              + live / (1024 * 1024)
              + " of "
              + heapMax / (1024 * 1024)
              + " MB in use): give it more with GOPM_JAVA_OPTS=-Xmx... and restart it ('gopm kill')");
    }
  }
}
