package io.gopm.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FrameReaderTest {

  /** Hands out at most {@code chunk} bytes per read, the way a slow socket does. */
  private static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;
    int reads;

    TrickleInputStream(String text, int chunk) {
      this.data = text.getBytes(UTF_8);
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      reads++;
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(chunk, length), data.length - position);
      System.arraycopy(data, position, buffer, offset, n);
      position += n;
      return n;
    }
  }

  private static FrameReader reader(String text, int maxFrame) {
    return new FrameReader(new ByteArrayInputStream(text.getBytes(UTF_8)), maxFrame);
  }

  private static List<String> readAll(FrameReader reader) throws IOException {
    List<String> frames = new ArrayList<>();
    for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
      frames.add(new String(frame, UTF_8));
    }
    return frames;
  }

  @Test
  void returnsSeveralFramesDeliveredInOneRead() throws IOException {
    FrameReader reader = reader("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", 1024);

    assertThat(readAll(reader)).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
  }

  @Test
  void assemblesAFrameDeliveredOneByteAtATime() throws IOException {
    TrickleInputStream in = new TrickleInputStream("{\"method\":\"ping\"}\n{\"id\":2}\n", 1);
    FrameReader reader = new FrameReader(in, 1024);

    assertThat(readAll(reader)).containsExactly("{\"method\":\"ping\"}", "{\"id\":2}");
    assertThat(in.reads).isGreaterThan(20);
  }

  @Test
  void assemblesFramesSplitAtArbitraryPoints() throws IOException {
    String text = "first frame\nsecond, a little longer\nthird\n";
    for (int chunk = 1; chunk <= text.length(); chunk++) {
      FrameReader reader = new FrameReader(new TrickleInputStream(text, chunk), 1024);
      assertThat(readAll(reader)).as("chunk %d", chunk)
          .containsExactly("first frame", "second, a little longer", "third");
    }
  }

  @Test
  void assemblesAFrameLargerThanTheReadBuffer() throws IOException {
    String big = "x".repeat(50_000);
    FrameReader reader = reader(big + "\nsmall\n", 100_000);

    assertThat(readAll(reader)).containsExactly(big, "small");
  }

  @Test
  void dropsTheCarriageReturnOfCrlfLines() throws IOException {
    FrameReader reader = reader("{\"a\":1}\r\n{\"b\":2}\r\n", 1024);

    assertThat(readAll(reader)).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void dropsTheCarriageReturnWhenItArrivesInASeparateRead() throws IOException {
    FrameReader reader = new FrameReader(new TrickleInputStream("abc\r\ndef\r\n", 1), 1024);

    assertThat(readAll(reader)).containsExactly("abc", "def");
  }

  @Test
  void keepsACarriageReturnInsideAFrame() throws IOException {
    FrameReader reader = reader("a\rb\n", 1024);

    assertThat(readAll(reader)).containsExactly("a\rb");
  }

  @Test
  void returnsAFinalLineWithoutNewline() throws IOException {
    FrameReader reader = reader("one\ntwo", 1024);

    assertThat(reader.next()).asString(UTF_8).isEqualTo("one");
    assertThat(reader.next()).asString(UTF_8).isEqualTo("two");
    assertThat(reader.next()).isNull();
  }

  @Test
  void returnsAFinalLineWithoutNewlineDeliveredInPieces() throws IOException {
    FrameReader reader = new FrameReader(new TrickleInputStream("one\ntwo", 2), 1024);

    assertThat(readAll(reader)).containsExactly("one", "two");
  }

  @Test
  void returnsEmptyLinesAsEmptyFrames() throws IOException {
    FrameReader reader = reader("\na\n\n\nb\n", 1024);

    assertThat(readAll(reader)).containsExactly("", "a", "", "", "b");
  }

  @Test
  void returnsNullAtTheEndOfTheStream() throws IOException {
    assertThat(reader("", 1024).next()).isNull();
    FrameReader reader = reader("only\n", 1024);
    assertThat(reader.next()).asString(UTF_8).isEqualTo("only");
    assertThat(reader.next()).isNull();
    assertThat(reader.next()).isNull();
  }

  @Test
  void keepsMultiByteUtf8SplitAcrossReadsIntact() throws IOException {
    FrameReader reader = new FrameReader(new TrickleInputStream("{\"name\":\"caf\u00e9 \u2713\"}\n", 1), 1024);

    assertThat(readAll(reader)).containsExactly("{\"name\":\"caf\u00e9 \u2713\"}");
  }

  @Test
  void acceptsAFrameExactlyAtTheLimit() throws IOException {
    String atLimit = "y".repeat(100);
    FrameReader reader = reader(atLimit + "\nnext\n", 100);

    assertThat(readAll(reader)).containsExactly(atLimit, "next");
  }

  @Test
  void acceptsAFrameExactlyAtTheLimitDeliveredOneByteAtATime() throws IOException {
    String atLimit = "y".repeat(100);
    FrameReader reader = new FrameReader(new TrickleInputStream(atLimit + "\n", 1), 100);

    assertThat(readAll(reader)).containsExactly(atLimit);
  }

  @Test
  void acceptsAFinalUnterminatedFrameExactlyAtTheLimit() throws IOException {
    String atLimit = "y".repeat(100);

    assertThat(readAll(reader(atLimit, 100))).containsExactly(atLimit);
  }

  @Test
  void refusesAFrameOneByteOverTheLimit() throws IOException {
    FrameReader reader = reader("ok\n" + "z".repeat(101) + "\n", 100);

    assertThat(reader.next()).asString(UTF_8).isEqualTo("ok");
    assertThatThrownBy(reader::next).isInstanceOf(FrameReader.FrameTooLargeException.class);
  }

  @Test
  void refusesAFrameOneByteOverTheLimitDeliveredOneByteAtATime() {
    FrameReader reader = new FrameReader(new TrickleInputStream("z".repeat(101) + "\n", 1), 100);

    assertThatThrownBy(reader::next).isInstanceOf(FrameReader.FrameTooLargeException.class);
  }

  @Test
  void refusesAnUnterminatedFrameOverTheLimitWithoutReadingItAll() {
    TrickleInputStream endless = new TrickleInputStream("w".repeat(1_000_000), 4096);
    FrameReader reader = new FrameReader(endless, 10_000);

    assertThatThrownBy(reader::next).isInstanceOf(FrameReader.FrameTooLargeException.class);
    assertThat(endless.reads).isLessThan(10);
  }

  @Test
  void tooLargeMessageNamesTheLimitInMebibytes() {
    FrameReader reader = reader("q".repeat(2 * 1024 * 1024 + 1) + "\n", 2 * 1024 * 1024);

    assertThatThrownBy(reader::next)
        .isInstanceOf(FrameReader.FrameTooLargeException.class)
        .isInstanceOf(IOException.class)
        .hasMessage("request larger than 2 MiB refused");
  }

  @Test
  void defaultLimitIsSixteenMebibytes() {
    assertThat(FrameReader.DEFAULT_MAX_FRAME).isEqualTo(16 * 1024 * 1024);
  }

  @Test
  void largeFramesShareTheBudgetAndGiveItBackOnTheNextFrame() throws IOException {
    FrameBudget budget = new FrameBudget(3 * 1024 * 1024);
    String large = "a".repeat(2 * 1024 * 1024);
    FrameReader first = new FrameReader(new ByteArrayInputStream((large + "\nsmall\n").getBytes(UTF_8)), 4 << 20, budget);
    FrameReader second = new FrameReader(new ByteArrayInputStream((large + "\n").getBytes(UTF_8)), 4 << 20, budget);

    assertThat(first.next()).hasSize(large.length());
    assertThat(budget.used()).isGreaterThanOrEqualTo(large.length());
    assertThatThrownBy(second::next)
        .isInstanceOf(FrameReader.FrameTooLargeException.class)
        .hasMessageContaining("other connections are sending large requests (at most 3 MiB at once)");
    assertThat(new String(first.next(), UTF_8)).isEqualTo("small");
    assertThat(budget.used()).isZero();
  }

  @Test
  void smallFramesNeverTouchTheBudget() throws IOException {
    FrameBudget budget = new FrameBudget(1);
    FrameReader reader = new FrameReader(new ByteArrayInputStream(("x".repeat(FrameBudget.SMALL_FRAME) + "\n").getBytes(UTF_8)), 1 << 20, budget);

    assertThat(reader.next()).hasSize(FrameBudget.SMALL_FRAME);
    assertThat(budget.used()).isZero();
  }

  @Test
  void releaseGivesBackAFrameThatWasNotFollowedByAnother() throws IOException {
    FrameBudget budget = new FrameBudget(8 << 20);
    FrameReader reader = new FrameReader(new ByteArrayInputStream(("y".repeat(200_000) + "\n").getBytes(UTF_8)), 1 << 20, budget);

    reader.next();
    reader.release();

    assertThat(budget.used()).isZero();
  }
}
