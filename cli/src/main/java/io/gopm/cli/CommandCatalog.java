package io.gopm.cli;

import io.gopm.cli.command.CompletionCommand;
import io.gopm.cli.command.ConsoleCommand;
import io.gopm.cli.command.DeleteCommand;
import io.gopm.cli.command.DescribeCommand;
import io.gopm.cli.command.ExportCommand;
import io.gopm.cli.command.FlushCommand;
import io.gopm.cli.command.GuiCommand;
import io.gopm.cli.command.ImportCommand;
import io.gopm.cli.command.InstallCommand;
import io.gopm.cli.command.IsRunningCommand;
import io.gopm.cli.command.KillCommand;
import io.gopm.cli.command.ListCommand;
import io.gopm.cli.command.LogsCommand;
import io.gopm.cli.command.McpCommand;
import io.gopm.cli.command.PidCommand;
import io.gopm.cli.command.PingCommand;
import io.gopm.cli.command.Pm2Command;
import io.gopm.cli.command.RebootCommand;
import io.gopm.cli.command.RestartCommand;
import io.gopm.cli.command.ResurrectCommand;
import io.gopm.cli.command.StartCommand;
import io.gopm.cli.command.StatsCommand;
import io.gopm.cli.command.StatusCommand;
import io.gopm.cli.command.StopCommand;
import io.gopm.cli.command.SuspendCommand;
import io.gopm.cli.command.UninstallCommand;
import io.gopm.cli.command.UnsuspendCommand;
import io.gopm.cli.command.WatchCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every sub-command by name and alias. Only the command being run is instantiated and registered
 * with picocli (building picocli's model for all of them costs more than the whole round trip to
 * the daemon); help registers them all.
 */
final class CommandCatalog {

  /** One sub-command: its names and how to make it. */
  record Entry(List<String> names, Supplier<Object> factory) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(List.of("completion"), CompletionCommand::new),
          new Entry(List.of("console"), ConsoleCommand::new),
          new Entry(List.of("delete", "del"), DeleteCommand::new),
          new Entry(List.of("describe"), DescribeCommand::new),
          new Entry(List.of("export"), ExportCommand::new),
          new Entry(List.of("flush"), FlushCommand::new),
          new Entry(List.of("gui"), GuiCommand::new),
          new Entry(List.of("import"), ImportCommand::new),
          new Entry(List.of("install"), InstallCommand::new),
          new Entry(List.of("isrunning"), IsRunningCommand::new),
          new Entry(List.of("kill"), KillCommand::new),
          new Entry(List.of("list", "ls"), ListCommand::new),
          new Entry(List.of("logs"), LogsCommand::new),
          new Entry(List.of("mcp"), McpCommand::new),
          new Entry(List.of("pid"), PidCommand::new),
          new Entry(List.of("ping"), PingCommand::new),
          new Entry(List.of("pm2"), Pm2Command::new),
          new Entry(List.of("reboot"), RebootCommand::new),
          new Entry(List.of("restart"), RestartCommand::new),
          new Entry(List.of("resurrect"), ResurrectCommand::new),
          new Entry(List.of("start"), StartCommand::new),
          new Entry(List.of("stats"), StatsCommand::new),
          new Entry(List.of("status"), StatusCommand::new),
          new Entry(List.of("stop"), StopCommand::new),
          new Entry(List.of("suspend"), SuspendCommand::new),
          new Entry(List.of("uninstall"), UninstallCommand::new),
          new Entry(List.of("unsuspend"), UnsuspendCommand::new),
          new Entry(List.of("watch"), WatchCommand::new));

  private static final Map<String, Entry> BY_NAME = index();

  private CommandCatalog() {}

  static List<Entry> all() {
    return ENTRIES;
  }

  /** The entry for a name or alias, or null. */
  static Entry find(String name) {
    return BY_NAME.get(name);
  }

  private static Map<String, Entry> index() {
    Map<String, Entry> index = new LinkedHashMap<>();
    for (Entry entry : ENTRIES) {
      for (String name : entry.names()) {
        index.put(name, entry);
      }
    }
    return index;
  }
}
