/**
 * Human output of the CLI: colours that honour terminals and {@code NO_COLOR} ({@link
 * io.gopm.cli.render.Ansi}), bordered tables measured in display columns ({@link
 * io.gopm.cli.render.Table}) and the process views ({@link io.gopm.cli.render.ProcessViews}).
 */
package io.gopm.cli.render;
