package io.gopm.daemon.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.EcosystemExport;
import io.gopm.protocol.config.EcosystemFile;
import io.gopm.protocol.config.ImportKey;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.LogsRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.procfs.GopmInfo;
import io.gopm.protocol.procfs.ProcessInspector;
import io.gopm.protocol.procfs.ProcessReport;
import io.gopm.protocol.procfs.Sections;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethod;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 14 GoPM tools of the MCP server, each a thin adapter over a protocol method. */
final class GopmTools {

  /** The most log lines {@code gopm_logs} returns, whatever is asked. */
  static final int MAX_LOG_LINES = 1000;

  /** The most characters of log text returned (clients cap tool output at ~25k tokens). */
  static final int MAX_LOG_CHARS = 60_000;

  private final DaemonCalls daemon;
  private final JsonCodec codec;
  private final ProcessInspector inspector;

  GopmTools(DaemonCalls daemon, JsonCodec codec, ProcessInspector inspector) {
    this.daemon = daemon;
    this.codec = codec;
    this.inspector = inspector;
  }

  /** Every tool, in {@code tools/list} order. */
  Map<String, McpTool> all() {
    Map<String, McpTool> tools = new LinkedHashMap<>();
    for (McpTool tool : List.of(
        tool("gopm_ping", "Ping the GoPM daemon", "Check if GoPM daemon is alive. Returns PID, uptime, version, process counts. Use first to verify daemon is running.",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}", true, false, this::ping),
        tool("gopm_list", "List processes", "List all managed processes with their status, PID, CPU, memory, and uptime",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}", true, false,
            args -> pretty(daemon.call(RpcMethods.LIST, ListRequest.PLAIN))),
        tool("gopm_start", "Start a process", "Start a new managed process. Send an absolute command path and cwd.", START_SCHEMA, false, false, this::start),
        targetTool("gopm_stop", "Stop a process", "Stop a running process by name, ID, or 'all'", TARGET_OR_ALL, false, true, RpcMethods.STOP),
        targetTool("gopm_restart", "Restart a process", "Restart a process by name, ID, or 'all'", TARGET_OR_ALL, false, true, RpcMethods.RESTART),
        targetTool("gopm_delete", "Delete a process", "Delete a process (stops first if running)", TARGET_OR_ALL, false, true, RpcMethods.DELETE),
        targetTool("gopm_describe", "Describe a process", "Show detailed information about a specific process", TARGET_ONE, true, false, RpcMethods.DESCRIBE),
        tool("gopm_isrunning", "Is a process running?", "Check if a process is running", schema(TARGET_ONE, true), true, false, this::isRunning),
        tool("gopm_logs", "Read process logs", "Retrieve log output for a process (at most " + MAX_LOG_LINES + " lines)", LOGS_SCHEMA, true, false, this::logs),
        targetTool("gopm_flush", "Clear process logs", "Clear log files for a process", TARGET_OR_ALL, false, true, RpcMethods.FLUSH),
        tool("gopm_resurrect", "Restore saved processes", "Restore previously saved processes",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}", false, false,
            args -> pretty(daemon.call(RpcMethods.RESURRECT, null))),
        tool("gopm_pid", "Inspect a PID", "Deep inspection of any Linux process by PID. Shows identity, resources, process tree, open files, network sockets, environment, cgroups, and GoPM metadata if managed.",
            PID_SCHEMA, true, false, this::pid),
        tool("gopm_export", "Export processes", "Export processes as an ecosystem JSON config. Use to backup, migrate, or inspect process configurations.",
            EXPORT_SCHEMA, true, false, this::export),
        tool("gopm_import", "Import processes", "Import processes from an ecosystem JSON config. Starts each app, skipping duplicates (matched by command + cwd).",
            IMPORT_SCHEMA, false, false, this::importApps))) {
      tools.put(tool.name(), tool);
    }
    return tools;
  }

  private McpTool tool(String name, String title, String description, String schema, boolean readOnly, boolean destructive,
      McpTool.Handler handler) {
    try {
      return new McpTool(name, title, description, (ObjectNode) codec.readTree(schema), readOnly, destructive, handler);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad schema of " + name, e);
    }
  }

  private <R> McpTool targetTool(String name, String title, String description, String targetDescription,
      boolean readOnly, boolean destructive, RpcMethod<TargetRequest, R> method) {
    return tool(name, title, description, schema(targetDescription, true), readOnly, destructive,
        args -> pretty(daemon.call(method, new TargetRequest(target(args)))));
  }

  private McpTool.ToolResult ping(JsonNode args) {
    PingResult ping = daemon.call(RpcMethods.PING, null);
    List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
    Map<ProcessStatus, Integer> counts = new HashMap<>();
    processes.forEach(p -> counts.merge(p.status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    for (ProcessStatus status : ProcessStatus.values()) {
      if (counts.getOrDefault(status, 0) > 0) {
        parts.add(counts.get(status) + " " + status.wireName());
      }
    }
    return McpTool.ToolResult.ok("GoPM daemon running (PID: " + ping.pid() + ", uptime: " + ping.uptime() + ", version: "
        + ping.version() + ", processes: " + (parts.isEmpty() ? "no processes" : String.join(", ", parts)) + ")");
  }

  private McpTool.ToolResult start(JsonNode args) throws IOException {
    StartRequest request;
    try {
      request = codec.convert(args, StartRequest.class);
    } catch (JsonProcessingException e) {
      return McpTool.ToolResult.failure("invalid start params: " + JsonCodec.describe(e));
    }
    return pretty(daemon.call(RpcMethods.START, request));
  }

  private McpTool.ToolResult isRunning(JsonNode args) {
    IsRunningResult result = daemon.call(RpcMethods.IS_RUNNING, new TargetRequest(target(args)));
    return McpTool.ToolResult.ok(codec.writePretty(result));
  }

  private McpTool.ToolResult logs(JsonNode args) {
    int lines = Math.min(args.path("lines").asInt(LogsRequest.DEFAULT_LINES), MAX_LOG_LINES);
    LogsResult result =
        daemon.call(RpcMethods.LOGS, new LogsRequest(target(args), lines, args.path("err").asBoolean(false), false));
    String content = result.content();
    if (content.length() > MAX_LOG_CHARS) {
      String kept = content.substring(content.length() - MAX_LOG_CHARS);
      kept = kept.substring(kept.indexOf('\n') + 1);
      content = "(earlier lines left out: the log text is limited to " + MAX_LOG_CHARS + " characters; ask for fewer lines)\n" + kept;
    }
    return McpTool.ToolResult.ok(content.isEmpty() ? "(no log lines yet)" : content);
  }

  private McpTool.ToolResult pid(JsonNode args) {
    long pid = args.path("pid").asLong(0);
    if (pid <= 0) {
      return McpTool.ToolResult.failure("pid is required and must be positive");
    }
    if (!inspector.available()) {
      return McpTool.ToolResult.failure("gopm_pid is only available on Linux (requires /proc)");
    }
    List<String> wanted = new ArrayList<>();
    args.path("sections").forEach(section -> wanted.add(section.asText()));
    Sections sections =
        wanted.isEmpty()
            ? Sections.FULL
            : Sections.of(wanted.contains("tree"), wanted.contains("fds"), wanted.contains("env"), wanted.contains("sockets"));
    GopmInfo info = GopmInfo.NOT_MANAGED;
    for (ProcessInfo process : daemon.call(RpcMethods.LIST, ListRequest.PLAIN)) {
      if (process.online() && process.pid() == pid) {
        info = GopmInfo.managed(process.name(), process.id(), process.restarts(),
            process.restartPolicy().autorestart().wireName(), process.logOut(), process.logErr());
      }
    }
    Optional<ProcessReport> report = inspector.inspect(pid, sections, info);
    return report.map(r -> McpTool.ToolResult.ok(codec.writePretty(r)))
        .orElse(McpTool.ToolResult.failure("PID " + pid + " — no such process"));
  }

  private McpTool.ToolResult export(JsonNode args) {
    String target = args.path("target").asText("");
    List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
    if (processes.isEmpty()) {
      return McpTool.ToolResult.failure("no processes defined");
    }
    List<ProcessInfo> selected =
        target.isEmpty() || target.equals("all")
            ? processes
            : processes.stream().filter(p -> p.name().equals(target) || Integer.toString(p.id()).equals(target)).toList();
    if (selected.isEmpty()) {
      return McpTool.ToolResult.failure("process \"" + target + "\" not found");
    }
    PingResult ping = daemon.call(RpcMethods.PING, null);
    EcosystemExport export = new EcosystemExport(Path.of(ping.logsDir()), ping.logMaxSize());
    return McpTool.ToolResult.ok(codec.writePretty(export.document(selected, args.path("full").asBoolean(false))));
  }

  private McpTool.ToolResult importApps(JsonNode args) {
    JsonNode apps = args.path("apps");
    if (!apps.isArray() || apps.isEmpty()) {
      return McpTool.ToolResult.failure("apps array is required and must not be empty");
    }
    Map<ImportKey, ProcessInfo> existing = new HashMap<>();
    for (ProcessInfo process : daemon.call(RpcMethods.LIST, ListRequest.PLAIN)) {
      existing.put(ImportKey.of(process.cwd(), process.command()), process);
    }
    List<String> lines = new ArrayList<>();
    int ok = 0;
    int skipped = 0;
    for (JsonNode app : apps) {
      String name = app.path("name").asText("");
      StartRequest request;
      try {
        ObjectNode document = codec.newObject();
        document.putArray("apps").add(app);
        request = EcosystemFile.parse(codec.write(document), codec).get(0);
      } catch (ConfigException e) {
        lines.add("FAIL " + (name.isEmpty() ? "(unnamed)" : name) + ": " + e.getMessage());
        continue;
      }
      String cwd = request.cwd() == null ? "" : request.cwd();
      ProcessInfo twin = cwd.isEmpty() ? null : existing.get(ImportKey.of(cwd, request.command()));
      if (twin != null) {
        skipped++;
        lines.add("SKIP " + name + " (matches existing \"" + twin.name() + "\")");
        continue;
      }
      try {
        ProcessInfo started = daemon.call(RpcMethods.START, request);
        existing.put(ImportKey.of(started.cwd(), started.command()), started);
        ok++;
        lines.add("OK " + started.name() + " (PID: " + started.pid() + ")");
      } catch (RpcException e) {
        lines.add("FAIL " + name + ": " + e.getMessage());
      }
    }
    lines.add("");
    lines.add("Imported " + ok + "/" + apps.size() + " processes" + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
    return McpTool.ToolResult.ok(String.join("\n", lines));
  }

  private McpTool.ToolResult pretty(Object value) {
    return McpTool.ToolResult.ok(codec.writePretty(value));
  }

  private static String target(JsonNode args) {
    JsonNode target = args.path("target");
    if (target.isIntegralNumber()) {
      return target.asText();
    }
    if (!target.isTextual() || target.asText().isEmpty()) {
      throw RpcException.invalidParams("target is required (a name, an ID, or 'all')");
    }
    return target.asText();
  }

  private static final String TARGET_OR_ALL = "Process name, ID, or 'all'";
  private static final String TARGET_ONE = "Process name or ID";

  private static String schema(String targetDescription, boolean required) {
    return "{\"type\":\"object\",\"properties\":{\"target\":{\"type\":\"string\",\"description\":\"" + targetDescription
        + "\"}}" + (required ? ",\"required\":[\"target\"]" : "") + "}";
  }

  private static final String START_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "command":{"type":"string","description":"Absolute path to the script or binary to run (or a name on the daemon's PATH)"},
         "name":{"type":"string","description":"Process name (defaults to binary name)"},
         "args":{"type":"array","items":{"type":"string"},"description":"Arguments to pass"},
         "cwd":{"type":"string","description":"Working directory (absolute)"},
         "interpreter":{"type":"string","description":"Interpreter (e.g. node, python3)"},
         "env":{"type":"object","additionalProperties":{"type":"string"},"description":"Environment variables"},
         "autorestart":{"type":"string","enum":["always","on-failure","never"],"description":"Restart policy"},
         "max_restarts":{"type":"integer","minimum":0,"description":"Maximum consecutive restarts, 0 = unlimited"},
         "min_uptime":{"type":"string","description":"Run time that resets the restart counter (e.g. 5s)"},
         "restart_delay":{"type":"string","description":"Delay between restarts (e.g. 1s)"},
         "exp_backoff":{"type":"boolean","description":"Double the delay after each consecutive restart"},
         "max_delay":{"type":"string","description":"Backoff cap (e.g. 30s)"},
         "kill_timeout":{"type":"string","description":"Time between SIGTERM and SIGKILL (e.g. 5s)"},
         "log_out":{"type":"string","description":"Custom stdout log path"},
         "log_err":{"type":"string","description":"Custom stderr log path"},
         "max_log_size":{"type":"string","description":"Log rotation size (e.g. 1M)"}},
       "required":["command"]}
      """;

  private static final String LOGS_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "target":{"type":"string","description":"Process name, ID, or 'all'"},
         "lines":{"type":"integer","minimum":1,"description":"Number of log lines (default 20, at most 1000)"},
         "err":{"type":"boolean","description":"If true, return stderr (with GoPM's own action lines) instead of stdout"}},
       "required":["target"]}
      """;

  private static final String PID_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "pid":{"type":"integer","minimum":1,"description":"Process ID to inspect"},
         "sections":{"type":"array",
                     "items":{"type":"string","enum":["identity","resources","tree","fds","sockets","env","cgroup","gopm"]},
                     "description":"Optional: only return these sections (default: all)"}},
       "required":["pid"]}
      """;

  private static final String EXPORT_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "target":{"type":"string","description":"Process name, ID, or 'all' (default: all)"},
         "full":{"type":"boolean","description":"Include all configurable settings even if they match defaults"}}}
      """;

  private static final String IMPORT_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "apps":{"type":"array",
                 "items":{"type":"object",
                          "properties":{
                            "name":{"type":"string","description":"Process name"},
                            "command":{"type":"string","description":"Path to the script or binary"},
                            "args":{"type":"array","items":{"type":"string"},"description":"Arguments"},
                            "cwd":{"type":"string","description":"Working directory"},
                            "interpreter":{"type":"string","description":"Interpreter (e.g. node, python3)"},
                            "env":{"type":"object","additionalProperties":{"type":"string"},"description":"Environment variables"},
                            "autorestart":{"type":"string","enum":["always","on-failure","never"]},
                            "max_restarts":{"type":"integer"},
                            "restart_delay":{"type":"string"}},
                          "required":["name","command"]},
                 "description":"Array of app configs to import"}},
       "required":["apps"]}
      """;
}
