package io.gopm.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code gopm status}: the resolved config, the daemon, systemd; {@code --validate}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatusIT {

  @RegisterExtension final GopmEnvironment gopm = new GopmEnvironment();

  @Test
  void withoutConfigOrDaemonItShowsTheDefaultsAndStartsNothing() throws Exception {
    Path root = Files.createDirectories(gopm.workDir.resolve("root"));
    Path systemd = Files.createDirectories(root.resolve("etc/systemd/system"));
    gopm.env("GOPM_SYSTEM_ROOT", root.toString());

    String out = gopm.ok("status");

    assertThat(out).contains("Config file:  (none found, using defaults)").contains("Daemon:       (not running)")
        .contains("  Directory:    " + gopm.home.resolve("logs")).contains("  Max size:     1.0 MB")
        .contains("  Bind:         [127.0.0.1:18999 (loopback)]").contains("  Telegraf:     disabled")
        .contains("  Unit file:    " + systemd.resolve("gopm.service")).contains("  Installed:    no");
    assertThat(gopm.home.resolve("gopm.sock")).doesNotExist();

    Files.writeString(systemd.resolve("gopm.service"), "[Unit]\n");
    assertThat(gopm.ok("status")).contains("  Installed:    yes");
  }

  @Test
  void withAConfigAndADaemonItShowsBoth() throws Exception {
    Path config = gopm.home.resolve("gopm.config.json");
    Files.writeString(config, "{\"logs\":{\"max_size\":\"5M\",\"max_files\":5},"
        + "\"mcpserver\":{\"device\":[\"lo\",\"localhost\"],\"port\":19512,\"uri\":\"/ai\"},"
        + "\"telemetry\":{\"telegraf\":{\"udp\":\"127.0.0.1:8094\",\"measurement\":\"apps\"}}}");
    gopm.ok("ping");

    String out = gopm.ok("status");

    assertThat(out).contains("Config file:  " + config + " (found)").contains("Daemon using: " + config + " (found)")
        .containsPattern("Daemon:       PID \\d+, uptime \\S+, version 0.1.0").contains("  Max size:     5.0 MB")
        .contains("  Max files:    5").contains("  Bind:         [127.0.0.1:19512 (lo)]").contains("  URI:          /ai")
        .contains("  Telegraf:     enabled").contains("  UDP:          127.0.0.1:8094").contains("  Measurement:  apps");

    JsonNode json = gopm.tree(gopm.ok("status", "--json"));
    assertThat(json.get("config_file").asText()).isEqualTo(config.toString());
    assertThat(json.get("source").asText()).isEqualTo("found");
    assertThat(json.get("daemon_pid").asLong()).isEqualTo(gopm.daemonPid());
    assertThat(json.get("mcp_bind").get(0).asText()).isEqualTo("127.0.0.1:19512");
    assertThat(json.get("telegraf_measurement").asText()).isEqualTo("apps");
    assertThat(json.get("logs").get("max_size").asLong()).isEqualTo(5 * 1024 * 1024);
  }

  @Test
  void validateListsEveryProblemAndExitsNonZero() throws Exception {
    Path config = gopm.workDir.resolve("bad.json");
    Files.writeString(config, "{\"logs\":{\"max_size\":\"banana\",\"max_files\":-2},\"mcpserver\":{\"port\":99999,\"uri\":\"mcp\"},"
        + "\"telemetry\":{\"telegraf\":{}}}");

    CliResult result = gopm.run("--config", config.toString(), "status", "--validate");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr().split("\n")).containsExactly(
        "Error: logs.max_size \"banana\" - expected format like \"1M\", \"500K\", \"10M\"",
        "Error: logs.max_files must be >= 0 (got: -2)",
        "Error: mcpserver.port must be 1-65535 (got: 99999)",
        "Error: mcpserver.uri must start with \"/\" (got: \"mcp\")",
        "Error: telemetry.telegraf.udp is required when telegraf is enabled");
  }

  @Test
  void validatePrintsWarningsAndSaysValid() throws Exception {
    Path config = gopm.workDir.resolve("warn.json");
    Files.writeString(config, "{\"logs\":null,\"mcpserver\":{\"device\":[\"eth99\"]},\"colour\":true}");

    CliResult result = gopm.run("--config", config.toString(), "status", "--validate");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("Configuration valid\n");
    assertThat(result.stderr()).contains("WARNING: logs: null treated as defaults (logging cannot be disabled)")
        .contains("WARNING: mcpserver.device \"eth99\" - interface not found (skipped)")
        .contains("WARNING: unknown key \"colour\" (ignored)");
  }

  @Test
  void aMalformedConfigIsReportedWithLineAndColumn() throws Exception {
    Path config = gopm.workDir.resolve("broken.json");
    Files.writeString(config, "{\n  \"logs\": {\"max_files\": 3},\n}\n");

    CliResult result = gopm.run("--config", config.toString(), "status");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).startsWith("Error: " + config + ": invalid JSON at line 3, column");
  }

  @Test
  void mcpDisabledShowsSo() throws Exception {
    Files.writeString(gopm.home.resolve("gopm.config.json"), "{\"mcpserver\":null}");

    assertThat(gopm.ok("status")).contains("  Enabled:      no (disabled in config)");
    assertThat(gopm.tree(gopm.ok("status", "--json")).get("mcp_enabled").asBoolean()).isFalse();
  }
}
