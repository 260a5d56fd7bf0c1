package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, log disk bound: a child floods stdout with numbered lines (for 10 s; a minute in the
 * long form). Sampled all along, its log files never take more than (1 + max_files) x max_size;
 * afterwards the kept files hold one unbroken run of numbered lines ending with the last one
 * written: rotation dropped only whole old files, never a line at a boundary. (LogRotationIT
 * covers the file names, the per-file limit and the configuration.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LogDiskBoundReliabilityIT {

  private static final long MAX_SIZE = 256 * 1024;
  private static final int MAX_FILES = 2;
  private static final String PAD = "x".repeat(100);
  private static final Pattern NUMBERED = Pattern.compile("\\S+ (\\d+) " + PAD);
  private static final Pattern END = Pattern.compile("\\S+ END (\\d+)");

  /**
   * Writes lines {@code N PAD} in batches of seq until {@code $1} seconds have passed, then
   * {@code END <last N>}, and sleeps.
   */
  private static final String FLOOD =
      "end=$(( $(date +%s) + $1 )); n=0; "
          + "while [ \"$(date +%s)\" -lt \"$end\" ]; do seq -f \"%.0f " + PAD + "\" $((n+1)) $((n+5000)); n=$((n+5000)); done; "
          + "echo \"END $n\"; exec sleep 100000";

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void aFloodingChildStaysWithinItsLogBoundAndRotationLosesNoLine() throws Exception {
    int seconds = ReliabilityBudget.current().pick(10, 60);
    Files.writeString(gopm.home.resolve("gopm.config.json"),
        "{\"logs\":{\"max_size\":\"256K\",\"max_files\":" + MAX_FILES + "}}");
    Path logs = gopm.home.resolve("logs");
    long bound = (1 + MAX_FILES) * MAX_SIZE;
    AtomicLong largest = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        largest.accumulateAndGet(totalSize(logs, "flood-out.log"), Math::max);
        samples.incrementAndGet();
        try {
          Thread.sleep(1); // a sample per millisecond or so, leaving the cores to the flood
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "log-size-sampler");

    sampler.start();
    try {
      gopm.ok("start", "/bin/sh", "--name", "flood", "--", "-c", FLOOD, "flood", Integer.toString(seconds));
      GopmEnvironment.await(Duration.ofSeconds(seconds + 120)).alias("the END line")
          .until(() -> Files.exists(logs.resolve("flood-out.log"))
              && END.matcher(Files.readString(logs.resolve("flood-out.log"))).find());
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    gopm.ok("stop", "flood");

    List<Long> numbers = new ArrayList<>();
    long last = -1;
    for (int i = MAX_FILES; i >= 0; i--) {
      Path file = logs.resolve(i == 0 ? "flood-out.log" : "flood-out.log." + i);
      assertThat(file).as("rotated file %d", i).exists();
      assertThat(Files.size(file)).as("size of %s", file).isLessThanOrEqualTo(MAX_SIZE);
      for (String line : Files.readAllLines(file)) {
        Matcher numbered = NUMBERED.matcher(line);
        Matcher end = END.matcher(line);
        if (numbered.matches()) {
          numbers.add(Long.parseLong(numbered.group(1)));
        } else if (end.matches()) {
          last = Long.parseLong(end.group(1));
        } else {
          assertThat(line).as("a line of %s that is neither numbered nor GoPM's", file).contains("[gopm]");
        }
      }
    }
    System.out.printf("[logs] %d lines in %d s; %d samples, largest total %d bytes of %d allowed; "
        + "kept lines %d..%d%n", last, seconds, samples.get(), largest.get(), bound,
        numbers.isEmpty() ? 0 : numbers.get(0), numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1));
    assertThat(largest.get()).as("the largest total size sampled").isPositive().isLessThanOrEqualTo(bound);
    assertThat(last).as("lines written").isGreaterThan(3 * MAX_SIZE / PAD.length());
    assertThat(numbers).as("the kept lines").isNotEmpty();
    long first = numbers.get(0);
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != first + i) {
        throw new AssertionError("line " + (first + i) + " is missing or out of place: found " + numbers.get(i)
            + " at position " + i + " of the kept lines");
      }
    }
    assertThat(first + numbers.size() - 1).as("the last kept line is the last written").isEqualTo(last);
  }

  /**
   * The bytes of the files named {@code prefix*} in {@code dir}, each counted once (by inode: a
   * file renamed during the reading is not counted twice).
   */
  private static long totalSize(Path dir, String prefix) {
    Set<Object> seen = new HashSet<>();
    long total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.getFileName().toString().startsWith(prefix)) {
          continue;
        }
        try {
          Map<String, Object> attributes = Files.readAttributes(file, "unix:ino,size");
          if (seen.add(attributes.get("ino"))) {
            total += (Long) attributes.get("size");
          }
        } catch (NoSuchFileException rotatedAway) {
          // renamed or deleted between the listing and the reading
        }
      }
    } catch (IOException e) {
      return 0; // the directory does not exist yet
    }
    return total;
  }
}
