package io.gopm.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessNamesTest {

  static Stream<String> validNames() {
    return Stream.of("api", "my-app_2.0", "a".repeat(64), "A", "x1", "1x", "web.server", "-", "_", "2.0",
        "ALL", "All", "all-workers");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("validNames")
  void acceptsLettersDigitsDotsUnderscoresAndDashes(String name) {
    assertThat(ProcessNames.isValid(name)).isTrue();
    assertThatCode(() -> ProcessNames.check(name)).doesNotThrowAnyException();
  }

  static Stream<Arguments> invalidNames() {
    return Stream.of(
        Arguments.of("", "a name is required"),
        Arguments.of("a".repeat(65), "use at most 64 characters"),
        Arguments.of("a/b", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("a b", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("caf\u00e9", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("\u0665", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("a\\b", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("a\nb", "use only letters, digits, '.', '_' and '-' (choose one with --name)"),
        Arguments.of("..", "a name must not start with '.'"),
        Arguments.of(".", "a name must not start with '.'"),
        Arguments.of(".hidden", "a name must not start with '.'"),
        Arguments.of("all", "\"all\" is reserved for every process"),
        Arguments.of("123", "a name made only of digits would shadow process IDs"),
        Arguments.of("0", "a name made only of digits would shadow process IDs"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalidNames")
  void refusesUnsafeOrAmbiguousNamesSayingWhy(String name, String problem) {
    InvalidFieldException error = catchThrowableOfType(InvalidFieldException.class, () -> ProcessNames.check(name));

    assertThat(ProcessNames.isValid(name)).isFalse();
    assertThat(error.field()).isEqualTo("name");
    assertThat(error.value()).isEqualTo(name);
    assertThat(error.detail()).isEqualTo(problem);
    assertThat(error).hasMessage("invalid name \"" + name + "\": " + problem);
  }

  @Test
  void refusesANullNameAsEmpty() {
    InvalidFieldException error = catchThrowableOfType(InvalidFieldException.class, () -> ProcessNames.check(null));

    assertThat(ProcessNames.isValid(null)).isFalse();
    assertThat(error).hasMessage("invalid name \"\": a name is required");
  }

  @Test
  void lengthLimitIsSixtyFour() {
    assertThat(ProcessNames.MAX_LENGTH).isEqualTo(64);
    assertThat(ProcessNames.isValid("n".repeat(64))).isTrue();
    assertThat(ProcessNames.isValid("n".repeat(65))).isFalse();
  }

  @Test
  void flagMessageNamesTheNameOption() {
    InvalidFieldException error = catchThrowableOfType(InvalidFieldException.class, () -> ProcessNames.check("all"));

    assertThat(error.flagMessage()).isEqualTo("invalid --name \"all\": \"all\" is reserved for every process");
  }
}
