package io.gopm.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The process object: one managed process as every client sees it ({@code list}, {@code
 * describe}, {@code start}, {@code dump.json}). Keys and their order follow the GoPM contract.
 *
 * @param uptime the time of the last start (not a duration), as in GoPM's JSON
 * @param exitCode the last exit code; -1 when the process was ended by a signal
 * @param memory resident memory in bytes, 0 unless online
 * @param cpu percent of one core, 0 unless online
 * @param maxLogSize the rotation threshold of each log file, in bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessInfo(
    int id,
    String name,
    String command,
    List<String> args,
    String cwd,
    Map<String, String> env,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String interpreter,
    ProcessStatus status,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String statusReason,
    int pid,
    RestartPolicy restartPolicy,
    int restarts,
    Instant uptime,
    Instant createdAt,
    int exitCode,
    long memory,
    double cpu,
    List<String> listeners,
    String logOut,
    String logErr,
    long maxLogSize) {

  public ProcessInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(restartPolicy, "restart_policy");
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    interpreter = interpreter == null ? "" : interpreter;
    statusReason = statusReason == null ? "" : statusReason;
    cwd = cwd == null ? "" : cwd;
    logOut = logOut == null ? "" : logOut;
    logErr = logErr == null ? "" : logErr;
    uptime = uptime == null ? io.gopm.protocol.format.Timestamps.NEVER : uptime;
    createdAt = createdAt == null ? io.gopm.protocol.format.Timestamps.NEVER : createdAt;
  }

  /** True when an OS process is running for this record. */
  @JsonIgnore
  public boolean online() {
    return status == ProcessStatus.ONLINE && pid > 0;
  }
}
