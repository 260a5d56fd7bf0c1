package io.gopm.daemon.metrics;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.daemon.supervision.Supervisor;
import io.gopm.protocol.procfs.ProcNet;
import io.gopm.protocol.procfs.SocketEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Finds the TCP and UDP ports each running process listens on: the sockets among the file
 * descriptors of the process and of all its descendants, looked up in the socket tables of its
 * network namespace. Runs at start, every 60 seconds, and when a client asks for fresh ports;
 * scans are serialised.
 */
public final class ListenerScanner {

  /** The period of the background scan. */
  public static final java.time.Duration INTERVAL = java.time.Duration.ofSeconds(60);

  private final Supervisor supervisor;
  private final Path proc;
  private final DaemonLog log;

  public ListenerScanner(Supervisor supervisor, Path proc, DaemonLog log) {
    this.supervisor = supervisor;
    this.proc = proc;
    this.log = log;
  }

  /** Scans every running process and hands the result to the supervisor. */
  public synchronized void scan() {
    Map<Integer, Integer> running;
    try {
      running = supervisor.runningPids().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Map<Long, List<Long>> children = childrenByParent();
    Map<String, List<SocketEntry>> tablesByNamespace = new HashMap<>();
    Map<Integer, Supervisor.ListenerSample> samples = new HashMap<>();
    for (Map.Entry<Integer, Integer> entry : running.entrySet()) {
      int pid = entry.getValue();
      Set<Long> inodes = new HashSet<>();
      for (long member : withDescendants(pid, children)) {
        inodes.addAll(ProcNet.socketInodes(proc, member));
      }
      List<SocketEntry> table =
          tablesByNamespace.computeIfAbsent(namespace(pid), ns -> ProcNet.inetSockets(proc, pid));
      samples.put(entry.getKey(), new Supervisor.ListenerSample(pid, listeners(table, inodes)));
    }
    supervisor.applyListeners(samples);
    log.debug("listener scan complete", "processes", samples.size());
  }

  /** The listening sockets among {@code inodes}: TCP in LISTEN, bound UDP; de-duplicated. */
  static List<String> listeners(List<SocketEntry> table, Set<Long> inodes) {
    Set<String> found = new LinkedHashSet<>();
    for (SocketEntry socket : table) {
      if (!inodes.contains(socket.inode())) {
        continue;
      }
      boolean tcpListener = socket.proto().startsWith("tcp") && socket.listening();
      boolean udpBound = socket.proto().startsWith("udp") && !socket.local().endsWith(":0");
      if (tcpListener || udpBound) {
        found.add(socket.listenerText());
      }
    }
    return new ArrayList<>(found);
  }

  private String namespace(int pid) {
    try {
      return Files.readSymbolicLink(proc.resolve(Integer.toString(pid)).resolve("ns").resolve("net")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "pid:" + pid;
    }
  }

  private static List<Long> withDescendants(long root, Map<Long, List<Long>> children) {
    List<Long> all = new ArrayList<>();
    Deque<Long> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty() && all.size() < 10_000) {
      long pid = queue.poll();
      all.add(pid);
      queue.addAll(children.getOrDefault(pid, List.of()));
    }
    return all;
  }

  /** Parent PID → child PIDs, from one pass over {@code /proc/<pid>/stat}. */
  private Map<Long, List<Long>> childrenByParent() {
    Map<Long, List<Long>> children = new HashMap<>();
    try (Stream<Path> entries = Files.list(proc)) {
      entries.forEach(
          entry -> {
            String name = entry.getFileName().toString();
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
              return;
            }
            try {
              String stat = Files.readString(entry.resolve("stat"));
              int close = stat.lastIndexOf(')');
              String[] fields = stat.substring(close + 2).split(" ", 3);
              children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>()).add(Long.parseLong(name));
            } catch (IOException | RuntimeException ignored) {
              // the process ended while we looked
            }
          });
    } catch (IOException e) {
      log.warn("cannot list /proc", "error", e.getMessage());
    }
    return children;
  }
}
