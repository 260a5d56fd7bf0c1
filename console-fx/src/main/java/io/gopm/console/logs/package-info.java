/**
 * The log pane: {@link io.gopm.console.logs.LogViewModel} (lines, streams, follow/pause, search,
 * bounds), {@link io.gopm.console.logs.LogFollower} (one following {@code logs} call on a thread
 * of its own) and {@link io.gopm.console.logs.LogBuffer} (the bounded queue between them).
 */
package io.gopm.console.logs;
