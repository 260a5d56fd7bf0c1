package io.gopm.protocol.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.format.Sizes;
import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, reads and validates {@code gopm.config.json}. Search order: the {@code --config} file
 * (which must exist), {@code <home>/gopm.config.json}, {@code /etc/gopm.config.json}, else the
 * defaults. Files are never merged. Every error names the key and the value.
 */
public final class ConfigLoader {

  /** The MCP port when none is configured. */
  public static final int DEFAULT_MCP_PORT = 18999;

  /** The MCP endpoint path when none is configured. */
  public static final String DEFAULT_MCP_URI = "/mcp";

  /** Rotated log files kept when none is configured. */
  public static final int DEFAULT_MAX_FILES = 3;

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("logs", "mcpserver", "telemetry");
  private static final Set<String> LOGS_KEYS = Set.of("directory", "max_size", "max_files");
  private static final Set<String> MCP_KEYS = Set.of("device", "port", "uri");
  private static final Set<String> TELEMETRY_KEYS = Set.of("telegraf");
  private static final Set<String> TELEGRAF_KEYS = Set.of("udp", "measurement");

  private final JsonCodec codec;
  private final Path systemConfig;

  /** A loader that looks in {@code /etc/gopm.config.json} last. */
  public ConfigLoader(JsonCodec codec) {
    this(codec, Path.of("/etc/gopm.config.json"));
  }

  /** A loader with another system-wide file (for tests). */
  public ConfigLoader(JsonCodec codec, Path systemConfig) {
    this.codec = codec;
    this.systemConfig = systemConfig;
  }

  /**
   * Loads the configuration for {@code home}.
   *
   * @param explicit the {@code --config} path, or null
   * @param env the environment ({@code HOME} expands {@code ~/})
   */
  public GopmConfig load(Path explicit, GopmHome home, Map<String, String> env) throws ConfigException {
    Path file;
    String source;
    if (explicit != null) {
      if (!Files.exists(explicit)) {
        throw new ConfigException("config file not found: " + explicit);
      }
      file = explicit.toAbsolutePath();
      source = GopmConfig.SOURCE_FLAG;
    } else if (Files.exists(home.configFile())) {
      file = home.configFile();
      source = GopmConfig.SOURCE_FOUND;
    } else if (Files.exists(systemConfig)) {
      file = systemConfig;
      source = GopmConfig.SOURCE_FOUND;
    } else {
      return defaults(home);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("config file not readable: " + file + " - " + ioReason(e));
    }
    return resolve(file, source, bytes, home, env);
  }

  /** The configuration without any file. */
  public static GopmConfig defaults(GopmHome home) {
    return new GopmConfig(
        null,
        "",
        new GopmConfig.LogsConfig(home.logsDir(), Sizes.DEFAULT_MAX_LOG_SIZE, DEFAULT_MAX_FILES),
        new GopmConfig.McpConfig(List.of(loopbackBind(DEFAULT_MCP_PORT)), DEFAULT_MCP_PORT, DEFAULT_MCP_URI),
        null,
        List.of());
  }

