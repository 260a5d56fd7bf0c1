/**
 * Formats every GoPM interface shares, so a figure reads the same in {@code gopm list}, the
 * terminal UI, the console and JSON: Go-style durations ({@link io.gopm.protocol.format.GoDuration}),
 * sizes ({@link io.gopm.protocol.format.Sizes}), human units ({@link
 * io.gopm.protocol.format.HumanUnits}) and timestamps ({@link io.gopm.protocol.format.Timestamps}).
 * Pure functions, no state.
 */
package io.gopm.protocol.format;
