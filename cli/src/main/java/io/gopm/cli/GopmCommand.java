package io.gopm.cli;

import io.gopm.cli.render.ProcessViews;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.GopmVersion;
import io.gopm.protocol.client.DaemonClient;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.rpc.RpcMethods;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code gopm}: the root command. Holds the global options (accepted before or after any
 * sub-command); run alone it shows the process list when a daemon manages processes, else help.
 */
@Command(
    name = "gopm",
    description = "GoPM — Lightweight Process Manager",
    versionProvider = GopmCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Use \"gopm [command] --help\" for more information about a command."})
public final class GopmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Machine-readable JSON output where supported")
  boolean json;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Config file to use instead of ~/.gopm/gopm.config.json or /etc/gopm.config.json (applied when the daemon starts)")
  Path config;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Trace the conversation with the daemon on stderr")
  boolean debug;

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show help")
  boolean help;

  @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the version")
  boolean version;

  private final Session session;

  GopmCommand(Session session) {
    this.session = session;
  }

  /** The session, with the global options as parsed. */
  public Session session() {
    session.options(new Session.GlobalOptions(json, config, debug));
    return session;
  }

  @Override
  public Integer call() {
    Session session = session();
    Optional<DaemonClient> daemon = session.daemonIfRunning();
    if (daemon.isPresent()) {
      try (DaemonClient client = daemon.get()) {
        List<ProcessInfo> processes = client.call(RpcMethods.LIST, ListRequest.PLAIN);
        if (!processes.isEmpty()) {
          if (session.json()) {
            session.out().println(session.codec().write(processes));
          } else {
            ProcessViews views = new ProcessViews(session.ansi(), Instant.now(), java.time.ZoneId.systemDefault());
            session.out().print(views.table(processes, false));
          }
          return ExitCodes.OK;
        }
      } catch (RuntimeException e) {
        session.trace("listing failed: " + e.getMessage());
      }
    }
    spec.commandLine().usage(session.out());
    return ExitCodes.OK;
  }

  /** {@code gopm version <version>}. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gopm version " + GopmVersion.version()};
    }
  }
}
