/** The sidebar of open targets: {@link io.gopm.console.hosts.HostListViewModel} and its view. */
package io.gopm.console.hosts;
