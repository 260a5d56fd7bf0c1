/**
 * Supervision: the {@link io.gopm.daemon.supervision.Supervisor} owns every managed process on
 * one thread and applies the restart rule ({@link io.gopm.daemon.supervision.RestartDecider}, a
 * pure function); {@link io.gopm.daemon.supervision.ProcessLauncher} starts children in their own
 * process group ({@link io.gopm.daemon.supervision.EpollProcessLauncher} watches all of them from
 * one thread through {@link io.gopm.daemon.supervision.LinuxLibc}, docs/adr/0024) and {@link io.gopm.daemon.supervision.ProcessGroups} signals whole groups.
 * {@link io.gopm.daemon.supervision.LeftoverSweep} ends, at start-up, what a dead daemon left
 * running (docs/adr/0019).
 */
package io.gopm.daemon.supervision;