  GopmConfig resolve(Path file, String source, byte[] bytes, GopmHome home, Map<String, String> env)
      throws ConfigException {
    JsonNode root;
    try {
      root = codec.readTree(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": invalid JSON at " + JsonCodec.describe(e));
    }
    List<String> warnings = new ArrayList<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      GopmConfig defaults = defaults(home);
      return new GopmConfig(file, source, defaults.logs(), defaults.mcp(), null, warnings);
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": invalid JSON - expected an object with logs, mcpserver and telemetry");
    }
    warnUnknown(root, TOP_LEVEL_KEYS, "", warnings);
    List<String> problems = new ArrayList<>();
    GopmConfig.LogsConfig logs = logs(root, home, env, warnings, problems);
    GopmConfig.McpConfig mcp = attempt(problems, () -> mcp(root, warnings, problems), null);
    GopmConfig.TelemetryConfig telemetry = attempt(problems, () -> telemetry(root, warnings), null);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new GopmConfig(file, source, logs, mcp, telemetry, warnings);
  }

  /** A step that yields a value or fails with a problem. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws ConfigException;
  }

  /** Runs {@code step}; on failure records its problem(s) and yields {@code fallback}. */
  private static <T> T attempt(List<String> problems, Step<T> step, T fallback) {
    try {
      return step.run();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return fallback;
    }
  }

  private static GopmConfig.LogsConfig logs(
      JsonNode root, GopmHome home, Map<String, String> env, List<String> warnings, List<String> problems) {
    Path defaultDirectory = home.logsDir();
    if (!root.has("logs")) {
      return new GopmConfig.LogsConfig(defaultDirectory, Sizes.DEFAULT_MAX_LOG_SIZE, DEFAULT_MAX_FILES);
    }
    JsonNode logs = root.get("logs");
    if (logs.isNull()) {
      warnings.add("logs: null treated as defaults (logging cannot be disabled)");
      return new GopmConfig.LogsConfig(defaultDirectory, Sizes.DEFAULT_MAX_LOG_SIZE, DEFAULT_MAX_FILES);
    }
    if (attempt(problems, () -> requireObject(logs, "logs"), null) == null) {
      return new GopmConfig.LogsConfig(defaultDirectory, Sizes.DEFAULT_MAX_LOG_SIZE, DEFAULT_MAX_FILES);
    }
    warnUnknown(logs, LOGS_KEYS, "logs.", warnings);
    Path directory = attempt(problems, () -> logDirectory(logs.get("directory"), env), null);
    long maxSize = attempt(problems, () -> maxSize(logs.get("max_size")), Sizes.DEFAULT_MAX_LOG_SIZE);
    int maxFiles = attempt(problems, () -> maxFiles(logs.get("max_files")), DEFAULT_MAX_FILES);
    return new GopmConfig.LogsConfig(
        (directory == null ? defaultDirectory : directory).normalize(), maxSize, maxFiles);
  }

  private static Path logDirectory(JsonNode dir, Map<String, String> env) throws ConfigException {
    if (dir == null || dir.isNull()) {
      return null;
    }
    String text = requireString(dir, "logs.directory");
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("~/")) {
      return GopmHome.userHome(env).resolve(text.substring(2));
    }
    if (text.startsWith("/")) {
      return Path.of(text);
    }
    throw new ConfigException("logs.directory \"" + text + "\" - must be an absolute path or start with ~/");
  }

  private static long maxSize(JsonNode size) throws ConfigException {
    if (size == null || size.isNull()) {
      return Sizes.DEFAULT_MAX_LOG_SIZE;
    }
    if (size.isIntegralNumber() && size.asLong() > 0) {
      return size.asLong();
    }
    String text = size.isTextual() ? size.asText() : size.toString();
    if (text.isEmpty()) {
      return Sizes.DEFAULT_MAX_LOG_SIZE;
    }
    try {
      return Sizes.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("logs.max_size \"" + text + "\" - expected format like \"1M\", \"500K\", \"10M\"");
    }
  }

  private static int maxFiles(JsonNode files) throws ConfigException {
    if (files == null || files.isNull()) {
      return DEFAULT_MAX_FILES;
    }
    if (!files.isIntegralNumber() || !files.canConvertToInt()) {
      throw new ConfigException("logs.max_files must be a whole number (got: " + files + ")");
    }
    if (files.asInt() < 0) {
      throw new ConfigException("logs.max_files must be >= 0 (got: " + files.asInt() + ")");
    }
    return files.asInt();
  }

  private static GopmConfig.McpConfig mcp(JsonNode root, List<String> warnings, List<String> problems)
      throws ConfigException {
    if (!root.has("mcpserver")) {
      return new GopmConfig.McpConfig(List.of(loopbackBind(DEFAULT_MCP_PORT)), DEFAULT_MCP_PORT, DEFAULT_MCP_URI);
    }
    JsonNode mcp = root.get("mcpserver");
    if (mcp.isNull()) {
      return null;
    }
    requireObject(mcp, "mcpserver");
    warnUnknown(mcp, MCP_KEYS, "mcpserver.", warnings);
    int port = attempt(problems, () -> mcpPort(mcp.get("port")), DEFAULT_MCP_PORT);
    String uri = attempt(problems, () -> mcpUri(mcp.get("uri")), DEFAULT_MCP_URI);
    List<GopmConfig.Bind> binds = new ArrayList<>();
    JsonNode devices = mcp.get("device");
    if (devices != null && !devices.isNull()) {
      if (!devices.isArray()) {
        throw new ConfigException("mcpserver.device must be an array of IP addresses or interface names");
      }
      Set<InetSocketAddress> seen = new LinkedHashSet<>();
      for (JsonNode device : devices) {
        String text = requireString(device, "mcpserver.device entry");
        InetAddress address = resolveDevice(text);
        if (address == null) {
          warnings.add("mcpserver.device \"" + text + "\" - interface not found (skipped)");
          continue;
        }
        InetSocketAddress socket = new InetSocketAddress(address, port);
        if (seen.add(socket)) {
          binds.add(new GopmConfig.Bind(socket, text));
        }
      }
    }
    if (binds.isEmpty()) {
      binds.add(loopbackBind(port));
    }
    return new GopmConfig.McpConfig(binds, port, uri);
  }

  private static int mcpPort(JsonNode portNode) throws ConfigException {
    if (portNode == null || portNode.isNull()) {
      return DEFAULT_MCP_PORT;
    }
    if (!portNode.isIntegralNumber() || !portNode.canConvertToInt()) {
      throw new ConfigException("mcpserver.port must be 1-65535 (got: " + portNode + ")");
    }
    int port = portNode.asInt();
    if (port < 1 || port > 65535) {
      throw new ConfigException("mcpserver.port must be 1-65535 (got: " + port + ")");
    }
    return port;
  }

  private static String mcpUri(JsonNode uriNode) throws ConfigException {
    if (uriNode == null || uriNode.isNull()) {
      return DEFAULT_MCP_URI;
    }
    String text = requireString(uriNode, "mcpserver.uri");
    if (text.isEmpty()) {
      return DEFAULT_MCP_URI;
    }
    if (!text.startsWith("/")) {
      throw new ConfigException("mcpserver.uri must start with \"/\" (got: \"" + text + "\")");
    }
    return text;
  }

  private static GopmConfig.TelemetryConfig telemetry(JsonNode root, List<String> warnings)
      throws ConfigException {
    JsonNode telemetry = root.get("telemetry");
    if (telemetry == null || telemetry.isNull()) {
      return null;
    }
    requireObject(telemetry, "telemetry");
    warnUnknown(telemetry, TELEMETRY_KEYS, "telemetry.", warnings);
    JsonNode telegraf = telemetry.get("telegraf");
    if (telegraf == null || telegraf.isNull()) {
      return null;
    }
    requireObject(telegraf, "telemetry.telegraf");
    warnUnknown(telegraf, TELEGRAF_KEYS, "telemetry.telegraf.", warnings);
    JsonNode udpNode = telegraf.get("udp");
    String udp = udpNode == null || udpNode.isNull() ? "" : requireString(udpNode, "telemetry.telegraf.udp");
    if (udp.isEmpty()) {
      throw new ConfigException("telemetry.telegraf.udp is required when telegraf is enabled");
    }
    InetSocketAddress target = parseHostPort(udp);
    if (target == null) {
      throw new ConfigException("telemetry.telegraf.udp \"" + udp + "\" - expected \"host:port\"");
    }
    String measurement = "gopm";
    JsonNode measurementNode = telegraf.get("measurement");
    if (measurementNode != null && !measurementNode.isNull()) {
      String text = requireString(measurementNode, "telemetry.telegraf.measurement");
      if (!text.isEmpty()) {
        measurement = text;
      }
    }
    return new GopmConfig.TelemetryConfig(target, udp, measurement);
  }

  /** {@code host:port} or {@code [v6]:port}, host names resolved now; null when malformed. */
  static InetSocketAddress parseHostPort(String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf("]:");
      if (close < 0) {
        return null;
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.indexOf(':');
      if (colon <= 0 || colon != text.lastIndexOf(':')) {
        return null;
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    int portNumber;
    try {
      portNumber = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      return null;
    }
    if (portNumber < 1 || portNumber > 65535 || host.isEmpty()) {
      return null;
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), portNumber);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An IP literal, {@code localhost}, or the first IPv4 address of an interface; else null. */
  static InetAddress resolveDevice(String device) {
    if (device.equals("localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    if (isIpLiteral(device)) {
      try {
        return InetAddress.getByName(device);
      } catch (UnknownHostException e) {
        return null;
      }
    }
    try {
      NetworkInterface nic = NetworkInterface.getByName(device);
      if (nic == null) {
        return null;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address;
        }
      }
    } catch (SocketException e) {
      return null;
    }
    return null;
  }

  private static boolean isIpLiteral(String text) {
    if (text.indexOf(':') >= 0) {
      return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static GopmConfig.Bind loopbackBind(int port) {
    return new GopmConfig.Bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "loopback");
  }

  private static JsonNode requireObject(JsonNode node, String key) throws ConfigException {
    if (!node.isObject()) {
      throw new ConfigException(key + ": expected an object or null (got: " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return node;
  }

  private static String requireString(JsonNode node, String key) throws ConfigException {
    if (!node.isTextual()) {
      throw new ConfigException(key + " must be a string (got: " + node + ")");
    }
    return node.asText();
  }

  private static void warnUnknown(JsonNode object, Set<String> known, String prefix, List<String> warnings) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        warnings.add("unknown key \"" + prefix + name + "\" (ignored)");
      }
    }
  }

  private static String ioReason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage();
  }
}
