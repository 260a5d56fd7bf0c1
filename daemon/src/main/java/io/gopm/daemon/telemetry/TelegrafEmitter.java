package io.gopm.daemon.telemetry;

import io.gopm.daemon.events.DaemonLog;
import io.gopm.protocol.model.ProcessInfo;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the telemetry lines to Telegraf (or any InfluxDB line-protocol UDP listener): fire and
 * forget, from a non-blocking UDP channel connected to the target once, at start.
 *
 * <p>Each {@link #emit} formats the processes with {@link LineProtocol} and sends them in
 * datagrams of at most {@value #MAX_PAYLOAD_BYTES} bytes of payload, split between lines. Sending
 * never waits: a datagram the kernel does not take at once (a full send buffer, or the "port
 * unreachable" a dead listener answers with) is dropped and counted, never retried. The first drop
 * of a failure episode is logged (a warning), and the end of the episode, once no drop has happened
 * for {@link #QUIET_PERIOD} (an info line with the count); nothing is logged per emission.
 *
 * <p>Threads: {@link #emit} is called by one thread at a time (the daemon's {@code
 * gopm-background}); {@link #close} and {@link #droppedDatagrams} from any thread. The channel is
 * non-blocking, so an interrupt of the emitting thread does not close it (a blocking channel
 * would be closed by one).
 */
public final class TelegrafEmitter implements AutoCloseable {

  /**
   * The largest UDP payload sent: below the 1472 bytes an Ethernet frame carries over IPv4 (1452
   * over IPv6), with room for tunnels and VPNs, so datagrams are never fragmented.
   */
  public static final int MAX_PAYLOAD_BYTES = 1400;

  /** How long without a drop ends a failure episode. */
  static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

  /**
   * What one {@link #emit} did.
   *
   * @param lines lines formatted, daemon line included
   * @param datagrams datagrams the kernel took
   * @param bytes payload bytes of those datagrams
   * @param dropped datagrams not sent
   */
  public record Emission(int lines, int datagrams, int bytes, int dropped) {}

  private final DatagramChannel channel;
  private final InetSocketAddress target;
  private final LineProtocol format;
  private final Clock clock;
  private final DaemonLog log;
  private final int maxPayloadBytes;
  private final AtomicLong dropped = new AtomicLong();

  // the state of the current failure episode, owned by the emitting thread
  private Instant lastDrop;
  private long droppedInEpisode;
  private boolean oversizedReported;

  private TelegrafEmitter(
      DatagramChannel channel, InetSocketAddress target, LineProtocol format, Clock clock, DaemonLog log, int maxPayloadBytes) {
    this.channel = channel;
    this.target = target;
    this.format = format;
    this.clock = clock;
    this.log = log;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Opens a UDP channel connected to {@code target} (a resolved address).
   *
   * @throws IOException when no socket can be opened or connected (no route, bad address)
   */
  public static TelegrafEmitter open(InetSocketAddress target, LineProtocol format, Clock clock, DaemonLog log)
      throws IOException {
    return open(target, format, clock, log, MAX_PAYLOAD_BYTES);
  }

  static TelegrafEmitter open(
      InetSocketAddress target, LineProtocol format, Clock clock, DaemonLog log, int maxPayloadBytes) throws IOException {
    if (target.isUnresolved()) {
      throw new IOException("unresolved address " + target.getHostString() + ":" + target.getPort());
    }
    StandardProtocolFamily family =
        target.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.configureBlocking(false);
      channel.connect(target);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new TelegrafEmitter(channel, target, format, clock, log, maxPayloadBytes);
  }

  /** Sends the lines of {@code processes} (and the daemon line), timestamped now. Never throws. */
  public Emission emit(List<ProcessInfo> processes) {
    if (!channel.isOpen()) {
      return new Emission(0, 0, 0, 0);
    }
    Instant now = clock.instant();
    List<String> lines = format.lines(processes, now);
    Datagrams.Packing packing = Datagrams.pack(lines, maxPayloadBytes);
    reportOversized(packing.oversizedLines());
    int sent = 0;
    int bytes = 0;
    int failed = 0;
    String failure = null;
    for (byte[] payload : packing.payloads()) {
      try {
        if (channel.write(ByteBuffer.wrap(payload)) == payload.length) {
          sent++;
          bytes += payload.length;
          continue;
        }
        failure = "send buffer full";
      } catch (ClosedChannelException e) {
        break; // closed by close(), at shutdown
      } catch (IOException e) {
        failure = e.toString(); // PortUnreachableException when nothing listens
      }
      failed++;
    }
    recordDrops(failed, failure, now);
    return new Emission(lines.size(), sent, bytes, failed);
  }

  private void recordDrops(int failed, String failure, Instant now) {
    if (failed > 0) {
      dropped.addAndGet(failed);
      if (lastDrop == null) {
        log.warn(
            "telegraf telemetry: datagrams dropped; dropping silently until it works again",
            "addr", address(), "error", failure);
        droppedInEpisode = 0;
      }
      lastDrop = now;
      droppedInEpisode += failed;
    } else if (lastDrop != null && !now.isBefore(lastDrop.plus(QUIET_PERIOD))) {
      log.info("telegraf telemetry: sending again", "addr", address(), "dropped", droppedInEpisode);
      lastDrop = null;
    }
  }

  private void reportOversized(int lines) {
    if (lines > 0 && !oversizedReported) {
      oversizedReported = true;
      log.warn("telegraf telemetry: lines longer than a datagram are not sent", "lines", lines, "max_bytes", maxPayloadBytes);
    }
  }

  /** Datagrams not sent since the start. */
  public long droppedDatagrams() {
    return dropped.get();
  }

  /** {@code host:port} of the target, {@code [v6]:port} for IPv6. */
  String address() {
    String host = target.getAddress().getHostAddress();
    return (target.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + target.getPort();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was buffered; a UDP socket has nothing left to flush
    }
  }
}
