package io.gopm.protocol.model;

/**
 * A value the user supplied that GoPM refuses, with the field it came from so each interface can
 * name it its own way: {@code invalid min_uptime "5": ...} in files and RPC, {@code invalid
 * --min-uptime "5": ...} on the command line.
 */
public final class InvalidFieldException extends IllegalArgumentException {

  private final String field;
  private final String value;
  private final String detail;

  public InvalidFieldException(String field, String value, String detail) {
    super("invalid " + field + " \"" + value + "\": " + detail);
    this.field = field;
    this.value = value;
    this.detail = detail;
  }

  /** The field's name in files and JSON, for example {@code min_uptime}. */
  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public String detail() {
    return detail;
  }

  /** The message with the field named as a command-line flag, for example {@code --min-uptime}. */
  public String flagMessage() {
    return "invalid --" + field.replace('_', '-') + " \"" + value + "\": " + detail;
  }
}
