/**
 * The CLI's integration with the operating system: systemd ({@link
 * io.gopm.cli.system.UnitFile}, {@link io.gopm.cli.system.Systemctl}), user accounts ({@link
 * io.gopm.cli.system.SystemUser}) and where they live ({@link io.gopm.cli.system.SystemPaths}).
 */
package io.gopm.cli.system;
