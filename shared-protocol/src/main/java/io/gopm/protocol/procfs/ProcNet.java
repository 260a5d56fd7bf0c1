package io.gopm.protocol.procfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The socket tables of a network namespace ({@code /proc/<pid>/net/tcp} and friends) and the
 * socket inodes a process holds ({@code /proc/<pid>/fd}). These tables list every socket of the
 * namespace; match them with a process's inodes to know which are its own.
 */
public final class ProcNet {

  private static final Map<String, String> TCP_STATES =
      Map.ofEntries(
          Map.entry("01", "ESTABLISHED"),
          Map.entry("02", "SYN_SENT"),
          Map.entry("03", "SYN_RECV"),
          Map.entry("04", "FIN_WAIT1"),
          Map.entry("05", "FIN_WAIT2"),
          Map.entry("06", "TIME_WAIT"),
          Map.entry("07", "CLOSE"),
          Map.entry("08", "CLOSE_WAIT"),
          Map.entry("09", "LAST_ACK"),
          Map.entry("0A", "LISTEN"),
          Map.entry("0B", "CLOSING"));

  private ProcNet() {}

  /** TCP and UDP sockets (IPv4 and IPv6) of the namespace {@code pid} lives in. */
  public static List<SocketEntry> inetSockets(Path proc, long pid) {
    Path net = proc.resolve(Long.toString(pid)).resolve("net");
    List<SocketEntry> sockets = new ArrayList<>();
    for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
      for (String line : lines(net.resolve(proto))) {
        SocketEntry entry = parseInet(proto, line);
        if (entry != null) {
          sockets.add(entry);
        }
      }
    }
    return sockets;
  }

  /** Unix sockets of the namespace {@code pid} lives in. */
  public static List<SocketEntry> unixSockets(Path proc, long pid) {
    List<SocketEntry> sockets = new ArrayList<>();
    for (String line : lines(proc.resolve(Long.toString(pid)).resolve("net").resolve("unix"))) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 7) {
        continue;
      }
      try {
        String path = fields.length >= 8 ? fields[7] : "";
        sockets.add(new SocketEntry("unix", path, "", "CONNECTED", Long.parseLong(fields[6])));
      } catch (NumberFormatException ignored) {
        // a row we do not understand
      }
    }
    return sockets;
  }

  /** The inodes of the sockets among {@code pid}'s open file descriptors (empty if unreadable). */
  public static Set<Long> socketInodes(Path proc, long pid) {
    Set<Long> inodes = new HashSet<>();
    Path fdDir = proc.resolve(Long.toString(pid)).resolve("fd");
    try (var entries = Files.newDirectoryStream(fdDir)) {
      for (Path fd : entries) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          long inode = socketInode(target);
          if (inode > 0) {
            inodes.add(inode);
          }
        } catch (IOException ignored) {
          // the descriptor closed while we looked
        }
      }
    } catch (IOException e) {
      return inodes;
    }
    return inodes;
  }

  /** The inode of a {@code socket:[12345]} link target, or 0. */
  public static long socketInode(String linkTarget) {
    if (linkTarget.startsWith("socket:[") && linkTarget.endsWith("]")) {
      try {
        return Long.parseLong(linkTarget.substring(8, linkTarget.length() - 1));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** One row of a tcp/udp table, or null for the header and rows that do not parse. */
  static SocketEntry parseInet(String proto, String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 10 || !fields[0].endsWith(":")) {
      return null;
    }
    try {
      String local = address(fields[1]);
      String remote = address(fields[2]);
      long inode = Long.parseLong(fields[9]);
      String state;
      if (proto.startsWith("tcp")) {
        state = TCP_STATES.getOrDefault(fields[3].toUpperCase(java.util.Locale.ROOT), fields[3]);
      } else {
        state = remote.endsWith(":0") && (remote.startsWith("0.0.0.0") || remote.startsWith("[::]")) ? "UNCONN" : "CONNECTED";
      }
      return new SocketEntry(proto, local, remote, state, inode);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Decodes {@code HEXIP:HEXPORT}: 8 hex digits are an IPv4 address in host (little-endian)
   * order, 32 an IPv6 address as four little-endian words; IPv6 is written in brackets and
   * compressed ({@code [::1]:8080}).
   */
  public static String address(String hex) {
    int colon = hex.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an address: " + hex);
    }
    String ip = hex.substring(0, colon);
    int port = Integer.parseInt(hex.substring(colon + 1), 16);
    if (ip.length() == 8) {
      long value = Long.parseLong(ip, 16);
      return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff)
          + ":" + port;
    }
    if (ip.length() == 32) {
      byte[] bytes = new byte[16];
      for (int word = 0; word < 4; word++) {
        long value = Long.parseLong(ip.substring(word * 8, word * 8 + 8), 16);
        for (int b = 0; b < 4; b++) {
          bytes[word * 4 + b] = (byte) ((value >> (8 * b)) & 0xff);
        }
      }
      return "[" + InetText.ipv6(bytes) + "]:" + port;
    }
    throw new IllegalArgumentException("not an address: " + hex);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
