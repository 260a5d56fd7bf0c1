package io.gopm.cli.system.pm2;

/** PM2 could not be found, run or understood; the message is ready for the user. */
public final class Pm2Exception extends RuntimeException {

  public Pm2Exception(String message) {
    super(message);
  }
}
