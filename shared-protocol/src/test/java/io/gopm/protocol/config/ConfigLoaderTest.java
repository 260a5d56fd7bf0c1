package io.gopm.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gopm.protocol.GopmHome;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

  private static final Map<String, String> ENV = Map.of("HOME", "/home/tester", "GOPM_HOME", "/opt/gopm");

  @TempDir Path tempDir;

  private GopmHome home;
  private Path systemConfig;
  private ConfigLoader loader;

  @BeforeEach
  void setUp() throws IOException {
    home = new GopmHome(tempDir.resolve("home"));
    Files.createDirectories(home.dir());
    systemConfig = tempDir.resolve("etc").resolve("gopm.config.json");
    loader = new ConfigLoader(new JsonCodec(ZoneOffset.UTC), systemConfig);
  }

  private GopmConfig load(String json) throws Exception {
    Files.writeString(home.configFile(), json);
    return loader.load(null, home, ENV);
  }

  private ConfigException failure(String json) throws IOException {
    Files.writeString(home.configFile(), json);
    return catchThrowableOfType(ConfigException.class, () -> loader.load(null, home, ENV));
  }

  private static void assertDefaultMcp(GopmConfig.McpConfig mcp, int port) {
    assertThat(mcp).isNotNull();
    assertThat(mcp.port()).isEqualTo(port);
    assertThat(mcp.uri()).isEqualTo("/mcp");
    assertThat(mcp.binds()).hasSize(1);
    GopmConfig.Bind bind = mcp.binds().get(0);
    assertThat(bind.label()).isEqualTo("loopback");
    assertThat(bind.hostPort()).isEqualTo("127.0.0.1:" + port);
    assertThat(bind.loopback()).isTrue();
  }

  private void assertDefaultLogs(GopmConfig config) {
    assertThat(config.logs().directory()).isEqualTo(home.dir().resolve("logs"));
    assertThat(config.logs().maxSize()).isEqualTo(1_048_576L);
    assertThat(config.logs().maxFiles()).isEqualTo(3);
  }

  // --- search order ---------------------------------------------------------------------------

  @Test
  void withoutAnyFileUsesTheDefaults() throws Exception {
    GopmConfig config = loader.load(null, home, ENV);

    assertThat(config.file()).isNull();
    assertThat(config.configFile()).isEmpty();
    assertThat(config.source()).isEmpty();
    assertDefaultLogs(config);
    assertDefaultMcp(config.mcp(), 18999);
    assertThat(config.telemetry()).isNull();
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void defaultsMatchTheLoaderWithoutFile() throws Exception {
    assertThat(ConfigLoader.defaults(home)).isEqualTo(loader.load(null, home, ENV));
  }

  @Test
  void anExplicitFileWinsOverTheHomeAndSystemFiles() throws Exception {
    Path explicit = tempDir.resolve("custom.json");
    Files.writeString(explicit, "{\"logs\":{\"max_files\":7}}");
    Files.writeString(home.configFile(), "{\"logs\":{\"max_files\":8}}");
    Files.createDirectories(systemConfig.getParent());
    Files.writeString(systemConfig, "{\"logs\":{\"max_files\":9}}");

    GopmConfig config = loader.load(explicit, home, ENV);

    assertThat(config.logs().maxFiles()).isEqualTo(7);
    assertThat(config.source()).isEqualTo("--config flag").isEqualTo(GopmConfig.SOURCE_FLAG);
    assertThat(config.file()).isEqualTo(explicit.toAbsolutePath());
  }

  @Test
  void theHomeFileWinsOverTheSystemFile() throws Exception {
    Files.writeString(home.configFile(), "{\"logs\":{\"max_files\":8}}");
    Files.createDirectories(systemConfig.getParent());
    Files.writeString(systemConfig, "{\"logs\":{\"max_files\":9}}");

    GopmConfig config = loader.load(null, home, ENV);

    assertThat(config.logs().maxFiles()).isEqualTo(8);
    assertThat(config.source()).isEqualTo("found").isEqualTo(GopmConfig.SOURCE_FOUND);
    assertThat(config.file()).isEqualTo(home.configFile());
  }

  @Test
  void theSystemFileIsUsedWhenTheHomeHasNone() throws Exception {
    Files.createDirectories(systemConfig.getParent());
    Files.writeString(systemConfig, "{\"logs\":{\"max_files\":9}}");

    GopmConfig config = loader.load(null, home, ENV);

    assertThat(config.logs().maxFiles()).isEqualTo(9);
    assertThat(config.source()).isEqualTo("found");
    assertThat(config.file()).isEqualTo(systemConfig);
  }

  @Test
  void aMissingExplicitFileIsAnErrorWithoutFallback() throws Exception {
    Path missing = tempDir.resolve("nope.json");
    Files.writeString(home.configFile(), "{}");

    ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader.load(missing, home, ENV));

    assertThat(error).hasMessage("config file not found: " + missing);
  }

  @Test
  void anUnreadableExplicitFileIsAnError() throws Exception {
    Path directory = Files.createDirectories(tempDir.resolve("a-directory.json"));

    ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader.load(directory, home, ENV));

    assertThat(error).hasMessageStartingWith("config file not readable: " + directory.toAbsolutePath() + " - ");
  }

  @Test
  void anUnreadableHomeFileIsAnErrorNotASkip() throws Exception {
    Files.createDirectories(home.configFile());
    Files.createDirectories(systemConfig.getParent());
    Files.writeString(systemConfig, "{}");

    ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader.load(null, home, ENV));

    assertThat(error).hasMessageStartingWith("config file not readable: " + home.configFile() + " - ");
  }

  // --- config.md §2.6, row by row ---------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "null", " null ", "{\"telemetry\":{}}", "{\"telemetry\":{\"telegraf\":null}}",
      "{\"telemetry\":null}", "{\"logs\":{}}"})
  void aFileWithNothingToChangeMeansTheDefaults(String json) throws Exception {
    GopmConfig config = load(json);

    assertThat(config.file()).isEqualTo(home.configFile());
    assertThat(config.source()).isEqualTo("found");
    assertDefaultLogs(config);
    assertDefaultMcp(config.mcp(), 18999);
    assertThat(config.telemetry()).isNull();
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void nullLogsAreDefaultsWithAWarning() throws Exception {
    GopmConfig config = load("{\"logs\":null}");

    assertDefaultLogs(config);
    assertThat(config.warnings()).containsExactly("logs: null treated as defaults (logging cannot be disabled)");
  }

  @Test
  void anUnparsableMaxSizeIsAnError() throws Exception {
    assertThat(failure("{\"logs\":{\"max_size\":\"banana\"}}"))
        .hasMessage("logs.max_size \"banana\" - expected format like \"1M\", \"500K\", \"10M\"");
  }

  @Test
  void aNegativeMaxFilesIsAnError() throws Exception {
    assertThat(failure("{\"logs\":{\"max_files\":-2}}")).hasMessage("logs.max_files must be >= 0 (got: -2)");
  }

  @Test
  void aPortOutOfRangeIsAnError() throws Exception {
    assertThat(failure("{\"mcpserver\":{\"port\":99999}}"))
        .hasMessage("mcpserver.port must be 1-65535 (got: 99999)");
  }

  @Test
  void aUriWithoutLeadingSlashIsAnError() throws Exception {
    assertThat(failure("{\"mcpserver\":{\"uri\":\"mcp\"}}"))
        .hasMessage("mcpserver.uri must start with \"/\" (got: \"mcp\")");
  }

  @Test
  void anUnknownDeviceIsSkippedWithAWarning() throws Exception {
    GopmConfig config = load("{\"mcpserver\":{\"device\":[\"eth99\"]}}");

    assertThat(config.warnings()).containsExactly("mcpserver.device \"eth99\" - interface not found (skipped)");
    assertDefaultMcp(config.mcp(), 18999);
  }

  @Test
  void anEmptyTelegrafObjectIsAnError() throws Exception {
    assertThat(failure("{\"telemetry\":{\"telegraf\":{}}}"))
        .hasMessage("telemetry.telegraf.udp is required when telegraf is enabled");
  }

  @Test
  void anEmptyUdpAddressIsAnError() throws Exception {
    assertThat(failure("{\"telemetry\":{\"telegraf\":{\"udp\":\"\"}}}"))
        .hasMessage("telemetry.telegraf.udp is required when telegraf is enabled");
  }

  @Test
  void aMalformedUdpAddressIsAnError() throws Exception {
    assertThat(failure("{\"telemetry\":{\"telegraf\":{\"udp\":\"not:valid:addr\"}}}"))
        .hasMessage("telemetry.telegraf.udp \"not:valid:addr\" - expected \"host:port\"");
  }

  @Test
  void aTrailingCommaIsReportedWithPathLineAndColumn() throws Exception {
    ConfigException error = failure("{\"logs\": {\"max_files\": 3},}");

    assertThat(error.getMessage()).startsWith(home.configFile() + ": invalid JSON at line 1, column 27: ");
  }

  @Test
  void aSyntaxErrorOnALaterLineIsReportedOnThatLine() throws Exception {
    ConfigException error = failure("{\n  \"logs\": {\n    \"max_files\": 3,\n  }\n}");

    assertThat(error.getMessage()).startsWith(home.configFile() + ": invalid JSON at line 4, column 3: ");
  }

  @Test
  void unknownTopLevelKeysAreIgnoredWithAWarning() throws Exception {
    GopmConfig config = load("{\"foobar\":1}");

    assertDefaultLogs(config);
    assertThat(config.warnings()).containsExactly("unknown key \"foobar\" (ignored)");
  }

  @Test
  void unknownKeysInsideSectionsAreIgnoredWithAWarningNamingThePath() throws Exception {
    GopmConfig config = load("{\"logs\":{\"colour\":true},\"mcpserver\":{\"host\":\"x\"},"
        + "\"telemetry\":{\"influx\":{},\"telegraf\":{\"udp\":\"127.0.0.1:8094\",\"tags\":{}}}}");

    assertThat(config.warnings()).containsExactlyInAnyOrder(
        "unknown key \"logs.colour\" (ignored)",
        "unknown key \"mcpserver.host\" (ignored)",
        "unknown key \"telemetry.influx\" (ignored)",
        "unknown key \"telemetry.telegraf.tags\" (ignored)");
    assertThat(config.telemetry()).isNotNull();
  }

  // --- sections and types ---------------------------------------------------------------------

  @Test
  void aTopLevelValueThatIsNotAnObjectIsAnError() throws Exception {
    assertThat(failure("[]"))
        .hasMessage(home.configFile() + ": invalid JSON - expected an object with logs, mcpserver and telemetry");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"logs\":[]}                        | logs: expected an object or null (got: array)",
      "{\"mcpserver\":true}                 | mcpserver: expected an object or null (got: boolean)",
      "{\"telemetry\":\"on\"}               | telemetry: expected an object or null (got: string)",
      "{\"telemetry\":{\"telegraf\":1}}     | telemetry.telegraf: expected an object or null (got: number)"})
  void aSectionOfTheWrongTypeIsAnErrorNamingTheSection(String json, String message) throws Exception {
    assertThat(failure(json)).hasMessage(message);
  }

  @Test
  void aNullMcpSectionDisablesTheServer() throws Exception {
    assertThat(load("{\"mcpserver\":null}").mcp()).isNull();
  }

  @Test
  void anEmptyMcpSectionKeepsTheServerOnItsDefaults() throws Exception {
    assertDefaultMcp(load("{\"mcpserver\":{}}").mcp(), 18999);
  }

  @Test
  void customPortAndUriAreUsed() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"port\":8080,\"uri\":\"/api/mcp\"}}").mcp();

    assertThat(mcp.port()).isEqualTo(8080);
    assertThat(mcp.uri()).isEqualTo("/api/mcp");
    assertThat(mcp.binds()).extracting(GopmConfig.Bind::hostPort).containsExactly("127.0.0.1:8080");
  }

  @Test
  void anEmptyUriMeansTheDefault() throws Exception {
    assertThat(load("{\"mcpserver\":{\"uri\":\"\"}}").mcp().uri()).isEqualTo("/mcp");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {1, 65535})
  void acceptsThePortRangeLimits(int port) throws Exception {
    assertThat(load("{\"mcpserver\":{\"port\":" + port + "}}").mcp().port()).isEqualTo(port);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"0 | 0", "-1 | -1", "65536 | 65536", "\"80\" | \"80\"", "1.5 | 1.5"})
  void refusesPortsOutsideTheRange(String port, String shown) throws Exception {
    assertThat(failure("{\"mcpserver\":{\"port\":" + port + "}}"))
        .hasMessage("mcpserver.port must be 1-65535 (got: " + shown + ")");
  }

  // --- logs -----------------------------------------------------------------------------------

  @Test
  void aTildeDirectoryExpandsToHomeFromTheEnvironmentNotGopmHome() throws Exception {
    GopmConfig config = load("{\"logs\":{\"directory\":\"~/.gopm/logs\"}}");

    assertThat(config.logs().directory()).isEqualTo(Path.of("/home/tester/.gopm/logs"));
  }

  @Test
  void anAbsoluteDirectoryIsUsedNormalised() throws Exception {
    GopmConfig config = load("{\"logs\":{\"directory\":\"/var/log/../log/gopm/\"}}");

    assertThat(config.logs().directory()).isEqualTo(Path.of("/var/log/gopm"));
  }

  @Test
  void anEmptyDirectoryMeansTheDefault() throws Exception {
    assertThat(load("{\"logs\":{\"directory\":\"\"}}").logs().directory()).isEqualTo(home.logsDir());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logs", "./logs", "~", "~user/logs"})
  void aRelativeDirectoryIsAnError(String directory) throws Exception {
    assertThat(failure("{\"logs\":{\"directory\":\"" + directory + "\"}}"))
        .hasMessage("logs.directory \"" + directory + "\" - must be an absolute path or start with ~/");
  }

  @Test
  void aDirectoryThatIsNotAStringIsAnError() throws Exception {
    assertThat(failure("{\"logs\":{\"directory\":5}}")).hasMessage("logs.directory must be a string (got: 5)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"\"500K\" | 512000", "\"10m\" | 10485760", "\"1G\" | 1073741824",
      "\"\" | 1048576", "2048 | 2048", "null | 1048576"})
  void maxSizeAcceptsSizeStringsAndByteCounts(String value, long bytes) throws Exception {
    assertThat(load("{\"logs\":{\"max_size\":" + value + "}}").logs().maxSize()).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"\"0\" | 0", "\"-1M\" | -1M", "0 | 0", "-5 | -5", "\"1.5M\" | 1.5M", "true | true"})
  void maxSizeMustBePositive(String value, String shown) throws Exception {
    assertThat(failure("{\"logs\":{\"max_size\":" + value + "}}"))
        .hasMessage("logs.max_size \"" + shown + "\" - expected format like \"1M\", \"500K\", \"10M\"");
  }

  @Test
  void zeroMaxFilesKeepsNoRotations() throws Exception {
    assertThat(load("{\"logs\":{\"max_files\":0}}").logs().maxFiles()).isZero();
  }

  @Test
  void maxFilesMustBeAWholeNumber() throws Exception {
    assertThat(failure("{\"logs\":{\"max_files\":\"3\"}}"))
        .hasMessage("logs.max_files must be a whole number (got: \"3\")");
  }

  // --- mcpserver.device -----------------------------------------------------------------------

  @Test
  void theLoopbackInterfaceResolvesToItsFirstIpv4Address() throws Exception {
    NetworkInterface lo = NetworkInterface.getByName("lo");
    assumeTrue(lo != null && Collections.list(lo.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet4Address),
        "needs an 'lo' interface with an IPv4 address");

    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"lo\"]}}").mcp();

    assertThat(mcp.binds()).hasSize(1);
    assertThat(mcp.binds().get(0).label()).isEqualTo("lo");
    assertThat(mcp.binds().get(0).hostPort()).isEqualTo("127.0.0.1:18999");
  }

  @Test
  void localhostResolvesToTheIpv4Loopback() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"localhost\"],\"port\":9000}}").mcp();

    assertThat(mcp.binds()).hasSize(1);
    assertThat(mcp.binds().get(0).label()).isEqualTo("localhost");
    assertThat(mcp.binds().get(0).hostPort()).isEqualTo("127.0.0.1:9000");
  }

  @Test
  void anIpv4LiteralIsUsedAsGiven() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"10.1.2.3\"]}}").mcp();

    assertThat(mcp.binds()).extracting(GopmConfig.Bind::hostPort).containsExactly("10.1.2.3:18999");
    assertThat(mcp.binds().get(0).loopback()).isFalse();
  }

  @Test
  void anIpv6LiteralBecomesABracketedIpv6Bind() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"::1\"]}}").mcp();

    assertThat(mcp.binds()).hasSize(1);
    GopmConfig.Bind bind = mcp.binds().get(0);
    assertThat(bind.label()).isEqualTo("::1");
    assertThat(bind.address().getAddress()).isInstanceOf(Inet6Address.class);
    assertThat(bind.address().getAddress()).isEqualTo(InetAddress.getByName("::1"));
    assertThat(bind.address().getPort()).isEqualTo(18999);
    assertThat(bind.loopback()).isTrue();
    assertThat(bind.hostPort()).startsWith("[").endsWith("]:18999");
  }

  @Test
  void anIpv6LoopbackBindPrintsAsTheShortForm() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"::1\"]}}").mcp();

    assertThat(mcp.binds().get(0).hostPort()).isEqualTo("[::1]:18999");
  }

  @Test
  void duplicateDevicesAreBoundOnce() throws Exception {
    GopmConfig.McpConfig mcp = load("{\"mcpserver\":{\"device\":[\"127.0.0.1\",\"localhost\",\"127.0.0.1\"]}}").mcp();

    assertThat(mcp.binds()).hasSize(1);
    assertThat(mcp.binds().get(0).label()).isEqualTo("127.0.0.1");
  }

  @Test
  void resolvedDevicesKeepTheirOrderAndSkippedOnesAreWarnedAbout() throws Exception {
    GopmConfig config = load("{\"mcpserver\":{\"device\":[\"10.9.9.9\",\"eth99\",\"127.0.0.1\"]}}");

    assertThat(config.mcp().binds()).extracting(GopmConfig.Bind::label).containsExactly("10.9.9.9", "127.0.0.1");
    assertThat(config.warnings()).containsExactly("mcpserver.device \"eth99\" - interface not found (skipped)");
  }

  @Test
  void anEmptyDeviceListBindsTheLoopback() throws Exception {
    assertDefaultMcp(load("{\"mcpserver\":{\"device\":[],\"port\":18000}}").mcp(), 18000);
  }

  @Test
  void aDeviceListThatIsNotAnArrayIsAnError() throws Exception {
    assertThat(failure("{\"mcpserver\":{\"device\":\"lo\"}}"))
        .hasMessage("mcpserver.device must be an array of IP addresses or interface names");
  }

  @Test
  void aDeviceThatIsNotAStringIsAnError() throws Exception {
    assertThat(failure("{\"mcpserver\":{\"device\":[5]}}"))
        .hasMessage("mcpserver.device entry must be a string (got: 5)");
  }

  // --- telemetry ------------------------------------------------------------------------------

  @Test
  void aTelegrafTargetEnablesTelemetryWithTheDefaultMeasurement() throws Exception {
    GopmConfig.TelemetryConfig telemetry = load("{\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:8094\"}}}").telemetry();

    assertThat(telemetry).isNotNull();
    assertThat(telemetry.targetText()).isEqualTo("127.0.0.1:8094");
    assertThat(telemetry.target().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(telemetry.target().getPort()).isEqualTo(8094);
    assertThat(telemetry.measurement()).isEqualTo("gopm");
  }

  @Test
  void aCustomMeasurementIsUsedAndAnEmptyOneMeansGopm() throws Exception {
    assertThat(load("{\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:8094\",\"measurement\":\"apps\"}}}")
        .telemetry().measurement()).isEqualTo("apps");
    assertThat(load("{\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:8094\",\"measurement\":\"\"}}}")
        .telemetry().measurement()).isEqualTo("gopm");
  }

  @Test
  void aBracketedIpv6TelegrafTargetIsAccepted() throws Exception {
    GopmConfig.TelemetryConfig telemetry = load("{\"telemetry\":{\"telegraf\":{\"udp\":\"[::1]:8094\"}}}").telemetry();

    assertThat(telemetry.targetText()).isEqualTo("[::1]:8094");
    assertThat(telemetry.target().getAddress()).isEqualTo(InetAddress.getByName("::1"));
    assertThat(telemetry.target().getPort()).isEqualTo(8094);
  }

  @Test
  void aTelegrafHostNameIsResolved() throws Exception {
    GopmConfig.TelemetryConfig telemetry = load("{\"telemetry\":{\"telegraf\":{\"udp\":\"localhost:8094\"}}}").telemetry();

    assertThat(telemetry.target().getAddress().isLoopbackAddress()).isTrue();
    assertThat(telemetry.target().getPort()).isEqualTo(8094);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.0.0.1:", ":8094", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:port",
      "::1:8094", "[::1]8094", "[]:8094"})
  void refusesUdpTargetsThatAreNotHostAndPort(String udp) throws Exception {
    assertThat(failure("{\"telemetry\":{\"telegraf\":{\"udp\":\"" + udp + "\"}}}"))
        .hasMessage("telemetry.telegraf.udp \"" + udp + "\" - expected \"host:port\"");
  }

  @Test
  void theSourceLabelsAreThoseShownByStatus() {
    assertThat(GopmConfig.SOURCE_FLAG).isEqualTo("--config flag");
    assertThat(GopmConfig.SOURCE_FOUND).isEqualTo("found");
  }

  @Test
  void warningsCannotBeChangedAfterLoading() throws Exception {
    GopmConfig config = load("{\"logs\":null}");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.warnings().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
