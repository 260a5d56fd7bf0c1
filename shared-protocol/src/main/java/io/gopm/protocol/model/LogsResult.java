package io.gopm.protocol.model;

import java.util.Map;

/**
 * The tail of one or several logs.
 *
 * @param content the last lines joined by {@code \n}, no trailing newline; for {@code all}, one
 *     {@code ==> name <==} block per non-empty log, separated by a blank line
 * @param logPath the file read, or {@code ""} for {@code all}
 * @param logPaths for {@code all}: every process name mapped to its file; null otherwise
 */
public record LogsResult(String content, String logPath, Map<String, String> logPaths) {}
