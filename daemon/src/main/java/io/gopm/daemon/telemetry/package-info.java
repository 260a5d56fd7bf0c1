/**
 * Telegraf telemetry: every two seconds, right after the metrics sample, one InfluxDB line per
 * process and one daemon summary line go over UDP to a Telegraf {@code socket_listener} (see {@code
 * docs/telemetry.md}).
 *
 * <p>{@link io.gopm.daemon.telemetry.LineProtocol} formats and escapes the lines (pure), {@code
 * Datagrams} packs them into payloads of at most {@value
 * io.gopm.daemon.telemetry.TelegrafEmitter#MAX_PAYLOAD_BYTES} bytes, and {@link
 * io.gopm.daemon.telemetry.TelegrafEmitter} sends them without ever waiting. The daemon's
 * composition root opens the emitter only when {@code telemetry.telegraf} is configured:
 *
 * <pre>{@code
 * LineProtocol format = new LineProtocol(config.measurement(), HostName.of(Path.of("/proc")), started);
 * try (TelegrafEmitter emitter = TelegrafEmitter.open(config.target(), format, clock, log)) {
 *   emitter.emit(processes); // on the background thread, never on the supervisor's
 * }
 * }</pre>
 */
package io.gopm.daemon.telemetry;
