/**
 * Reading Linux's {@code /proc}: socket tables and a process's socket inodes ({@link
 * io.gopm.protocol.procfs.ProcNet}), address text ({@link io.gopm.protocol.procfs.InetText}), and
 * whole-process inspection ({@link io.gopm.protocol.procfs.ProcessInspector} → {@link
 * io.gopm.protocol.procfs.ProcessReport}, rendered by {@link
 * io.gopm.protocol.procfs.PidReportText}). Shared by the daemon's listener scanner, {@code gopm pid}
 * and the MCP tool.
 */
package io.gopm.protocol.procfs;
