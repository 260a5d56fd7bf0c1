package io.gopm.cli.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link FileFollower#follow} on a background thread. The follower asks its stop condition
 * once per poll, so the test counts those questions to know that a poll has happened, instead of
 * sleeping.
 */
@Timeout(30)
class FileFollowerTest {

  private static final long WAIT_SECONDS = 5;

  @TempDir Path dir;

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> polls = new LinkedBlockingQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private Thread thread;

  private Path file;

  private void follow(String initialContent) throws IOException {
    file = Files.writeString(dir.resolve("app-out.log"), initialContent);
    FileFollower follower = new FileFollower(file);
    thread =
        new Thread(
            () -> {
              try {
                follower.follow(
                    lines::add,
                    () -> {
                      polls.add(Boolean.TRUE);
                      return stop.get();
                    });
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "gopm-test-file-follower");
    thread.setDaemon(true);
    thread.start();
  }

  @AfterEach
  void stopFollowing() throws InterruptedException {
    if (thread != null) {
      stop.set(true);
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(thread.isAlive()).as("follower thread still running").isFalse();
    }
    assertThat(failure.get()).as("failure of the follower").isNull();
  }

  private void append(String text) throws IOException {
    Files.writeString(file, text, UTF_8, StandardOpenOption.APPEND);
  }

  private void appendBytes(byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  /** The next line handed out, failing when none comes in time. */
  private String nextLine() throws InterruptedException {
    String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(line).as("a line within %ss", WAIT_SECONDS).isNotNull();
    return line;
  }

  /** Returns once the follower has completed at least one whole poll that started after this call. */
  private void awaitFullPoll() throws InterruptedException {
    polls.clear();
    for (int i = 0; i < 2; i++) {
      assertThat(polls.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("a poll within %ss", WAIT_SECONDS).isNotNull();
    }
  }

  @Test
  void deliversLinesAppendedAfterItStartedButNotTheOldContent() throws Exception {
    follow("old line\n");

    append("new line\n");

    assertThat(nextLine()).isEqualTo("new line");
    awaitFullPoll();
    assertThat(lines).isEmpty();
  }

  @Test
  void deliversEveryLineOfOneWriteInOrder() throws Exception {
    follow("");

    append("first\nsecond\n\nfourth\n");

    assertThat(nextLine()).isEqualTo("first");
    assertThat(nextLine()).isEqualTo("second");
    assertThat(nextLine()).isEmpty();
    assertThat(nextLine()).isEqualTo("fourth");
  }

  @Test
  void holdsAPartialLineUntilItsNewlineArrives() throws Exception {
    follow("");

    append("par");
    awaitFullPoll();
    assertThat(lines).as("nothing before the newline").isEmpty();

    append("tial\nnext");
    assertThat(nextLine()).isEqualTo("partial");
    awaitFullPoll();
    assertThat(lines).isEmpty();

    append("\n");
    assertThat(nextLine()).isEqualTo("next");
  }

  @Test
  void joinsAMultiByteCharacterSplitAcrossWrites() throws Exception {
    follow("");
    byte[] text = "café ✓\n".getBytes(UTF_8);
    int split = "caf".length() + 1; // in the middle of the two bytes of "é"

    appendBytes(java.util.Arrays.copyOfRange(text, 0, split));
    awaitFullPoll();
    appendBytes(java.util.Arrays.copyOfRange(text, split, text.length));

    assertThat(nextLine()).isEqualTo("café ✓");
  }

  @Test
  void startsOverFromTheBeginningWhenTheFileIsTruncated() throws Exception {
    follow("some earlier output\n");
    append("before flush\n");
    assertThat(nextLine()).isEqualTo("before flush");

    Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    awaitFullPoll();
    append("after\n");

    assertThat(nextLine()).isEqualTo("after");
  }

  @Test
  void readsWhatWasWrittenRightAfterATruncation() throws Exception {
    follow("some earlier output that is long\n");

    Files.writeString(file, "short\n", UTF_8, StandardOpenOption.TRUNCATE_EXISTING);

    assertThat(nextLine()).isEqualTo("short");
  }

  @Test
  void dropsAPartialLineWhenTheFileIsTruncated() throws Exception {
    follow("");
    append("half a li");
    awaitFullPoll();

    Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    awaitFullPoll();
    append("whole\n");

    assertThat(nextLine()).isEqualTo("whole");
  }

  @Test
  void followsAFileReplacedByRename() throws Exception {
    follow("old\n");
    Path replacement = Files.writeString(dir.resolve("app-out.log.tmp"), "fresh content, longer than the old\n");

    Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertThat(nextLine()).isEqualTo("fresh content, longer than the old");
    append("more\n");
    assertThat(nextLine()).isEqualTo("more");
  }

  @Test
  void waitsForANewFileAfterARotationRename() throws Exception {
    follow("");
    append("before rotation\n");
    assertThat(nextLine()).isEqualTo("before rotation");

    Files.move(file, dir.resolve("app-out.log.1"));
    awaitFullPoll();
    assertThat(lines).isEmpty();
    Files.writeString(file, "after rotation\n");

    assertThat(nextLine()).isEqualTo("after rotation");
    assertThat(failure.get()).isNull();
  }

  @Test
  void returnsWhenAskedToStop() throws Exception {
    follow("");
    awaitFullPoll();

    stop.set(true);
    thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

    assertThat(thread.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
  }
}
