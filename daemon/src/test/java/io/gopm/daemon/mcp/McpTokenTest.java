package io.gopm.daemon.mcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class McpTokenTest {

  private static final String KNOWN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path home;
  private Path file;

  @BeforeEach
  void resolveTokenFile() {
    file = home.resolve("mcp.token");
  }

  private void write(String content, String mode) throws IOException {
    Files.writeString(file, content, US_ASCII);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  @Test
  void createsARandomTokenOnlyTheOwnerCanRead() throws IOException {
    McpToken token = McpToken.loadOrCreate(file);

    String text = Files.readString(file, US_ASCII);
    assertThat(text).matches("[0-9a-f]{64}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(token.matches("Bearer " + text.strip())).isTrue();
    try (var entries = Files.list(home)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void createsADifferentTokenEachTime() throws IOException {
    McpToken.loadOrCreate(file);
    String first = Files.readString(file, US_ASCII);
    Files.delete(file);

    McpToken.loadOrCreate(file);

    assertThat(Files.readString(file, US_ASCII)).isNotEqualTo(first);
  }

  @Test
  void reusesAnExistingToken() throws IOException {
    write(KNOWN + "\n", "rw-------");

    McpToken token = McpToken.loadOrCreate(file);

    assertThat(Files.readString(file, US_ASCII)).isEqualTo(KNOWN + "\n");
    assertThat(token.matches("Bearer " + KNOWN)).isTrue();
  }

  @Test
  void keepsTheTokenItCreatedForTheNextLoad() throws IOException {
    McpToken.loadOrCreate(file);
    String created = Files.readString(file, US_ASCII).strip();

    assertThat(McpToken.loadOrCreate(file).matches("Bearer " + created)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"})
  void refusesATokenFileOthersCanAccess(String mode) throws IOException {
    write(KNOWN + "\n", mode);

    assertThatThrownBy(() -> McpToken.loadOrCreate(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("chmod 600 " + file)
        .hasMessageContaining(mode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "short", "0123456789abcdef0123456789abcde"})
  void refusesATokenTooShortToBeSafe(String content) throws IOException {
    write(content, "rw-------");

    assertThatThrownBy(() -> McpToken.loadOrCreate(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no usable token");
  }

  @Test
  void acceptsTheBearerSchemeInAnyCaseAndSpacesAroundTheToken() throws IOException {
    write(KNOWN, "rw-------");
    McpToken token = McpToken.loadOrCreate(file);

    assertThat(token.matches("Bearer " + KNOWN)).isTrue();
    assertThat(token.matches("bearer " + KNOWN)).isTrue();
    assertThat(token.matches("BEARER " + KNOWN)).isTrue();
    assertThat(token.matches("Bearer    " + KNOWN + "  ")).isTrue();
  }

  @Test
  void rejectsEverythingButItsOwnBearerToken() throws IOException {
    write(KNOWN, "rw-------");
    McpToken token = McpToken.loadOrCreate(file);

    assertThat(token.matches(null)).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches("Bearer")).isFalse();
    assertThat(token.matches("Bearer ")).isFalse();
    assertThat(token.matches(KNOWN)).isFalse();
    assertThat(token.matches("Basic " + KNOWN)).isFalse();
    assertThat(token.matches("Token " + KNOWN)).isFalse();
    assertThat(token.matches("Bearer " + KNOWN.substring(0, 63))).isFalse();
    assertThat(token.matches("Bearer " + KNOWN + "0")).isFalse();
    assertThat(token.matches("Bearer " + KNOWN.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(token.matches("Bearer " + "f" + KNOWN.substring(1))).isFalse();
  }
}
