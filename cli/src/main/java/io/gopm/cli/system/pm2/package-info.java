/**
 * Migration from PM2 ({@code gopm pm2}): reading the user's PM2 through its own command ({@link
 * io.gopm.cli.system.pm2.Pm2Executable}: {@code pm2 jlist}, {@code pm2 delete}), the entries of
 * that list ({@link io.gopm.cli.system.pm2.Pm2Process}, with PM2's internal environment variables
 * dropped by {@link io.gopm.cli.system.pm2.Pm2Env}), their translation into GoPM start requests
 * ({@link io.gopm.cli.system.pm2.Pm2Migration}, interpreters found by {@link
 * io.gopm.cli.system.pm2.InterpreterResolver}) and the text printed for each ({@link
 * io.gopm.cli.system.pm2.MigrationReport}).
 *
 * <p>Entry point: {@code Pm2Executable.locate(path)}, then {@code jlist()}, {@code
 * Pm2Migration.plan(...)}, and one {@code start} per plan entry; the command that drives it is
 * {@code io.gopm.cli.command.Pm2Command}. Nothing here talks to the GoPM daemon.
 */
package io.gopm.cli.system.pm2;
