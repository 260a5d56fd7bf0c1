package io.gopm.console;

import io.gopm.protocol.GopmVersion;
import java.util.List;
import javafx.application.Application;

/**
 * The entry point of {@code gopm-console}. It is not the {@code Application} itself, so the
 * console runs from a plain jar with JavaFX on the class path. Options are checked before the
 * toolkit starts, so {@code --help} and mistakes need no display.
 */
public final class ConsoleMain {

  /**
   * JavaFX warns that it was loaded from the class path ("Unsupported JavaFX configuration"),
   * which is how this single-jar console runs on purpose. Held here so the setting stays.
   */
  private static final java.util.logging.Logger PLATFORM_LOG =
      java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");

  private ConsoleMain() {}

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.exit(LaunchOptions.EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.usage());
      return;
    }
    if (options.version()) {
      System.out.println("gopm-console " + GopmVersion.version());
      return;
    }
    PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
    try {
      Application.launch(ConsoleApp.class, args);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      System.err.println("Error: the console could not open a window: " + e.getMessage()
          + " (a desktop session is needed: on Linux an X11 or Wayland display)");
      System.exit(1);
    }
  }
}
