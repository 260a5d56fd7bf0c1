package io.gopm.daemon.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DatagramsTest {

  private static List<String> linesOf(List<byte[]> payloads) {
    List<String> lines = new ArrayList<>();
    for (byte[] payload : payloads) {
      String text = new String(payload, StandardCharsets.UTF_8);
      assertThat(text).endsWith("\n");
      lines.addAll(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
    }
    return lines;
  }

  @Test
  void fewLinesGoInOneDatagramEndingWithANewline() {
    Datagrams.Packing packing = Datagrams.pack(List.of("a 1i", "b 2i"), 1400);

    assertThat(packing.payloads()).hasSize(1);
    assertThat(new String(packing.payloads().get(0), StandardCharsets.UTF_8)).isEqualTo("a 1i\nb 2i\n");
    assertThat(packing.oversizedLines()).isZero();
    assertThat(packing.bytes()).isEqualTo(10);
  }

  @Test
  void manyLinesAreSplitAtLineBoundariesWithEveryLineExactlyOnceInOrder() {
    List<String> lines = IntStream.range(0, 301)
        .mapToObj(i -> "gopm,name=process-" + i + ",id=" + i + ",status=online pid=" + (10_000 + i)
            + "i,cpu=0.000000,memory=" + (1_000_000L * i) + "i,restarts=0i,uptime=" + i + "i 1738800000000000000")
        .toList();

    Datagrams.Packing packing = Datagrams.pack(lines, 1400);

    assertThat(packing.payloads()).hasSizeGreaterThan(1).allSatisfy(payload -> assertThat(payload.length).isLessThanOrEqualTo(1400));
    assertThat(linesOf(packing.payloads())).containsExactlyElementsOf(lines);
    int total = lines.stream().mapToInt(line -> line.length() + 1).sum();
    assertThat(packing.bytes()).isEqualTo(total);
    // greedy: no payload could have taken the first line of the next one
    for (int i = 0; i + 1 < packing.payloads().size(); i++) {
      String nextFirst = linesOf(List.of(packing.payloads().get(i + 1))).get(0);
      assertThat(packing.payloads().get(i).length + nextFirst.length() + 1).isGreaterThan(1400);
    }
  }

  @Test
  void aLineThatFillsTheLimitExactlyGetsADatagramOfItsOwn() {
    String exact = "x".repeat(99);
    Datagrams.Packing packing = Datagrams.pack(List.of("a", exact, "b"), 100);

    assertThat(packing.payloads()).extracting(payload -> payload.length).containsExactly(2, 100, 2);
    assertThat(linesOf(packing.payloads())).containsExactly("a", exact, "b");
  }

  @Test
  void limitsCountBytesNotCharacters() {
    String accented = "é".repeat(30); // 60 bytes, 30 chars
    Datagrams.Packing packing = Datagrams.pack(List.of(accented, accented), 100);

    assertThat(packing.payloads()).hasSize(2).allSatisfy(payload -> assertThat(payload.length).isEqualTo(61));
  }

  @Test
  void aLineLongerThanADatagramIsLeftOutAndCounted() {
    Datagrams.Packing packing = Datagrams.pack(List.of("a", "y".repeat(100), "b"), 100);

    assertThat(linesOf(packing.payloads())).containsExactly("a", "b");
    assertThat(packing.oversizedLines()).isEqualTo(1);
  }

  @Test
  void noLinesMeanNoDatagrams() {
    assertThat(Datagrams.pack(List.of(), 1400).payloads()).isEmpty();
  }

  @Test
  void aLimitTooSmallForAnyLineIsRefused() {
    assertThatThrownBy(() -> Datagrams.pack(List.of("a"), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes");
  }
}
