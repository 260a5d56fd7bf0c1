/** The settings file: open targets, poll interval, log size, ssh additions. */
package io.gopm.console.settings;
