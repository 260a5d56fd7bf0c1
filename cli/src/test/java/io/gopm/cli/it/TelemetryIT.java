package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Telegraf telemetry checked by a real InfluxDB 1.x: the daemon sends its line protocol over UDP to
 * the UDP listener of an {@code influxd} the test starts, and the test asks InfluxDB's HTTP API
 * what it stored. Needs {@code influxd} on {@code PATH} (Debian package {@code influxdb}); without
 * it the tests are skipped, or fail when {@code CI=true}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@EnabledIf(value = "influxdFoundOrOnCi", disabledReason = TelemetryIT.NO_INFLUXD + " - Telegraf telemetry tests skipped")
class TelemetryIT {

  static final String NO_INFLUXD =
      "influxd (InfluxDB 1.x) is not on PATH: install the Debian package influxdb (apt-get install -y influxdb)";

  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  private Influx influx;

  /** Whether to run: with {@code influxd}, or under CI (where its absence must fail the tests). */
  static boolean influxdFoundOrOnCi() {
    return onCi() || findInfluxd().isPresent();
  }

  @BeforeEach
  void startInfluxd() throws Exception {
    Optional<Path> influxd = findInfluxd();
    if (influxd.isEmpty()) {
      fail(NO_INFLUXD + "; CI=true, so the Telegraf telemetry tests cannot be skipped");
    }
    influx = Influx.start(influxd.get());
  }

  @AfterEach
  void stopInfluxd() throws Exception {
    if (influx != null) {
      influx.close();
    }
  }

  private void enableTelemetry() throws IOException {
    enableTelemetry("gopm");
  }

