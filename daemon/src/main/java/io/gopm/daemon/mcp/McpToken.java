package io.gopm.daemon.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The bearer token that clients of a non-loopback MCP listener must send ({@code Authorization:
 * Bearer <token>}). Kept in {@code GOPM_HOME/mcp.token}, mode 0600, generated the first time one is
 * needed; compared in constant time.
 */
final class McpToken {

  private final byte[] token;

  private McpToken(String token) {
    this.token = token.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads the token file, creating it with a fresh random token when missing.
   *
   * @throws IOException when it cannot be created or read, or other users could read it
   */
  static McpToken loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, HexFormat.of().formatHex(random) + "\n");
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    for (PosixFilePermission permission : permissions) {
      if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
        throw new IOException(file + " can be read by other users (mode "
            + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
      }
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (text.length() < 32) {
      throw new IOException(file + " holds no usable token (at least 32 characters): delete it to get a new one");
    }
    return new McpToken(text);
  }

  /** True when {@code header} is {@code Bearer <this token>}, compared in constant time. */
  boolean matches(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, token);
  }
}
