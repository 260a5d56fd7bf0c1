package io.gopm.console.detail;

/**
 * One line of the describe pane.
 *
 * @param section the group it belongs to ({@code Process}, {@code Restart policy}, {@code Logs},
 *     {@code Environment})
 * @param value the value as shown (masked for a secret not revealed)
 * @param secret true for environment values, which are masked until revealed
 */
public record DescribeField(String section, String label, String value, boolean secret) {}
