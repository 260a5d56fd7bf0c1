/**
 * Persistence: {@link io.gopm.daemon.state.StateStore} writes {@code dump.json} atomically after
 * every change (coalesced on its own thread) and reads it back at start-up and on {@code
 * resurrect}; {@link io.gopm.daemon.state.RuntimeStore} writes {@code runtime.json}, the process
 * groups this daemon runs, so that the next daemon can end them if this one dies (docs/adr/0019).
 */
package io.gopm.daemon.state;
