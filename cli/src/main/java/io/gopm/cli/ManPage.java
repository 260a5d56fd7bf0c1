package io.gopm.cli;

import io.gopm.cli.render.Ansi;
import io.gopm.protocol.GopmVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes {@code gopm.1}, the manual page, from the same command model the CLI runs, so it cannot
 * drift from the code. Run by the build ({@code java -cp ... io.gopm.cli.ManPage FILE}).
 */
public final class ManPage {

  private ManPage() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "gopm.1");
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  /** The manual page in troff ({@code man 7 man}). */
  static String render() {
    StringWriter sink = new StringWriter();
    PrintWriter silent = new PrintWriter(sink);
    Session session = new Session(Map.of(), silent, silent, new Ansi(false), new Ansi(false), Path.of("/"), false);
    CommandLine root = new CommandLine(new GopmCommand(session));
    CommandCatalog.all()
        .forEach(entry -> root.addSubcommand(entry.names().get(0), entry.factory().get(),
            entry.names().subList(1, entry.names().size()).toArray(String[]::new)));
    StringBuilder man = new StringBuilder();
    man.append(".TH GOPM 1 \"").append(LocalDate.now()).append("\" \"gopm ").append(GopmVersion.version())
        .append("\" \"GoPM Manual\"\n");
    man.append(".SH NAME\ngopm \\- a process manager for Linux servers (PM2 without Node)\n");
    man.append(".SH SYNOPSIS\n.B gopm\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n");
    man.append(".SH DESCRIPTION\n")
        .append("A daemon keeps long-running programs alive (restart policies with backoff, log capture with\n")
        .append("rotation, CPU and memory metrics, listening ports, state that survives restarts); the gopm\n")
        .append("command drives it over a Unix socket and starts it when needed.\n");
    man.append(".SH GLOBAL OPTIONS\n");
    options(man, root.getCommandSpec());
    man.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
      CommandSpec spec = entry.getValue().getCommandSpec();
      if (!spec.name().equals(entry.getKey())) {
        continue; // an alias
      }
      man.append(".SS ").append(escape(synopsis(entry.getValue()))).append('\n');
      for (String line : spec.usageMessage().description()) {
        man.append(escape(line)).append('\n');
      }
      if (spec.aliases().length > 0) {
        man.append(".br\nAlias: ").append(escape(String.join(", ", spec.aliases()))).append('\n');
      }
      options(man, spec);
    }
    man.append(".SH ENVIRONMENT\n")
        .append(".TP\n.B GOPM_HOME\nState directory instead of ~/.gopm (one daemon per directory).\n")
        .append(".TP\n.B NO_COLOR\nNo colours in human output.\n")
        .append(".TP\n.B JAVA_HOME\nThe Java to run gopm with (else java on PATH).\n")
        .append(".TP\n.B GOPM_JAVA_OPTS\nExtra JVM options.\n");
    man.append(".SH FILES\n")
        .append(".TP\n.I ~/.gopm/gopm.config.json\nOptional configuration (also /etc/gopm.config.json).\n")
        .append(".TP\n.I ~/.gopm/dump.json\nThe saved process list (mode 0600).\n")
        .append(".TP\n.I ~/.gopm/daemon.log\nDaemon events (gopm logs -d).\n")
        .append(".TP\n.I ~/.gopm/logs/\nProcess logs, <name>-out.log and <name>-err.log, rotated by size.\n");
    man.append(".SH EXIT STATUS\n0 on success, 1 on any failure; gopm isrunning exits 1 when the process is not online.\n");
    man.append(".SH SEE ALSO\n.BR systemctl (1),\n.BR pm2 (1)\n");
    return man.toString();
  }

  private static String synopsis(CommandLine command) {
    String text = command.getHelp().synopsis(0).strip();
    return text.startsWith("Usage: ") ? text.substring("Usage: ".length()) : text;
  }

  private static void options(StringBuilder man, CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      if (option.hidden() || option.inherited()) {
        continue;
      }
      man.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
      if (option.arity().max() > 0) {
        man.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
      }
      man.append('\n');
      for (String line : option.description()) {
        man.append(escape(line)).append('\n');
      }
    }
  }

  /** Backslashes, leading dots and hyphens as troff wants them. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
