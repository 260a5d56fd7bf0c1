/**
 * Persistence: {@link io.gopm.daemon.state.StateStore} writes {@code dump.json} atomically after
 * every change (coalesced on its own thread) and reads it back at start-up and on {@code
 * resurrect}.
 */
package io.gopm.daemon.state;
