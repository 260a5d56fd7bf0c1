package io.gopm.daemon.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The emitter against real UDP sockets on the loopback interface. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TelegrafEmitterTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(LineProtocolTest.NOW);
  private final LineProtocol format = new LineProtocol("gopm", "testhost", LineProtocolTest.NOW.minusSeconds(100));
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private DaemonLog log;

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private DaemonLog log() throws IOException {
    if (log == null) {
      log = DaemonLog.open(dir.resolve("daemon.log"), false);
      toClose.add(log);
    }
    return log;
  }

  private String logText() throws IOException {
    return Files.readString(dir.resolve("daemon.log"));
  }

  private DatagramSocket receiver() throws IOException {
    return receiver(0);
  }

  private DatagramSocket receiver(int port) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
    socket.setSoTimeout(5_000);
    toClose.add(socket);
    return socket;
  }

  private TelegrafEmitter emitterTo(int port) throws IOException {
    return emitterTo(port, TelegrafEmitter.MAX_PAYLOAD_BYTES);
  }

  private TelegrafEmitter emitterTo(int port, int maxPayloadBytes) throws IOException {
    TelegrafEmitter emitter = TelegrafEmitter.open(new InetSocketAddress(LOOPBACK, port), format, clock, log(), maxPayloadBytes);
    toClose.add(emitter);
    return emitter;
  }

  /** A port nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      return socket.getLocalPort();
    }
  }

  /** Receives one datagram (within the socket's timeout); its payload. */
  private static byte[] receive(DatagramSocket socket) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
    socket.receive(packet);
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }

  private static List<ProcessInfo> processes(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> i % 10 == 9
            ? LineProtocolTest.process(i, String.format("sleeper-%03d", i), ProcessStatus.STOPPED, 0, 0, 0, 2, LineProtocolTest.NOW)
            : LineProtocolTest.process(i, String.format("sleeper-%03d", i), ProcessStatus.ONLINE, 20_000 + i, 0.1 * i,
                3_000_000L + i, 0, LineProtocolTest.NOW.minusSeconds(i)))
        .toList();
  }

  @Test
  void aListenerReceivesTheLinesOfAFewProcessesInOneDatagram() throws Exception {
    DatagramSocket telegraf = receiver();
    TelegrafEmitter emitter = emitterTo(telegraf.getLocalPort());
    List<ProcessInfo> processes = processes(3);

    TelegrafEmitter.Emission emission = emitter.emit(processes);

    String payload = new String(receive(telegraf), StandardCharsets.UTF_8);
    assertThat(payload).isEqualTo(String.join("\n", format.lines(processes, clock.instant())) + "\n");
    assertThat(emission).isEqualTo(new TelegrafEmitter.Emission(4, 1, payload.length(), 0));
    assertThat(emitter.droppedDatagrams()).isZero();
  }

  @Test
  void threeHundredProcessesArriveSplitIntoDatagramsOfAtMost1400Bytes() throws Exception {
    DatagramSocket telegraf = receiver();
    telegraf.setReceiveBufferSize(1 << 20);
    TelegrafEmitter emitter = emitterTo(telegraf.getLocalPort());
    List<ProcessInfo> processes = processes(300);
    List<String> expected = format.lines(processes, clock.instant());
    for (int i = 0; i < 200; i++) { // warm up the formatting, so the figure printed is a daemon's
      Datagrams.pack(format.lines(processes, clock.instant()), TelegrafEmitter.MAX_PAYLOAD_BYTES);
    }

    long started = System.nanoTime();
    TelegrafEmitter.Emission emission = emitter.emit(processes);
    long micros = (System.nanoTime() - started) / 1_000;

    List<String> received = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    while (received.size() < expected.size()) {
      byte[] payload = receive(telegraf);
      sizes.add(payload.length);
      String text = new String(payload, StandardCharsets.UTF_8);
      assertThat(text).endsWith("\n");
      received.addAll(Arrays.asList(text.substring(0, text.length() - 1).split("\n")));
    }
    assertThat(received).containsExactlyElementsOf(expected);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(TelegrafEmitter.MAX_PAYLOAD_BYTES));
    assertThat(emission.datagrams()).isEqualTo(sizes.size()).isGreaterThan(1);
    assertThat(emission.lines()).isEqualTo(301);
    assertThat(emission.dropped()).isZero();
    System.out.printf(
        "[telemetry] 300 processes: %d lines, %d datagrams, %d bytes (largest %d), emitted in %d us%n",
        emission.lines(), emission.datagrams(), emission.bytes(), sizes.stream().mapToInt(Integer::intValue).max().orElse(0), micros);
  }

  @Test
  void sendingToAPortNobodyListensOnNeitherThrowsNorWaitsAndIsLoggedOnce() throws Exception {
    TelegrafEmitter emitter = emitterTo(closedPort());
    List<ProcessInfo> processes = processes(30);

    long started = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      clock.advance(Duration.ofSeconds(2));
      emitter.emit(processes);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(emitter.droppedDatagrams()).as("ICMP port unreachable turns into drops on Linux").isPositive();
    assertThat(logText()).containsOnlyOnce("telegraf telemetry: datagrams dropped").contains("PortUnreachableException")
        .doesNotContain("sending again");
  }

  @Test
  void whenTheListenerComesBackTheEndOfTheEpisodeIsLoggedOnceAfterAQuietMinute() throws Exception {
    int port = closedPort();
    TelegrafEmitter emitter = emitterTo(port);
    TelegrafEmitter.Emission last;
    do { // until a drop has consumed the pending "port unreachable"
      clock.advance(Duration.ofSeconds(2));
      last = emitter.emit(List.of());
    } while (last.dropped() == 0);
    long dropped = emitter.droppedDatagrams();

    DatagramSocket telegraf = receiver(port);
    clock.advance(Duration.ofSeconds(30));
    assertThat(emitter.emit(List.of()).datagrams()).isEqualTo(1);
    receive(telegraf);
    assertThat(logText()).doesNotContain("sending again");

    clock.advance(TelegrafEmitter.QUIET_PERIOD);
    emitter.emit(List.of());
    receive(telegraf);
    clock.advance(Duration.ofSeconds(2));
    emitter.emit(List.of());
    receive(telegraf);

    assertThat(logText()).containsOnlyOnce("telegraf telemetry: sending again").contains("dropped=" + dropped)
        .containsOnlyOnce("datagrams dropped");
  }

  @Test
  void linesLongerThanADatagramAreSkippedAndReportedOnce() throws Exception {
    DatagramSocket telegraf = receiver();
    TelegrafEmitter emitter = emitterTo(telegraf.getLocalPort(), 160);
    List<ProcessInfo> processes = List.of(LineProtocolTest.online(0, "n".repeat(64)), LineProtocolTest.online(1, "short"));

    emitter.emit(processes);
    emitter.emit(processes);

    String first = new String(receive(telegraf), StandardCharsets.UTF_8);
    assertThat(first).contains("name=short").doesNotContain("nnnn");
    assertThat(logText()).containsOnlyOnce("lines longer than a datagram are not sent");
  }

  @Test
  void afterCloseEmittingDoesNothingAndLogsNothing() throws Exception {
    DatagramSocket telegraf = receiver();
    TelegrafEmitter emitter = emitterTo(telegraf.getLocalPort());
    emitter.close();

    assertThat(emitter.emit(processes(3))).isEqualTo(new TelegrafEmitter.Emission(0, 0, 0, 0));
    telegraf.setSoTimeout(100);
    assertThatThrownBy(() -> receive(telegraf)).isInstanceOf(SocketTimeoutException.class);
    assertThat(logText()).doesNotContain("telegraf");
  }

  @Test
  void anInterruptedEmitterThreadStillSendsAndKeepsItsInterrupt() throws Exception {
    DatagramSocket telegraf = receiver();
    TelegrafEmitter emitter = emitterTo(telegraf.getLocalPort());

    Thread.currentThread().interrupt();
    try {
      assertThat(emitter.emit(processes(3)).datagrams()).isEqualTo(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(emitter.emit(processes(3)).datagrams()).isEqualTo(1);

    receive(telegraf);
    receive(telegraf);
    assertThat(logText()).doesNotContain("telegraf");
  }

  @Test
  void anUnresolvedTargetCannotBeOpened() {
    assertThatThrownBy(() -> TelegrafEmitter.open(InetSocketAddress.createUnresolved("telegraf.invalid", 8094), format, clock, log()))
        .isInstanceOf(IOException.class).hasMessageContaining("telegraf.invalid:8094");
  }

  @Test
  void theAddressIsShownAsHostAndPort() throws Exception {
    assertThat(emitterTo(8094).address()).isEqualTo("127.0.0.1:8094");
  }
}
