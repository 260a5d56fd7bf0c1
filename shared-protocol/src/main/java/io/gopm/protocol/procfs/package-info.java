/**
 * Reading Linux's {@code /proc}: socket tables and a process's socket inodes ({@link
 * io.gopm.protocol.procfs.ProcNet}), address text ({@link io.gopm.protocol.procfs.InetText}).
 * Shared by the daemon's listener scanner and {@code gopm pid}.
 */
package io.gopm.protocol.procfs;
