package io.gopm.console;

import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Process objects for view-model tests. */
public final class Processes {

  public static final Instant NOW = Instant.parse("2026-02-05T12:00:00Z");

  private Processes() {}

  /** An online process started {@code upSeconds} before {@link #NOW}. */
  public static ProcessInfo online(int id, String name, double cpu, long memory, long upSeconds) {
    return new ProcessInfo(
        id, name, "/usr/bin/" + name, List.of("--port", "80" + id), "/srv/" + name, Map.of("SECRET", "hunter2", "MODE", "prod"),
        "", ProcessStatus.ONLINE, "", 1000 + id, RestartPolicy.DEFAULTS, id, NOW.minusSeconds(upSeconds), NOW.minusSeconds(upSeconds),
        0, memory, cpu, List.of("tcp@127.0.0.1:80" + id), "/logs/" + name + "-out.log", "/logs/" + name + "-err.log", 1024 * 1024);
  }

  public static ProcessInfo stopped(int id, String name) {
    return new ProcessInfo(
        id, name, "/usr/bin/" + name, List.of(), "/srv/" + name, Map.of(), "", ProcessStatus.STOPPED, "", 0,
        RestartPolicy.DEFAULTS, 0, NOW.minusSeconds(60), NOW.minusSeconds(60), 0, 0, 0, List.of(),
        "/logs/" + name + "-out.log", "/logs/" + name + "-err.log", 1024 * 1024);
  }

  public static ProcessInfo errored(int id, String name) {
    return new ProcessInfo(
        id, name, "/usr/bin/" + name, List.of(), "/srv/" + name, Map.of(), "", ProcessStatus.ERRORED, "max restarts reached", 0,
        RestartPolicy.DEFAULTS, 5, NOW.minusSeconds(60), NOW.minusSeconds(60), 1, 0, 0, List.of(),
        "/logs/" + name + "-out.log", "/logs/" + name + "-err.log", 1024 * 1024);
  }
}
