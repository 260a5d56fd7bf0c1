package io.gopm.cli.system.pm2;

import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.ProcessNames;
import io.gopm.protocol.model.StartRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One PM2 app and the GoPM start request equivalent to it. PM2 lists each instance of a cluster
 * (or of a name started twice with {@code -f}) as its own entry; they make one migration, as
 * {@code pm2 delete <name>} removes them all.
 *
 * @param source the first PM2 entry of that name, in PM2's order
 * @param request what to start in GoPM
 * @param entries how many PM2 entries have this name
 * @param skipReason why it cannot be migrated at all (an invalid GoPM name), or null
 */
public record Pm2Migration(Pm2Process source, StartRequest request, int entries, String skipReason) {

  public String name() {
    return source.name();
  }

  /** Warnings to show with the app: cluster mode (or several entries) becoming one process. */
  public List<String> warnings() {
    if (source.clustered()) {
      int instances = Math.max(source.instances(), entries);
      return List.of("cluster mode with " + instances + " instance(s) — importing as single fork process");
    }
    if (entries > 1) {
      return List.of(entries + " PM2 processes share this name — importing as a single process");
    }
    return List.of();
  }

  /**
   * The migrations of {@code processes} (in PM2's order, one per name).
   *
   * @param cliPath the CLI's {@code PATH}, where interpreters are looked up when the app's own
   *     {@code PATH} lacks them
   */
  public static List<Pm2Migration> plan(List<Pm2Process> processes, String cliPath) {
    Map<String, List<Pm2Process>> byName = new LinkedHashMap<>();
    for (Pm2Process process : processes) {
      byName.computeIfAbsent(process.name(), name -> new ArrayList<>()).add(process);
    }
    List<Pm2Migration> plan = new ArrayList<>();
    for (List<Pm2Process> sameName : byName.values()) {
      Pm2Process first = sameName.get(0);
      plan.add(new Pm2Migration(first, request(first, cliPath), sameName.size(), skipReason(first.name())));
    }
    return plan;
  }

  /**
   * The names among {@code wanted} that no process has, in the order given.
   */
  public static List<String> unknownNames(List<Pm2Process> processes, List<String> wanted) {
    Set<String> known = new LinkedHashSet<>();
    processes.forEach(process -> known.add(process.name()));
    Set<String> unknown = new LinkedHashSet<>(wanted);
    unknown.removeAll(known);
    return List.copyOf(unknown);
  }

  /** The processes whose name is among {@code wanted}, in PM2's order; all of them when none is. */
  public static List<Pm2Process> select(List<Pm2Process> processes, List<String> wanted) {
    if (wanted.isEmpty()) {
      return processes;
    }
    Set<String> names = Set.copyOf(wanted);
    return processes.stream().filter(process -> names.contains(process.name())).toList();
  }

  /** The GoPM equivalent of a PM2 process; settings PM2 leaves unset keep GoPM's defaults. */
  static StartRequest request(Pm2Process process, String cliPath) {
    InterpreterResolver interpreters = new InterpreterResolver(process.env().get("PATH"), cliPath);
    Boolean autorestart = process.autorestart();
    return new StartRequest(
        process.execPath(),
        process.name(),
        process.args(),
        blankToNull(process.cwd()),
        process.env().isEmpty() ? null : process.env(),
        interpreters.resolve(process.interpreter(), process.execPath()),
        autorestart == null ? null : autorestart ? "always" : "never",
        process.maxRestarts(),
        millis(process.minUptimeMs()),
        millis(process.restartDelayMs()),
        null,
        null,
        millis(process.killTimeoutMs()),
        null,
        null,
        null);
  }

  private static String skipReason(String name) {
    try {
      ProcessNames.check(name);
      return null;
    } catch (InvalidFieldException e) {
      String detail = e.detail().replace(" (choose one with --name)", "");
      return "\"" + name + "\" is not a valid gopm process name: " + detail;
    }
  }

  private static String millis(Long ms) {
    return ms == null ? null : ms + "ms";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
