/**
 * JSON for the whole project: {@link io.gopm.protocol.json.JsonCodec} is the only configured
 * mapper, {@link io.gopm.protocol.json.FrameReader} reads the protocol's newline-delimited frames
 * with a size limit.
 */
package io.gopm.protocol.json;
