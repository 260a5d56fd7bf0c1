/**
 * The panes about the selected process: {@link io.gopm.console.detail.DescribeViewModel} (every
 * field, environment masked until revealed) and {@link io.gopm.console.detail.ChartsViewModel}
 * (CPU and memory over time).
 */
package io.gopm.console.detail;
