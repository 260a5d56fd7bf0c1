package io.gopm.daemon.mcp;

import io.gopm.protocol.procfs.ProcNet;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Who is on the other end of a loopback TCP connection: the uid that owns the client's socket,
 * read from {@code /proc/net/tcp} and {@code tcp6} (the row whose local address is the client's
 * and whose remote address is ours).
 */
final class LoopbackPeers {

  private final Path proc;

  LoopbackPeers(Path proc) {
    this.proc = proc;
  }

  /** The uid of the client socket, or empty when no row matches (the connection is gone). */
  OptionalLong uidOf(InetSocketAddress client, InetSocketAddress server) {
    List<String> clientForms = forms(client);
    List<String> serverForms = forms(server);
    for (String table : List.of("net/tcp", "net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(proc.resolve("self").resolve(table), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        continue;
      }
      for (String line : lines) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 8 || !fields[0].endsWith(":")) {
          continue;
        }
        try {
          String local = ProcNet.address(fields[1]);
          String remote = ProcNet.address(fields[2]);
          if (clientForms.contains(local) && serverForms.contains(remote)) {
            return OptionalLong.of(Long.parseLong(fields[7]));
          }
        } catch (IllegalArgumentException ignored) {
          // a row we do not understand
        }
      }
    }
    return OptionalLong.empty();
  }

  /** The ways an address appears in the tables: {@code 127.0.0.1:80}, {@code [::ffff:127.0.0.1]:80}. */
  private static List<String> forms(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    int port = address.getPort();
    if (address.getAddress() instanceof Inet4Address) {
      return List.of(host + ":" + port, "[::ffff:" + host + "]:" + port);
    }
    String compressed = io.gopm.protocol.procfs.InetText.ipv6(address.getAddress().getAddress());
    return List.of("[" + compressed + "]:" + port);
  }
}