  private void enableTelemetry(String measurement) throws IOException {
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:"
        + influx.udpPort + "\",\"measurement\":" + gopm.codec.write(measurement) + "}}}");
  }

  @Test
  void processAndDaemonLinesArriveInInfluxDbWithTheirTagsAndFieldTypes() throws Exception {
    enableTelemetry();
    ProcessInfo web = gopm.startApp("web", List.of(), "--run-forever");
    gopm.startApp("batch", List.of(), "--run-forever");
    gopm.ok("stop", "batch");
    gopm.startApp("crashy", List.of("--autorestart", "on-failure", "--max-restarts", "1", "--restart-delay", "100ms"),
        "--crash-after", "100ms", "--exit-code", "1");
    gopm.awaitProcess("crashy", WAIT, p -> p.status() == ProcessStatus.ERRORED);
    assertThat(gopm.daemonLog()).contains("msg=\"telegraf telemetry started\" addr=127.0.0.1:" + influx.udpPort);
    assertThat(gopm.ok("status")).contains("  Telegraf:     enabled").contains("  UDP:          127.0.0.1:" + influx.udpPort)
        .contains("  Measurement:  gopm");
    String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();

    GopmEnvironment.await(WAIT).alias("the gopm series in InfluxDB").untilAsserted(
        () -> assertThat(influx.values("SHOW SERIES", 0)).contains(
            "gopm,id=0,name=web,status=online",
            "gopm,id=1,name=batch,status=stopped",
            "gopm,id=2,name=crashy,status=errored",
            "gopm_daemon,host=" + host));

    assertThat(fieldTypes("gopm")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "pid", "integer", "cpu", "float", "memory", "integer", "restarts", "integer", "uptime", "integer"));
    assertThat(fieldTypes("gopm_daemon")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "processes_total", "integer", "processes_online", "integer", "processes_stopped", "integer",
        "processes_errored", "integer", "daemon_uptime", "integer"));

    List<Object> webPoint = influx.rows("SELECT last(\"pid\") AS pid, last(\"memory\") AS memory, last(\"cpu\") AS cpu"
        + " FROM \"gopm\" WHERE \"name\" = 'web'").get(0);
    assertThat(((Number) webPoint.get(1)).intValue()).isEqualTo(web.pid());
    assertThat(((Number) webPoint.get(2)).longValue()).as("memory in bytes").isGreaterThan(1_000_000);
    assertThat(((Number) webPoint.get(3)).doubleValue()).isGreaterThanOrEqualTo(0);
    List<Object> stopped = influx.rows("SELECT * FROM \"gopm\" WHERE \"name\" = 'batch' AND \"status\" = 'stopped' LIMIT 1").get(0);
    List<String> stoppedColumns = influx.columns("SELECT * FROM \"gopm\" WHERE \"name\" = 'batch' AND \"status\" = 'stopped' LIMIT 1");
    assertThat(stopped.get(stoppedColumns.indexOf("restarts"))).isEqualTo(0);
    assertThat(stopped.get(stoppedColumns.indexOf("pid"))).as("a stopped process sends only its restarts").isNull();
    assertThat(influx.rows("SELECT last(\"restarts\") FROM \"gopm\" WHERE \"name\" = 'crashy'").get(0).get(1)).isEqualTo(1);

    GopmEnvironment.await(WAIT).alias("the daemon counts").untilAsserted(() -> {
      List<Object> daemon = influx.rows("SELECT last(\"processes_total\"), last(\"processes_online\"),"
          + " last(\"processes_stopped\"), last(\"processes_errored\"), last(\"daemon_uptime\") FROM \"gopm_daemon\"").get(0);
      assertThat(daemon.subList(1, 5)).containsExactly(3, 1, 1, 1);
      assertThat(((Number) daemon.get(5)).longValue()).isGreaterThanOrEqualTo(0);
    });
  }

  @Test
  void threeHundredProcessesAllArriveFromEveryEmissionSplitIntoSeveralDatagrams() throws Exception {
    enableTelemetry();
    int count = 300;
    String apps = IntStream.rangeClosed(1, count)
        .mapToObj(i -> String.format("{\"name\":\"s%03d\",\"command\":\"/bin/sleep\",\"args\":[\"3600\"]}", i))
        .collect(Collectors.joining(",\n", "{\"apps\":[\n", "\n]}\n"));
    Path file = gopm.workDir.resolve("sleepers.json");
    Files.writeString(file, apps);

    gopm.ok("start", file.toString());

    assertThat(gopm.list()).hasSize(count).allMatch(ProcessInfo::online);
    // the latest emission that saw all of them: every one of its 300 process lines must be there
    GopmEnvironment.await(WAIT).alias("one emission with all 300 processes in InfluxDB").untilAsserted(() -> {
      List<List<Object>> last = influx.rows("SELECT \"processes_online\" FROM \"gopm_daemon\""
          + " WHERE \"processes_online\" = " + count + " ORDER BY time DESC LIMIT 1");
      assertThat(last).isNotEmpty();
      long time = ((Number) last.get(0).get(0)).longValue();
      List<List<Object>> points = influx.rows("SELECT \"pid\", \"name\" FROM \"gopm\" WHERE time = " + time);
      assertThat(points).hasSize(count);
      TreeSet<String> names = points.stream().map(row -> (String) row.get(2)).collect(Collectors.toCollection(TreeSet::new));
      assertThat(names).hasSize(count).contains("s001", "s300");
    });
    assertThat(influx.values("SHOW TAG VALUES FROM \"gopm\" WITH KEY = \"name\"", 1)).hasSize(count).contains("s001", "s150", "s300");
    assertThat(gopm.daemonLog()).doesNotContain("datagrams dropped").doesNotContain("longer than a datagram");
  }

  @Test
  void aMeasurementWithSpacesCommasAndEqualsSignsIsStoredAsConfigured() throws Exception {
    enableTelemetry("my apps,v=2");
    gopm.startApp("api", List.of(), "--run-forever");

    GopmEnvironment.await(WAIT).alias("both measurements in InfluxDB").untilAsserted(
        () -> assertThat(influx.values("SHOW MEASUREMENTS", 0)).containsExactlyInAnyOrder("my apps,v=2", "my apps,v=2_daemon"));
    assertThat(influx.values("SHOW TAG VALUES FROM \"my apps,v=2\" WITH KEY = \"name\"", 1)).containsExactly("api");
    assertThat(gopm.ok("status")).contains("  Measurement:  my apps,v=2");
  }

  @Test
  void aTelegrafThatIsNotThereCostsOnlyDroppedDatagramsAndOneWarning() throws Exception {
    int nobody = Influx.freeUdpPort();
    Files.writeString(gopm.home.resolve("gopm.config.json"),
        "{\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:" + nobody + "\"}}}");
    gopm.startApp("api", List.of(), "--run-forever");

    gopm.awaitFileContains(gopm.home.resolve("daemon.log"), "telegraf telemetry: datagrams dropped", WAIT);
    gopm.startApp("worker", List.of(), "--run-forever");
    gopm.awaitProcess("worker", WAIT, ProcessInfo::online);

    assertThat(gopm.list()).extracting(ProcessInfo::name).containsExactly("api", "worker");
    assertThat(gopm.daemonLog()).contains("msg=\"telegraf telemetry started\" addr=127.0.0.1:" + nobody + " measurement=gopm")
        .containsOnlyOnce("datagrams dropped").contains("PortUnreachableException");
  }

  private Map<String, String> fieldTypes(String measurement) throws Exception {
    Map<String, String> types = new HashMap<>();
    for (List<Object> row : influx.rows("SHOW FIELD KEYS FROM \"" + measurement + "\"")) {
      types.put((String) row.get(0), (String) row.get(1));
    }
    return types;
  }

  private static Optional<Path> findInfluxd() {
    return Optional.ofNullable(System.getenv("PATH")).stream()
        .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "influxd"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** A private {@code influxd}: data in a temporary directory, HTTP and UDP on free loopback ports. */
  static final class Influx implements AutoCloseable {
    final int httpPort;
    final int udpPort;
    private final Path dir;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    private Influx(Path dir, int httpPort, int udpPort, Process process) {
      this.dir = dir;
      this.httpPort = httpPort;
      this.udpPort = udpPort;
      this.process = process;
    }

    static Influx start(Path influxd) throws Exception {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "gopm-influx-");
      int httpPort = freeTcpPort();
      int rpcPort = freeTcpPort();
      int udpPort = freeUdpPort();
      Path config = dir.resolve("influxdb.conf");
      Files.writeString(config, String.join("\n",
          "reporting-disabled = true",
          "bind-address = \"127.0.0.1:" + rpcPort + "\"",
          "[meta]",
          "  dir = \"" + dir.resolve("meta") + "\"",
          "  logging-enabled = false",
          "[data]",
          "  dir = \"" + dir.resolve("data") + "\"",
          "  wal-dir = \"" + dir.resolve("wal") + "\"",
          "  query-log-enabled = false",
          "[monitor]",
          "  store-enabled = false",
          "[continuous_queries]",
          "  enabled = false",
          "[http]",
          "  enabled = true",
          "  bind-address = \"127.0.0.1:" + httpPort + "\"",
          "  auth-enabled = false",
          "  log-enabled = false",
          "[[udp]]",
          "  enabled = true",
          "  bind-address = \"127.0.0.1:" + udpPort + "\"",
          "  database = \"gopm\"",
          "  batch-size = 1000",
          "  batch-timeout = \"50ms\"",
          ""));
      ProcessBuilder builder = new ProcessBuilder(influxd.toString(), "-config", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("influxd.log").toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("INFLUXDB_"));
      Influx influx = new Influx(dir, httpPort, udpPort, builder.start());
      try {
        GopmEnvironment.await(Duration.ofSeconds(30)).alias("influxd to answer /ping").until(influx::pings);
        influx.query("CREATE DATABASE gopm", true);
      } catch (Throwable e) {
        String log = GopmEnvironment.read(dir.resolve("influxd.log"));
        influx.close();
        throw new AssertionError("influxd did not start; its output:\n" + log, e);
      }
      return influx;
    }

    private boolean pings() throws Exception {
      if (!process.isAlive()) {
        throw new AssertionError("influxd exited with status " + process.exitValue());
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ping"))
          .timeout(Duration.ofSeconds(2)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    }

    /** Runs an InfluxQL statement (POST for changes); the first result, errors thrown. */
    JsonNode query(String statement, boolean post) throws Exception {
      String query = "db=gopm&epoch=ns&q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8);
      URI uri = URI.create("http://127.0.0.1:" + httpPort + "/query" + (post ? "" : "?" + query));
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
      if (post) {
        request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(query));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s -> %s", statement, response.body()).isEqualTo(200);
      JsonNode result = json.readTree(response.body()).path("results").path(0);
      assertThat(result.has("error")).as("%s -> %s", statement, response.body()).isFalse();
      return result;
    }

    /** The rows of every series a query returns (values as Jackson reads them; time first). */
    List<List<Object>> rows(String statement) throws Exception {
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode series : query(statement, false).path("series")) {
        for (JsonNode row : series.path("values")) {
          List<Object> values = new ArrayList<>();
          row.forEach(value -> values.add(value.isNull() ? null : json.convertValue(value, Object.class)));
          rows.add(values);
        }
      }
      return rows;
    }

    /** The column names of the first series a query returns. */
    List<String> columns(String statement) throws Exception {
      List<String> columns = new ArrayList<>();
      query(statement, false).path("series").path(0).path("columns").forEach(column -> columns.add(column.asText()));
      return columns;
    }

    /** One column of every row, as text. */
    List<String> values(String statement, int column) throws Exception {
      return rows(statement).stream().map(row -> String.valueOf(row.get(column))).toList();
    }

    @Override
    public void close() throws IOException {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      GopmEnvironment.deleteTree(dir);
    }

    private static int freeTcpPort() throws IOException {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket.getLocalPort();
      }
    }

    static int freeUdpPort() throws IOException {
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        return socket.getLocalPort();
      }
    }
  }
}
