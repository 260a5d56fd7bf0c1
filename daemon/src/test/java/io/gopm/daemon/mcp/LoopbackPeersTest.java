package io.gopm.daemon.mcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gopm.protocol.procfs.ProcNet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackPeersTest {

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
  private static final String HEADER6 =
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

  /** 127.0.0.1:18999 listening, and one connection from 127.0.0.1:50000 (uid 1001) to it (uid 1000). */
  private static final String TCP =
      HEADER
          + "   0: 0100007F:4A37 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 11111 1 0000000000000000 100 0 0 10 0\n"
          + "   1: 0100007F:4A37 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 22222 1 0000000000000000 20 4 30 10 -1\n"
          + "   2: 0100007F:C350 0100007F:4A37 01 00000000:00000000 00:00000000 00000000  1001        0 33333 1 0000000000000000 20 4 30 10 -1\n";

  /**
   * An IPv4 client 127.0.0.1:50001 (uid 1002) on a dual-stack socket, written IPv4-mapped, and an
   * IPv6 client [::1]:50002 (uid 1003), both connected to port 18999.
   */
  private static final String TCP6 =
      HEADER6
          + "   0: 0000000000000000FFFF00000100007F:C351 0000000000000000FFFF00000100007F:4A37 01 00000000:00000000 00:00000000 00000000  1002        0 44444 1 0000000000000000 20 4 30 10 -1\n"
          + "   1: 00000000000000000000000001000000:C352 00000000000000000000000001000000:4A37 01 00000000:00000000 00:00000000 00000000  1003        0 55555 1 0000000000000000 20 4 30 10 -1\n";

  @TempDir Path proc;
  private Path net;

  @BeforeEach
  void createNetDirectory() throws IOException {
    net = Files.createDirectories(proc.resolve("self/net"));
  }

  private LoopbackPeers peers(String tcp, String tcp6) throws IOException {
    Files.writeString(net.resolve("tcp"), tcp, US_ASCII);
    Files.writeString(net.resolve("tcp6"), tcp6, US_ASCII);
    return new LoopbackPeers(proc);
  }

  private static InetSocketAddress address(String ip, int port) throws IOException {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  @Test
  void fixtureRowsDecodeToTheAddressesTheyStandFor() {
    assertThat(ProcNet.address("0100007F:C350")).isEqualTo("127.0.0.1:50000");
    assertThat(ProcNet.address("0000000000000000FFFF00000100007F:C351")).isEqualTo("[::ffff:127.0.0.1]:50001");
    assertThat(ProcNet.address("00000000000000000000000001000000:C352")).isEqualTo("[::1]:50002");
  }

  @Test
  void findsTheUidOfTheRowWhoseLocalAddressIsTheClients() throws IOException {
    LoopbackPeers peers = peers(TCP, HEADER6);

    assertThat(peers.uidOf(address("127.0.0.1", 50000), address("127.0.0.1", 18999))).isEqualTo(OptionalLong.of(1001));
  }

  @Test
  void readsTheDirectionOfTheConnection() throws IOException {
    LoopbackPeers peers = peers(TCP, HEADER6);

    assertThat(peers.uidOf(address("127.0.0.1", 18999), address("127.0.0.1", 50000))).isEqualTo(OptionalLong.of(1000));
  }

  @Test
  void findsAnIpv4ClientWrittenIpv4MappedInTheIpv6Table() throws IOException {
    LoopbackPeers peers = peers(TCP, TCP6);

    assertThat(peers.uidOf(address("127.0.0.1", 50001), address("127.0.0.1", 18999))).isEqualTo(OptionalLong.of(1002));
  }

  @Test
  void findsAnIpv6Client() throws IOException {
    LoopbackPeers peers = peers(HEADER, TCP6);

    assertThat(peers.uidOf(address("::1", 50002), address("::1", 18999))).isEqualTo(OptionalLong.of(1003));
  }

  @Test
  void findsNothingWithoutAMatchingRow() throws IOException {
    LoopbackPeers peers = peers(TCP, TCP6);

    assertThat(peers.uidOf(address("127.0.0.1", 50009), address("127.0.0.1", 18999))).isEmpty();
    assertThat(peers.uidOf(address("127.0.0.1", 50000), address("127.0.0.1", 18998))).isEmpty();
    assertThat(peers.uidOf(address("::1", 50000), address("::1", 18999))).isEmpty();
  }

  @Test
  void findsNothingWhenTheTablesAreMissing() throws IOException {
    assertThat(new LoopbackPeers(proc).uidOf(address("127.0.0.1", 50000), address("127.0.0.1", 18999))).isEmpty();
  }

  @Test
  void skipsRowsItDoesNotUnderstand() throws IOException {
    String table =
        HEADER
            + "garbage\n"
            + "   7: ZZZZZZZZ:C350 0100007F:4A37 01 00000000:00000000 00:00000000 00000000  1009        0 1 1\n"
            + "   8: 0100007F:C350 0100007F:4A37 01 00000000:00000000\n"
            + "   9: 0100007F:C350 0100007F:4A37 01 00000000:00000000 00:00000000 00000000  notanumber  0 1 1\n"
            + TCP.substring(HEADER.length());
    LoopbackPeers peers = peers(table, HEADER6);

    assertThat(peers.uidOf(address("127.0.0.1", 50000), address("127.0.0.1", 18999))).isEqualTo(OptionalLong.of(1001));
  }

  // ---- the real /proc --------------------------------------------------------------------------

  private static long ownUid() throws IOException {
    return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
  }

  @Test
  void findsTheTestsOwnUidForARealIpv4Connection() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
        Socket accepted = server.accept()) {
      InetSocketAddress serverAddress = (InetSocketAddress) accepted.getLocalSocketAddress();

      OptionalLong uid =
          new LoopbackPeers(Path.of("/proc")).uidOf((InetSocketAddress) client.getLocalSocketAddress(), serverAddress);

      assertThat(uid).isEqualTo(OptionalLong.of(ownUid()));
    }
  }

  @Test
  void findsTheTestsOwnUidForARealIpv6Connection() throws IOException {
    InetAddress loopback6 = InetAddress.getByName("::1");
    ServerSocket server;
    try {
      server = new ServerSocket(0, 1, loopback6);
    } catch (IOException e) {
      assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
      return;
    }
    try (server;
        Socket client = new Socket(loopback6, server.getLocalPort());
        Socket accepted = server.accept()) {
      OptionalLong uid = new LoopbackPeers(Path.of("/proc"))
          .uidOf((InetSocketAddress) client.getLocalSocketAddress(), (InetSocketAddress) accepted.getLocalSocketAddress());

      assertThat(uid).isEqualTo(OptionalLong.of(ownUid()));
    }
  }
}
