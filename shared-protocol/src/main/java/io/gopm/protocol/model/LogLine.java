package io.gopm.protocol.model;

/**
 * One captured line, sent while a client follows logs.
 *
 * @param name the process the line belongs to
 * @param stream {@code out} or {@code err}
 * @param line the line as written to the log file (timestamp first, no newline)
 * @param skipped lines dropped before this one because the client read too slowly; 0 normally
 */
public record LogLine(String name, String stream, String line, long skipped) {}
