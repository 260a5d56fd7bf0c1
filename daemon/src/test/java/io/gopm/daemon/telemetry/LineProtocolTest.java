package io.gopm.daemon.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LineProtocolTest {

  /** 1738800000000000000 ns, the timestamp of the README example. */
  static final Instant NOW = Instant.ofEpochSecond(1_738_800_000L);

  private final LineProtocol format = new LineProtocol("gopm", "nyc1", NOW.minus(Duration.ofDays(1)));

  static ProcessInfo process(int id, String name, ProcessStatus status, int pid, double cpu, long memory, int restarts, Instant startedAt) {
    return new ProcessInfo(
        id, name, "/usr/bin/" + name, List.of(), "/srv", Map.of(), "", status, "", pid, RestartPolicy.DEFAULTS,
        restarts, startedAt, NOW.minus(Duration.ofDays(2)), 0, memory, cpu, List.of(), "", "", 1_048_576L);
  }

  static ProcessInfo online(int id, String name) {
    return process(id, name, ProcessStatus.ONLINE, 4000 + id, 0.5, 1_000_000, 0, NOW.minusSeconds(60));
  }

  @Test
  void formatsTheReadmeExampleExactly() {
    List<ProcessInfo> processes = List.of(
        process(0, "api", ProcessStatus.ONLINE, 4521, 1.2, 25_296_896, 0, NOW.minusSeconds(3600)),
        process(1, "worker", ProcessStatus.ONLINE, 4523, 12.1, 134_742_016, 3, NOW.minusSeconds(2700)),
        process(2, "cron", ProcessStatus.STOPPED, 0, 0, 0, 0, NOW.minusSeconds(7200)));

    assertThat(format.lines(processes, NOW)).containsExactly(
        "gopm,name=api,id=0,status=online pid=4521i,cpu=1.200000,memory=25296896i,restarts=0i,uptime=3600i 1738800000000000000",
        "gopm,name=worker,id=1,status=online pid=4523i,cpu=12.100000,memory=134742016i,restarts=3i,uptime=2700i 1738800000000000000",
        "gopm,name=cron,id=2,status=stopped restarts=0i 1738800000000000000",
        "gopm_daemon,host=nyc1 processes_total=3i,processes_online=2i,processes_stopped=1i,processes_errored=0i,daemon_uptime=86400i 1738800000000000000");
  }

  @Test
  void anErroredProcessSendsOnlyItsRestarts() {
    ProcessInfo crashed = process(7, "flaky", ProcessStatus.ERRORED, 0, 0, 0, 15, NOW.minusSeconds(5));

    assertThat(format.lines(List.of(crashed), NOW)).containsExactly(
        "gopm,name=flaky,id=7,status=errored restarts=15i 1738800000000000000",
        "gopm_daemon,host=nyc1 processes_total=1i,processes_online=0i,processes_stopped=0i,processes_errored=1i,daemon_uptime=86400i 1738800000000000000");
  }

  @Test
  void withoutProcessesOnlyTheDaemonLineIsSent() {
    LineProtocol justStarted = new LineProtocol("apps", "h", NOW);

    assertThat(justStarted.lines(List.of(), NOW.plusNanos(1_500_000_123L))).containsExactly(
        "apps_daemon,host=h processes_total=0i,processes_online=0i,processes_stopped=0i,processes_errored=0i,daemon_uptime=1i 1738800001500000123");
  }

  @Test
  void processLinesComeInIdOrderWithTheDaemonLineLast() {
    List<String> lines = format.lines(List.of(online(5, "e"), online(0, "a"), online(3, "c")), NOW);

    assertThat(lines).extracting(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly("gopm,name=a,id=0,status=online", "gopm,name=c,id=3,status=online", "gopm,name=e,id=5,status=online",
            "gopm_daemon,host=nyc1");
  }

  @Test
  void zeroValuesAndAnUnknownStartAreWrittenAsZero() {
    ProcessInfo fresh = process(0, "zero", ProcessStatus.ONLINE, 0, 0, 0, 0, Timestamps.NEVER);

    assertThat(format.lines(List.of(fresh), NOW).get(0))
        .isEqualTo("gopm,name=zero,id=0,status=online pid=0i,cpu=0.000000,memory=0i,restarts=0i,uptime=0i 1738800000000000000");
  }

  @Test
  void veryLargeValuesAreWrittenInFull() {
    ProcessInfo big = process(Integer.MAX_VALUE, "big", ProcessStatus.ONLINE, Integer.MAX_VALUE, 12_345.678_9,
        Long.MAX_VALUE, Integer.MAX_VALUE, Instant.EPOCH);

    assertThat(format.lines(List.of(big), NOW).get(0)).isEqualTo(
        "gopm,name=big,id=2147483647,status=online pid=2147483647i,cpu=12345.678900,memory=9223372036854775807i,"
            + "restarts=2147483647i,uptime=1738800000i 1738800000000000000");
  }

  @Test
  void cpuHasExactlySixDecimalsWhateverTheValue() {
    assertThat(LineProtocol.decimal(0)).isEqualTo("0.000000");
    assertThat(LineProtocol.decimal(-0.0)).isEqualTo("0.000000");
    assertThat(LineProtocol.decimal(1.2)).isEqualTo("1.200000");
    assertThat(LineProtocol.decimal(99.99999999)).isEqualTo("100.000000");
    assertThat(LineProtocol.decimal(0.0000004)).isEqualTo("0.000000");
    assertThat(LineProtocol.decimal(3200.5)).isEqualTo("3200.500000");
    assertThat(LineProtocol.decimal(Double.NaN)).isEqualTo("0.000000");
    assertThat(LineProtocol.decimal(Double.POSITIVE_INFINITY)).isEqualTo("0.000000");
  }

  @Test
  void cpuIsPrintedAsPercentSixFDoes() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 100_000; i++) {
      double value = switch (i % 4) {
        case 0 -> Math.round(random.nextDouble() * 8_000) / 10.0; // what the sampler produces
        case 1 -> random.nextDouble() * 100;
        case 2 -> random.nextDouble() / 1_000;
        default -> random.nextDouble() * 1e9;
      };
      assertThat(LineProtocol.decimal(value)).as("%s", value).isEqualTo(String.format(java.util.Locale.ROOT, "%.6f", value));
    }
  }

  @Test
  void aStartInTheFutureGivesZeroUptime() {
    assertThat(LineProtocol.secondsSince(NOW.plusSeconds(5), NOW)).isZero();
    assertThat(LineProtocol.secondsSince(NOW.minusMillis(2_999), NOW)).isEqualTo(2);
  }

  @Test
  void timestampsAreNanosecondsSinceTheEpoch() {
    assertThat(LineProtocol.nanos(Instant.EPOCH)).isZero();
    assertThat(LineProtocol.nanos(Instant.ofEpochSecond(1_796_002_273L, 21_280_716))).isEqualTo(1_796_002_273_021_280_716L);
  }

  // ---- escaping ----

  @Test
  void tagValuesEscapeSpacesCommasAndEqualsSigns() {
    ProcessInfo odd = process(0, "sp ace,x=1", ProcessStatus.ONLINE, 24231, 0, 1_970_176, 0, NOW.minusSeconds(1));

    assertThat(format.lines(List.of(odd), NOW).get(0)).isEqualTo(
        "gopm,name=sp\\ ace\\,x\\=1,id=0,status=online pid=24231i,cpu=0.000000,memory=1970176i,restarts=0i,uptime=1i 1738800000000000000");
    assertThat(LineProtocol.escapeTag("my app")).isEqualTo("my\\ app");
    assertThat(LineProtocol.escapeTag("a,b=c")).isEqualTo("a\\,b\\=c");
  }

  @Test
  void quotesNeedNoEscapingInTags() {
    assertThat(LineProtocol.escapeTag("say \"hi\"")).isEqualTo("say\\ \"hi\"");
    assertThat(LineProtocol.escapeTag("it's")).isEqualTo("it's");
  }

  @Test
  void aBackslashIsKeptWhereEveryParserReadsItAsItself() {
    assertThat(LineProtocol.escapeTag("C:\\apps\\api")).isEqualTo("C:\\apps\\api");
    assertThat(LineProtocol.escapeTag("a\\\\b")).isEqualTo("a\\\\b");
  }

  @Test
  void aBackslashAtTheEndOrBeforeAnEscapedCharacterIsLeftOut() {
    assertThat(LineProtocol.escapeTag("end\\")).isEqualTo("end");
    assertThat(LineProtocol.escapeTag("end\\\\\\")).isEqualTo("end");
    assertThat(LineProtocol.escapeTag("a\\ b")).isEqualTo("a\\ b");
    assertThat(LineProtocol.escapeTag("a\\,b\\=c")).isEqualTo("a\\,b\\=c");
    assertThat(LineProtocol.escapeTag("\\")).isEmpty();
    assertThat(LineProtocol.escapeMeasurement("m\\ x\\")).isEqualTo("m\\ x");
    assertThat(LineProtocol.escapeMeasurement("m\\=x")).isEqualTo("m\\=x");
  }

  @Test
  void lineBreaksAndTabsBecomeVisibleEscapesAndOtherControlCharactersAreLeftOut() {
    assertThat(LineProtocol.escapeTag("two\nlines\r\tand\fmore")).isEqualTo("two\\nlines\\r\\tand\\fmore");
    assertThat(LineProtocol.escapeTag("bell\u0007\u0000end")).isEqualTo("bellend");
    assertThat(LineProtocol.escapeTag("x\\\u0007")).isEqualTo("x");
  }

  @Test
  void measurementsEscapeSpacesAndCommasButNotEqualsSigns() {
    assertThat(LineProtocol.escapeMeasurement("my metrics,v=2")).isEqualTo("my\\ metrics\\,v=2");
    assertThat(LineProtocol.escapeMeasurement("#gopm")).isEqualTo("\\#gopm");
    assertThat(LineProtocol.escapeMeasurement("a#b")).isEqualTo("a#b");
  }

  @Test
  void escapedMeasurementAndHostAreUsedInEveryLine() {
    LineProtocol odd = new LineProtocol("my gopm,x", "box 1,rack=2", NOW);
    List<String> lines = odd.lines(List.of(online(0, "api")), NOW);

    assertThat(lines.get(0)).startsWith("my\\ gopm\\,x,name=api,id=0,status=online pid=");
    assertThat(lines.get(1)).startsWith("my\\ gopm\\,x_daemon,host=box\\ 1\\,rack\\=2 processes_total=1i,");
  }

  @Test
  void anEmptyMeasurementOrHostFallsBackToTheDefaults() {
    LineProtocol blank = new LineProtocol("\\", "", NOW);

    assertThat(blank.lines(List.of(), NOW).get(0)).startsWith("gopm_daemon,host=unknown ");
  }

  @Test
  void everyLineHasExactlyThreeUnescapedSpaceSeparatedParts() {
    LineProtocol odd = new LineProtocol("m m", "h h", NOW);
    List<ProcessInfo> processes = List.of(
        online(0, "a b"), process(1, "c,d", ProcessStatus.STOPPED, 0, 0, 0, 1, NOW), online(2, "e=f"));

    for (String line : odd.lines(processes, NOW)) {
      assertThat(line.split("(?<!\\\\) ")).as(line).hasSize(3);
      assertThat(line).doesNotContain("\n");
    }
  }
}
