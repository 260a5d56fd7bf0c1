package io.gopm.console.settings;

import io.gopm.protocol.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes {@code settings.json}. A missing file means defaults; an unreadable one too,
 * with a warning for the status bar, and it is moved aside ({@code settings.json.unreadable}) so
 * the next save does not destroy what the user may want back. Saving
 * writes a temporary file and renames it, so a crash never leaves half a file; the file is private
 * (0600) where permissions exist, as it names the user's servers.
 */
public final class SettingsStore {

  private final Path file;
  private final JsonCodec codec;
  private String warning = "";

  public SettingsStore(Path file, JsonCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  public Path file() {
    return file;
  }

  /** The saved settings, or the defaults. */
  public Settings load() {
    warning = "";
    if (!Files.exists(file)) {
      return Settings.defaults();
    }
    try {
      Settings settings = codec.read(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
      return settings == null ? Settings.defaults() : settings;
    } catch (IOException | RuntimeException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
      String kept;
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        kept = "moved to " + aside;
      } catch (IOException moveFailed) {
        kept = "left in place";
      }
      warning = "settings file " + file + " is unreadable (" + firstLine(e.getMessage()) + "), " + kept + "; using defaults";
      return Settings.defaults();
    }
  }

  /** Why the last {@link #load()} fell back to defaults, or empty. */
  public String warning() {
    return warning;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Writes {@code settings}. */
  public void save(Settings settings) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp =
        posix
            ? Files.createTempFile(dir, ".settings-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".settings-", ".tmp");
    try {
      Files.writeString(temp, codec.writePretty(settings) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
