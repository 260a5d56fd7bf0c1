package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.CliException;
import io.gopm.cli.Session;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.chart.StatsMetric;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StatsPoint;
import io.gopm.protocol.model.StatsRequest;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code gopm stats} in-process: options parsed by picocli, the daemon replaced by {@link
 * FakeDaemon}, output captured.
 */
@Timeout(30)
class StatsCommandTest {

  private static final long START = Instant.parse("2026-02-05T08:00:00Z").getEpochSecond();

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final FakeDaemon daemon = new FakeDaemon();

  /** Answers {@code list} and {@code stats} from fields, and remembers the stats requests. */
  private static final class FakeDaemon extends CallOnlyDaemon {
    List<ProcessInfo> processes = List.of();
    Map<String, List<StatsPoint>> stats = Map.of();
    RpcException statsError;
    final List<StatsRequest> statsRequests = new ArrayList<>();
    final List<String> methods = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public <P, R> R call(RpcMethod<P, R> method, P params) {
      methods.add(method.name());
      if (method == RpcMethods.LIST) {
        assertThat(params).isEqualTo(ListRequest.PLAIN);
        return (R) processes;
      }
      if (method == RpcMethods.STATS) {
        statsRequests.add((StatsRequest) params);
        if (statsError != null) {
          throw statsError;
        }
        return (R) stats;
      }
      throw new AssertionError("unexpected call " + method.name());
    }
  }

  private static ProcessInfo process(int id, String name) {
    return new ProcessInfo(
        id, name, "/bin/" + name, List.of(), "/srv", Map.of(), "", ProcessStatus.ONLINE, "", 100 + id,
        RestartPolicy.DEFAULTS, 0, Instant.ofEpochSecond(START), Instant.ofEpochSecond(START), 0, 4096, 1.0,
        List.of(), "", "", 1_048_576L);
  }

