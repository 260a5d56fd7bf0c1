package io.gopm.protocol.procfs;

/**
 * A socket a process holds, as {@code gopm pid} shows it.
 *
 * @param proto {@code TCP}, {@code UDP} or {@code UNIX} (IPv4 and IPv6 alike)
 * @param local {@code 127.0.0.1:8080}, {@code [::1]:8080}, or the Unix path (may be empty or
 *     {@code @abstract})
 * @param remote the peer address; empty for Unix sockets
 * @param state the TCP state, {@code UNCONN}/{@code CONNECTED} for UDP, {@code CONNECTED} for Unix
 * @param fd the descriptor that holds it (null when unknown, and then left out of the JSON)
 * @param inode the socket's inode
 */
public record ProcessSocket(String proto, String local, String remote, String state, Integer fd, long inode) {

  /** The report's view of a socket-table row held through descriptor {@code fd}. */
  public static ProcessSocket of(SocketEntry entry, Integer fd) {
    return new ProcessSocket(protoText(entry.proto()), entry.local(), entry.remote(), entry.state(), fd, entry.inode());
  }

  private static String protoText(String proto) {
    if (proto.startsWith("tcp")) {
      return "TCP";
    }
    if (proto.startsWith("udp")) {
      return "UDP";
    }
    return "UNIX";
  }
}
