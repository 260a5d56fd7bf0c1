/**
 * The values that cross the wire: the process object ({@link io.gopm.protocol.model.ProcessInfo}),
 * what a client asks to start ({@link io.gopm.protocol.model.StartRequest}), restart policies,
 * statuses, and the parameters and results of every RPC method. Records, validated where they are
 * built; JSON names are the snake_case of the component names.
 */
package io.gopm.protocol.model;
