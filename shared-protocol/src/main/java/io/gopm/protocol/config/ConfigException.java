package io.gopm.protocol.config;

/** A configuration or ecosystem file that cannot be used; the message names the key and value. */
public final class ConfigException extends Exception {

  public ConfigException(String message) {
    super(message);
  }
}
