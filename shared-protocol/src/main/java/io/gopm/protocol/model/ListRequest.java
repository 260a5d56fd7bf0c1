package io.gopm.protocol.model;

/**
 * Optional parameters of {@code list}.
 *
 * @param ports scan listening ports now instead of returning the last periodic scan
 */
public record ListRequest(boolean ports) {

  /** The plain list. */
  public static final ListRequest PLAIN = new ListRequest(false);

  /** The list with freshly scanned ports. */
  public static final ListRequest WITH_PORTS = new ListRequest(true);
}
