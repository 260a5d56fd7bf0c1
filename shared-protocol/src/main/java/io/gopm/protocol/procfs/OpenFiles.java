package io.gopm.protocol.procfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open descriptors of a process ({@code fd/} and {@code fdinfo/}) and the sockets it holds.
 * Every descriptor is read once: the first {@code limit} (in numeric order) are listed, and all of
 * them tie socket inodes to descriptor numbers.
 *
 * @param open the number of entries of {@code fd/}
 * @param listed the descriptors to show, at most the limit
 * @param socketFds descriptor number by socket inode, over all descriptors
 */
record OpenFiles(int open, List<FdEntry> listed, Map<Long, Integer> socketFds) {

  /** Reads {@code fd/} of {@code dir}; empty when it cannot be listed. */
  static Optional<OpenFiles> read(ProcDir dir, int limit) {
    Optional<List<String>> names = dir.list("fd");
    if (names.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (String name : names.get()) {
      try {
        numbers.add(Integer.parseInt(name));
      } catch (NumberFormatException ignored) {
        // not a descriptor
      }
    }
    numbers.sort(null);
    List<FdEntry> listed = new ArrayList<>();
    Map<Long, Integer> socketFds = new HashMap<>();
    for (int fd : numbers) {
      Optional<String> target = dir.link("fd/" + fd);
      if (target.isEmpty()) {
        continue; // closed while we looked
      }
      long inode = ProcNet.socketInode(target.get());
      if (inode > 0) {
        socketFds.putIfAbsent(inode, fd);
      }
      if (listed.size() < limit) {
        String mode = dir.read("fdinfo/" + fd).map(OpenFiles::flags).map(FdEntry::modeOf).orElse("?");
        listed.add(new FdEntry(fd, FdEntry.typeOf(target.get()), mode, target.get(), inode));
      }
    }
    return Optional.of(new OpenFiles(names.get().size(), listed, socketFds));
  }

  /** The number of entries of {@code fd/} without reading them; 0 when unreadable. */
  static int count(ProcDir dir) {
    return dir.list("fd").map(List::size).orElse(0);
  }

  /**
   * The rows of the namespace's socket tables ({@code net/tcp}, {@code tcp6}, {@code udp}, {@code
   * udp6}, {@code unix}) whose inode one of these descriptors holds.
   */
  List<ProcessSocket> sockets(Path proc, long pid) {
    List<SocketEntry> rows = new ArrayList<>(ProcNet.inetSockets(proc, pid));
    rows.addAll(ProcNet.unixSockets(proc, pid));
    List<ProcessSocket> owned = new ArrayList<>();
    for (SocketEntry row : rows) {
      Integer fd = socketFds.get(row.inode());
      if (fd != null) {
        owned.add(ProcessSocket.of(row, fd));
      }
    }
    return owned;
  }

  /** The value of the {@code flags:} line of an {@code fdinfo} file, or empty. */
  private static String flags(String fdinfo) {
    for (String line : fdinfo.split("\n")) {
      if (line.startsWith("flags:")) {
        return line.substring("flags:".length()).trim();
      }
    }
    return "";
  }
}
