package io.gopm.daemon.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs lines into UDP payloads of at most a given size: whole lines only, each ending with {@code
 * \n}, in order, as few payloads as the lines allow. Pure; no I/O.
 */
final class Datagrams {

  private Datagrams() {}

  /**
   * The payloads of one emission.
   *
   * @param payloads the datagrams to send, each at most the size asked for
   * @param oversizedLines lines left out because one alone (with its {@code \n}) exceeds the size
   */
  record Packing(List<byte[]> payloads, int oversizedLines) {
    Packing {
      payloads = List.copyOf(payloads);
    }

    int bytes() {
      return payloads.stream().mapToInt(payload -> payload.length).sum();
    }
  }

  /** Packs {@code lines} (without line ends) into payloads of at most {@code maxBytes} bytes. */
  static Packing pack(List<String> lines, int maxBytes) {
    if (maxBytes < 2) {
      throw new IllegalArgumentException("maxBytes must be at least 2 (got " + maxBytes + ")");
    }
    List<byte[]> payloads = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream(maxBytes);
    int oversized = 0;
    for (String line : lines) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      if (bytes.length > maxBytes) {
        oversized++;
        continue;
      }
      if (current.size() + bytes.length > maxBytes) {
        payloads.add(current.toByteArray());
        current.reset();
      }
      current.writeBytes(bytes);
    }
    if (current.size() > 0) {
      payloads.add(current.toByteArray());
    }
    return new Packing(payloads, oversized);
  }
}
