package io.gopm.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, stamped into the build from the Maven project version. */
public final class GopmVersion {

  private static final String VERSION = load();

  private GopmVersion() {}

  /** For example {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = GopmVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
