package io.gopm.protocol.procfs;

/**
 * One row of {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6,unix}}.
 *
 * @param proto {@code tcp}, {@code tcp6}, {@code udp}, {@code udp6} or {@code unix}
 * @param local the local address ({@code 127.0.0.1:8080}, {@code [::1]:8080}) or the Unix path
 * @param remote the remote address ({@code ""} for Unix sockets)
 * @param state the TCP state name ({@code LISTEN}, {@code ESTABLISHED}...), {@code UNCONN} or
 *     {@code CONNECTED} for UDP, {@code CONNECTED} for Unix sockets
 * @param inode the socket's inode, which ties it to a file descriptor
 */
public record SocketEntry(String proto, String local, String remote, String state, long inode) {

  /** True for a TCP socket listening for connections. */
  public boolean listening() {
    return state.equals("LISTEN");
  }

  /**
   * The listener text of {@code gopm list -p}: {@code tcp@127.0.0.1:8080}, {@code tcp6@[::1]:80}.
   * An IPv4 address on an IPv6 socket ({@code [::ffff:127.0.0.1]}, as Java and others bind) is
   * written as the IPv4 listener it is.
   */
  public String listenerText() {
    String mappedPrefix = "[::ffff:";
    if (proto.endsWith("6") && local.startsWith(mappedPrefix) && local.indexOf('.') > 0) {
      int close = local.indexOf(']');
      return proto.substring(0, proto.length() - 1) + "@" + local.substring(mappedPrefix.length(), close)
          + local.substring(close + 1);
    }
    return proto + "@" + local;
  }
}
