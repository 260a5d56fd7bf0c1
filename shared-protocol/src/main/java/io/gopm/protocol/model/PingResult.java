package io.gopm.protocol.model;

/**
 * The daemon's vital signs.
 *
 * @param uptime human duration, for example {@code 4d 12h}
 * @param configFile the config file the daemon loaded, or null when it runs on defaults
 * @param configSource {@code found} or {@code --config flag}; null with no config file
 * @param logsDir the default directory of process logs the daemon uses
 * @param logMaxSize the default rotation threshold in bytes
 */
public record PingResult(
    int pid,
    String uptime,
    long uptimeMs,
    long uptimeSeconds,
    String version,
    int protocol,
    String configFile,
    String configSource,
    String logsDir,
    long logMaxSize) {}
