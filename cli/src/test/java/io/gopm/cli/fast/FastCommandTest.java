package io.gopm.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which command lines the fast path takes; everything else must reach picocli unchanged. */
@Timeout(10)
class FastCommandTest {

  private static FastCommand parse(String... args) {
    return FastCommand.parse(args);
  }

  @Test
  void takesListJsonWithTheFlagOnEitherSideAndTheAlias() {
    assertThat(parse("list", "--json")).isEqualTo(new FastCommand.ListJson());
    assertThat(parse("--json", "list")).isEqualTo(new FastCommand.ListJson());
    assertThat(parse("ls", "--json")).isEqualTo(new FastCommand.ListJson());
  }

  @Test
  void takesIsRunningWithOneTargetWithAndWithoutJson() {
    assertThat(parse("isrunning", "api")).isEqualTo(new FastCommand.IsRunning("api", false));
    assertThat(parse("isrunning", "3", "--json")).isEqualTo(new FastCommand.IsRunning("3", true));
    assertThat(parse("--json", "isrunning", "all")).isEqualTo(new FastCommand.IsRunning("all", true));
    assertThat(parse("isrunning", "naïve \"name\"")).isEqualTo(new FastCommand.IsRunning("naïve \"name\"", false));
  }

  @Test
  void takesPingWithAndWithoutJson() {
    assertThat(parse("ping")).isEqualTo(new FastCommand.Ping(false));
    assertThat(parse("ping", "--json")).isEqualTo(new FastCommand.Ping(true));
  }

  @Test
  void leavesTheHumanListToPicocli() {
    assertThat(parse("list")).isNull();
    assertThat(parse("ls")).isNull();
  }

  @Test
  void leavesAnyOtherOptionToPicocli() {
    assertThat(parse("list", "--json", "--ports")).isNull();
    assertThat(parse("list", "-p", "--json")).isNull();
    assertThat(parse("list", "--json", "--help")).isNull();
    assertThat(parse("isrunning", "-h")).isNull();
    assertThat(parse("isrunning", "api", "--debug")).isNull();
    assertThat(parse("--config", "gopm.json", "isrunning", "api")).isNull();
    assertThat(parse("ping", "--json=true")).isNull();
    assertThat(parse("ping", "--jsn")).isNull();
    assertThat(parse("--json", "--json", "ping")).isNull();
    assertThat(parse("isrunning", "--", "api")).isNull();
  }

  @Test
  void leavesWrongArgumentCountsToPicocliForItsErrors() {
    assertThat(parse("isrunning")).isNull();
    assertThat(parse("isrunning", "a", "b")).isNull();
    assertThat(parse("ping", "extra")).isNull();
    assertThat(parse("list", "--json", "extra")).isNull();
  }

  @Test
  void leavesOtherCommandsArgumentFilesAndEmptyArgumentsToPicocli() {
    assertThat(parse()).isNull();
    assertThat(parse("--json")).isNull();
    assertThat(parse("describe", "api")).isNull();
    assertThat(parse("isrunning", "@args.txt")).isNull();
    assertThat(parse("isrunning", "")).isNull();
    assertThat(parse("LIST", "--json")).isNull();
  }
}
