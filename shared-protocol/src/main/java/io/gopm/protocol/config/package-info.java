/**
 * The files users write: {@code gopm.config.json} ({@link io.gopm.protocol.config.ConfigLoader},
 * resolved into {@link io.gopm.protocol.config.GopmConfig}) and ecosystem files ({@link
 * io.gopm.protocol.config.EcosystemFile}). Shared by the daemon, which runs on the configuration,
 * and the CLI, which validates it before starting a daemon and shows it in {@code gopm status}.
 */
package io.gopm.protocol.config;