  private static List<StatsPoint> points(int count) {
    List<StatsPoint> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(new StatsPoint(START + i * 60L, i % 5, 20_000_000L + i * 1024, i / 20, i * 60L, "online"));
    }
    return points;
  }

  private Session session(boolean colours, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(Map.of("GOPM_HOME", home.toString(), "HOME", home.toString()));
    env.putAll(extraEnv);
    return new Session(
        env, new PrintWriter(out, true), new PrintWriter(err, true), new Ansi(colours), new Ansi(false), home);
  }

  /** Turns {@code --json} on the way the root command does after parsing. */
  private static void enableJson(Session session) throws ReflectiveOperationException {
    Method options = Session.class.getDeclaredMethod("options", Session.GlobalOptions.class);
    options.setAccessible(true);
    options.invoke(session, new Session.GlobalOptions(true, null, false));
  }

  private static StatsCommand parse(String... args) {
    StatsCommand command = new StatsCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private int show(Session session, String... args) {
    return parse(args).show(session, daemon, ZoneOffset.UTC);
  }

  // ---- options ----

  @Test
  void hasTheDocumentedDefaults() {
    StatsCommand command = parse();

    assertThat(command.target).isNull();
    assertThat(command.hours).isEqualTo(6);
    assertThat(command.cpu).isFalse();
    assertThat(command.mem).isFalse();
    assertThat(command.uptime).isFalse();
    assertThat(command.all).isFalse();
  }

  @Test
  void parsesEveryOption() {
    StatsCommand command = parse("api", "--hours", "2", "--cpu", "--mem", "--uptime", "--all");

    assertThat(command.target).isEqualTo("api");
    assertThat(command.hours).isEqualTo(2);
    assertThat(command.cpu && command.mem && command.uptime && command.all).isTrue();
  }

  @Test
  void acceptsAtMostOneTarget() {
    assertThat(parse().target).isNull();
    assertThat(parse("all").target).isEqualTo("all");
    assertThatThrownBy(() -> parse("api", "web")).isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void rejectsHoursThatAreNotANumber() {
    assertThatThrownBy(() -> parse("--hours", "many"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--hours")
        .hasMessageContaining("many");
  }

  @Test
  void showsItsUsage() {
    CommandLine commandLine = new CommandLine(new StatsCommand());
    String usage = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);

    assertThat(commandLine.getCommandName()).isEqualTo("stats");
    assertThat(usage)
        .contains("stats")
        .contains("[all|name|id]")
        .contains("--hours=N")
        .contains("--cpu")
        .contains("--mem")
        .contains("--uptime")
        .contains("--all");
    assertThat(StatsCommand.class.getAnnotation(CommandLine.Command.class).description())
        .containsExactly("Show historical metrics charts");
  }

  // ---- --hours ----

  @ParameterizedTest
  @ValueSource(ints = {1, 6, 17, 18})
  void acceptsHoursFromOneToEighteen(int hours) {
    StatsCommand.validateHours(hours);
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 19, 0, -1})
  void rejectsHoursOutsideOneToEighteenNamingTheFlag(int hours) {
    assertThatThrownBy(() -> StatsCommand.validateHours(hours))
        .isInstanceOf(CliException.class)
        .hasMessage("invalid --hours " + hours + ": must be between 1 and 18")
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(1));
  }

  @Test
  void rejectsBadHoursBeforeContactingTheDaemon() throws IOException {
    StatsCommand command = parse("--hours", "99");

    assertThatThrownBy(() -> command.run(session(false, Map.of())))
        .isInstanceOf(CliException.class)
        .hasMessage("invalid --hours 99: must be between 1 and 18");
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files).isEmpty(); // no socket, no daemon.log: no daemon was started
    }
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void sendsTheHoursAsked() {
    daemon.stats = Map.of("api", points(3));

    show(session(false, Map.of()), "api", "--hours", "2");

    assertThat(daemon.statsRequests).containsExactly(new StatsRequest("api", 2));
  }

  @Test
  void sendsSixHoursByDefault() {
    show(session(false, Map.of()), "api");

    assertThat(daemon.statsRequests).containsExactly(new StatsRequest("api", 6));
  }

  // ---- the target ----

  @Test
  void sendsAnExplicitTargetWithoutListing() {
    show(session(false, Map.of()), "3");

    assertThat(daemon.methods).containsExactly("stats");
    assertThat(daemon.statsRequests.get(0).target()).isEqualTo("3");
  }

  @Test
  void withoutATargetFailsWhenNothingIsManaged() {
    assertThatThrownBy(() -> show(session(false, Map.of())))
        .isInstanceOf(CliException.class)
        .hasMessage("no processes managed");
    assertThat(daemon.statsRequests).isEmpty();
  }

  @Test
  void withoutATargetShowsTheOnlyProcess() {
    daemon.processes = List.of(process(4, "api"));

    show(session(false, Map.of()));

    assertThat(daemon.methods).containsExactly("list", "stats");
    assertThat(daemon.statsRequests.get(0).target()).isEqualTo("api");
  }

  @Test
  void withoutATargetShowsAllOfSeveralProcesses() {
    daemon.processes = List.of(process(0, "api"), process(1, "web"));

    show(session(false, Map.of()));

    assertThat(daemon.statsRequests.get(0).target()).isEqualTo("all");
  }

  @Test
  void passesOnTheDaemonsErrorForAnUnknownTarget() {
    daemon.statsError = RpcException.notFound("x");

    assertThatThrownBy(() -> show(session(false, Map.of()), "x"))
        .isInstanceOf(RpcException.class)
        .hasMessage("process \"x\" not found");
    assertThat(out.toString()).isEmpty();
  }

  // ---- output ----

  @Test
  void saysSoWhenThereIsNoDataYet() {
    int status = show(session(true, Map.of()), "all");

    assertThat(status).isZero();
    assertThat(out.toString()).isEqualTo("No metrics data available yet (data is collected every 60s)" + System.lineSeparator());
  }

  @Test
  void treatsEmptyHistoriesAsNoData() {
    daemon.stats = Map.of("api", List.of());

    show(session(true, Map.of()), "all");

    assertThat(out.toString()).startsWith("No metrics data available yet");
  }

  @Test
  void printsTheRawResultAsJson() throws Exception {
    Map<String, List<StatsPoint>> stats = new TreeMap<>();
    stats.put("api", points(2));
    daemon.stats = stats;
    Session session = session(true, Map.of());
    enableJson(session);

    int status = show(session, "api");

    assertThat(status).isZero();
    assertThat(out.toString().lines()).hasSize(1);
    var json = new JsonCodec().readTree(out.toString());
    assertThat(json.get("api")).hasSize(2);
    assertThat(json.get("api").get(1).toString())
        .isEqualTo("{\"ts\":" + (START + 60) + ",\"cpu\":1.0,\"mem\":20001024,\"restarts\":0,\"uptime\":60,\"status\":\"online\"}");
  }

  @Test
  void printsAnEmptyObjectAsJsonWhenThereIsNoData() throws Exception {
    Session session = session(true, Map.of());
    enableJson(session);

    int status = show(session, "all");

    assertThat(status).isZero();
    assertThat(out.toString().trim()).isEqualTo("{}");
  }

  @Test
  void drawsEveryChartWithColoursOnAWideTerminal() {
    daemon.stats = new TreeMap<>(Map.of("api", points(30), "web", points(30)));

    int status = show(session(true, Map.of("COLUMNS", "100")), "all");

    String text = Ansi.strip(out.toString());
    assertThat(status).isZero();
    assertThat(text).contains("CPU Usage").contains("Memory (RSS)").contains("Uptime").contains("Restarts");
    assertThat(text).containsPattern("[\u2801-\u28FF]").contains("━━ api  ━━ web");
    assertThat(out.toString()).contains("\u001b[32m").contains("\u001b[36m");
  }

  @Test
  void drawsOnlyTheChartsChosen() {
    daemon.stats = Map.of("api", points(30));

    show(session(true, Map.of()), "api", "--cpu", "--uptime");

    assertThat(out.toString()).contains("CPU Usage").contains("Uptime").doesNotContain("Memory (RSS)").doesNotContain("Restarts");
  }

  @Test
  void choosesChartsFromTheFlags() {
    assertThat(parse().metrics()).containsExactly(StatsMetric.values());
    assertThat(parse("--all").metrics()).containsExactly(StatsMetric.values());
    assertThat(parse("--cpu", "--all").metrics()).containsExactly(StatsMetric.values());
    assertThat(parse("--cpu").metrics()).containsExactly(StatsMetric.CPU);
    assertThat(parse("--mem").metrics()).containsExactly(StatsMetric.MEMORY);
    assertThat(parse("--uptime", "--mem").metrics()).containsExactly(StatsMetric.MEMORY, StatsMetric.UPTIME);
    assertThat(parse("--cpu", "--mem", "--uptime").metrics()).doesNotContain(StatsMetric.RESTARTS);
  }

  @Test
  void fallsBackToTheTableWithoutColours() {
    daemon.stats = Map.of("api", points(30));

    int status = show(session(false, Map.of("COLUMNS", "120")), "api");

    assertThat(status).isZero();
    assertThat(out.toString())
        .startsWith("api: 30 samples, 08:00 to 08:29")
        .contains("  Metric    Min")
        .doesNotContainPattern("[\u2800-\u28FF]")
        .doesNotContain("\u001b");
  }

  @Test
  void fallsBackToTheTableOnANarrowTerminal() {
    daemon.stats = Map.of("api", points(30));

    show(session(true, Map.of("COLUMNS", "39")), "api", "--mem");

    assertThat(Ansi.strip(out.toString())).startsWith("api: 30 samples").contains("Memory").doesNotContain("CPU");
    assertThat(out.toString()).doesNotContainPattern("[\u2800-\u28FF]");
  }

  @Test
  void drawsChartsFromFortyColumns() {
    daemon.stats = Map.of("api", points(30));

    show(session(true, Map.of("COLUMNS", "40")), "api", "--cpu");

    assertThat(out.toString()).contains("CPU Usage").containsPattern("[\u2801-\u28FF]");
    assertThat(Ansi.strip(out.toString()).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
  }

  @Test
  void readsTheTerminalWidthFromColumns() {
    assertThat(StatsCommand.terminalColumns(Map.of())).isEqualTo(80);
    assertThat(StatsCommand.terminalColumns(Map.of("COLUMNS", "132"))).isEqualTo(132);
    assertThat(StatsCommand.terminalColumns(Map.of("COLUMNS", " 50 "))).isEqualTo(50);
    assertThat(StatsCommand.terminalColumns(Map.of("COLUMNS", "wide"))).isEqualTo(80);
    assertThat(StatsCommand.terminalColumns(Map.of("COLUMNS", "0"))).isEqualTo(80);
    assertThat(StatsCommand.terminalColumns(Map.of("COLUMNS", ""))).isEqualTo(80);
  }
}
