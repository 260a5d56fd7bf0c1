package io.gopm.console.workspace;

import io.gopm.console.actions.ActionMessage;
import io.gopm.console.connect.HostSession;
import io.gopm.protocol.config.ConfigException;
import io.gopm.protocol.config.EcosystemExport;
import io.gopm.protocol.config.EcosystemFile;
import io.gopm.protocol.config.ImportKey;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.rpc.RpcException;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions of the toolbar and keyboard on the selected target: each reports its outcome (or
 * the daemon's error message) in the status bar. Used on the UI thread; the work runs on the
 * target's action thread.
 */
public final class ProcessActions {

  private final ConsoleViewModel console;
  private final JsonCodec codec;

  ProcessActions(ConsoleViewModel console, JsonCodec codec) {
    this.console = console;
    this.codec = codec;
  }

  /** {@code t}: stops the selected process (returns once it has exited). */
  public void stop() {
    console.onSelected("Stopping", RpcMethods.STOP, "Stopped");
  }

  /** {@code r}: restarts the selected process. */
  public void restart() {
    console.onSelected("Restarting", RpcMethods.RESTART, "Restarted");
  }

  /** {@code d}, after the view's confirmation: deletes the selected process (its logs stay). */
  public void delete() {
    console.onSelected("Deleting", RpcMethods.DELETE, "Deleted");
  }

  /** {@code f}: empties the selected process's current log files. */
  public void flush() {
    console.onSelected("Flushing the logs of", RpcMethods.FLUSH, "Flushed the logs of");
  }

  /**
   * Writes every process of the selected target to {@code file} as an ecosystem file ({@code gopm
   * export all}; {@code full} for every setting).
   */
  public void exportTo(Path file, boolean full) {
    Optional<HostSession> session = console.currentSession();
    if (session.isEmpty()) {
      console.report(ActionMessage.failed("No target selected"));
      return;
    }
    session.get().call(
        daemon -> {
          List<ProcessInfo> processes = daemon.call(RpcMethods.LIST, ListRequest.PLAIN);
          if (processes.isEmpty()) {
            throw new IllegalStateException("no processes to export");
          }
          PingResult ping = daemon.call(RpcMethods.PING, null);
          EcosystemExport export = new EcosystemExport(Path.of(ping.logsDir()), ping.logMaxSize());
          Files.writeString(file, codec.writePretty(export.document(processes, full)) + "\n", StandardCharsets.UTF_8);
          return processes.size();
        },
        count -> console.report(ActionMessage.ok("Exported " + count + (count == 1 ? " process" : " processes") + " to " + file)),
        error -> console.report(ActionMessage.failed("Export failed: " + error)));
  }

  /**
   * Starts the apps of an ecosystem file on the selected target ({@code gopm import}): each app
   * whose command already runs in the same working directory is skipped. On this machine a
   * relative (or missing) {@code cwd} is taken from the file's directory, as the CLI does; for a
   * remote target it is sent as written.
   */
  public void importFrom(Path file) {
    Optional<HostSession> session = console.currentSession();
    if (session.isEmpty()) {
      console.report(ActionMessage.failed("No target selected"));
      return;
    }
    List<StartRequest> apps;
    try {
      apps = EcosystemFile.load(file, codec);
    } catch (ConfigException e) {
      console.report(ActionMessage.failed("Import failed: " + e.getMessage()));
      return;
    }
    boolean local = console.currentTargetIsLocal();
    Path dir = file.toAbsolutePath().getParent();
    List<StartRequest> located = new ArrayList<>();
    for (StartRequest app : apps) {
      located.add(local ? withCwd(app, dir) : app);
    }
    session.get().call(
        daemon -> {
          Map<ImportKey, ProcessInfo> existing = new HashMap<>();
          for (ProcessInfo process : daemon.call(RpcMethods.LIST, ListRequest.PLAIN)) {
            existing.put(ImportKey.of(process.cwd(), process.command()), process);
          }
          int imported = 0;
          int skipped = 0;
          List<String> failures = new ArrayList<>();
          for (StartRequest app : located) {
            if (app.cwd() != null && existing.containsKey(ImportKey.of(app.cwd(), app.command()))) {
              skipped++;
              continue;
            }
            try {
              ProcessInfo started = daemon.call(RpcMethods.START, app);
              existing.put(ImportKey.of(started.cwd(), started.command()), started);
              imported++;
            } catch (RpcException e) {
              failures.add(app.name() + ": " + e.getMessage());
            }
          }
          return new ImportResult(imported, located.size(), skipped, failures);
        },
        result -> console.report(result.failures().isEmpty() ? ActionMessage.ok(result.summary()) : ActionMessage.failed(result.summary())),
        error -> console.report(ActionMessage.failed("Import failed: " + error)));
  }

  /** What an import did, summed up like {@code gopm import}. */
  record ImportResult(int imported, int total, int skipped, List<String> failures) {
    String summary() {
      String text = "Imported " + imported + "/" + total + " processes" + (skipped > 0 ? " (" + skipped + " skipped)" : "");
      return failures.isEmpty() ? text : text + "; failed: " + String.join("; ", failures);
    }
  }

  /** An app runs in its cwd taken relative to the file's directory (the default), as {@code gopm import} does. */
  static StartRequest withCwd(StartRequest app, Path fileDir) {
    String cwd = app.cwd() == null || app.cwd().isBlank() ? fileDir.toString() : fileDir.resolve(app.cwd()).normalize().toString();
    return new StartRequest(
        app.command(), app.name(), app.args(), cwd, app.env(), app.interpreter(), app.autorestart(),
        app.maxRestarts(), app.minUptime(), app.restartDelay(), app.expBackoff(), app.maxDelay(),
        app.killTimeout(), app.logOut(), app.logErr(), app.maxLogSize());
  }
}
