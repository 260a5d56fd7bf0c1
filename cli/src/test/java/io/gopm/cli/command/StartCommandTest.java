package io.gopm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.cli.CliException;
import io.gopm.protocol.model.StartRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class StartCommandTest {

  private static final Path CLI_DIR = Path.of("/home/u/project");
  private static final Path WORK_DIR = Path.of("/opt/elsewhere");

  @TempDir Path temp;

  private Path executable(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private Path plainFile(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve(name), "not a program\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  // ---- resolveCommand ----

  @Test
  void keepsAnAbsoluteCommandUnchanged() {
    assertThat(StartCommand.resolveCommand("/usr/bin/env", CLI_DIR, WORK_DIR, "/bin"))
        .isEqualTo("/usr/bin/env");
    assertThat(StartCommand.resolveCommand("/opt/../srv/app", CLI_DIR, WORK_DIR, null))
        .isEqualTo("/opt/../srv/app");
  }

  @Test
  void resolvesADotSlashCommandAgainstTheCliDirectoryNotTheWorkingDirectory() {
    assertThat(StartCommand.resolveCommand("./app", CLI_DIR, WORK_DIR, null))
        .isEqualTo("/home/u/project/app");
  }

  @Test
  void resolvesACommandWithASlashAgainstTheCliDirectory() {
    assertThat(StartCommand.resolveCommand("bin/app", CLI_DIR, WORK_DIR, "/usr/bin"))
        .isEqualTo("/home/u/project/bin/app");
    assertThat(StartCommand.resolveCommand("../tools/app", CLI_DIR, WORK_DIR, null))
        .isEqualTo("/home/u/tools/app");
  }

  @Test
  void neverLooksUpACommandWithASlashOnPath() throws IOException {
    Path bin = temp.resolve("bin");
    executable(bin.resolve("sub"), "app");

    assertThat(StartCommand.resolveCommand("sub/app", CLI_DIR, WORK_DIR, bin.toString()))
        .isEqualTo("/home/u/project/sub/app");
  }

  @Test
  void findsABareNameInAPathDirectory() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Path tool = executable(temp.resolve("bin"), "mytool");
    String path = empty + ":" + temp.resolve("bin");

    String resolved = StartCommand.resolveCommand("mytool", CLI_DIR, WORK_DIR, path);

    assertThat(resolved).isEqualTo(tool.toAbsolutePath().toString());
    assertThat(Path.of(resolved)).isAbsolute();
  }

  @Test
  void takesTheFirstMatchOnPath() throws IOException {
    Path first = executable(temp.resolve("first"), "tool");
    executable(temp.resolve("second"), "tool");
    String path = temp.resolve("first") + ":" + temp.resolve("second");

    assertThat(StartCommand.resolveCommand("tool", CLI_DIR, WORK_DIR, path)).isEqualTo(first.toString());
  }

  @Test
  void skipsEmptyPathEntries() throws IOException {
    Path tool = executable(temp.resolve("bin"), "tool");
    String path = "::" + temp.resolve("bin") + ":";

    assertThat(StartCommand.resolveCommand("tool", CLI_DIR, WORK_DIR, path)).isEqualTo(tool.toString());
  }

  @Test
  void joinsABareNameNotOnPathToTheWorkingDirectory() throws IOException {
    Files.createDirectories(temp.resolve("bin"));

    assertThat(StartCommand.resolveCommand("app.js", CLI_DIR, WORK_DIR, temp.resolve("bin").toString()))
        .isEqualTo("/opt/elsewhere/app.js");
  }

  @Test
  void joinsABareNameToTheWorkingDirectoryWhenThereIsNoPath() {
    assertThat(StartCommand.resolveCommand("app.js", CLI_DIR, WORK_DIR, null))
        .isEqualTo("/opt/elsewhere/app.js");
    assertThat(StartCommand.resolveCommand("app.js", CLI_DIR, WORK_DIR, ""))
        .isEqualTo("/opt/elsewhere/app.js");
  }

  @Test
  void skipsANonExecutableFileOnPath() throws IOException {
    plainFile(temp.resolve("first"), "tool");
    Path tool = executable(temp.resolve("second"), "tool");
    String path = temp.resolve("first") + ":" + temp.resolve("second");

    assertThat(StartCommand.resolveCommand("tool", CLI_DIR, WORK_DIR, path)).isEqualTo(tool.toString());
  }

  @Test
  void fallsBackToTheWorkingDirectoryWhenOnlyANonExecutableFileIsOnPath() throws IOException {
    plainFile(temp.resolve("bin"), "data");

    assertThat(StartCommand.resolveCommand("data", CLI_DIR, WORK_DIR, temp.resolve("bin").toString()))
        .isEqualTo("/opt/elsewhere/data");
  }

  @Test
  void skipsADirectoryWithTheCommandsNameOnPath() throws IOException {
    Files.createDirectories(temp.resolve("bin/tool"));

    assertThat(StartCommand.resolveCommand("tool", CLI_DIR, WORK_DIR, temp.resolve("bin").toString()))
        .isEqualTo("/opt/elsewhere/tool");
  }

  // ---- parseEnv ----

  @Test
  void splitsEachPairAtTheFirstEqualsSign() {
    assertThat(StartCommand.parseEnv(List.of("APP_ENV=production", "URL=http://x/?a=1&b=2")))
        .containsExactly(Map.entry("APP_ENV", "production"), Map.entry("URL", "http://x/?a=1&b=2"));
  }

  @Test
  void acceptsAnEmptyValue() {
    assertThat(StartCommand.parseEnv(List.of("EMPTY="))).containsExactly(Map.entry("EMPTY", ""));
  }

  @Test
  void letsLaterDuplicatesWin() {
    assertThat(StartCommand.parseEnv(List.of("A=1", "B=2", "A=3")))
        .containsExactly(Map.entry("A", "3"), Map.entry("B", "2"));
  }

  @Test
  void parsesNoPairsAsAnEmptyMap() {
    assertThat(StartCommand.parseEnv(List.of())).isEmpty();
  }

  @Test
  void rejectsAPairWithoutEqualsSign() {
    assertThatThrownBy(() -> StartCommand.parseEnv(List.of("A=1", "NOVALUE")))
        .isInstanceOf(CliException.class)
        .hasMessage("invalid --env value \"NOVALUE\": expected KEY=VAL");
  }

  @Test
  void rejectsAPairWithAnEmptyKey() {
    assertThatThrownBy(() -> StartCommand.parseEnv(List.of("=x")))
        .isInstanceOf(CliException.class)
        .hasMessage("invalid --env value \"=x\": expected KEY=VAL");
  }

  @Test
  void reportsAnInvalidPairAsAnOrdinaryFailure() {
    assertThatThrownBy(() -> StartCommand.parseEnv(List.of("NOVALUE")))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
  }

  // ---- withCwd ----

  private static StartRequest app(String cwd) {
    return new StartRequest(
        "./server", "web", List.of("--port", "80"), cwd, Map.of("A", "1"), "node", "on-failure", 3,
        "10s", "1s", Boolean.TRUE, "1m", "7s", "out.log", "err.log", "10M");
  }

  private static StartRequest app(StartRequest template, String cwd) {
    return new StartRequest(
        template.command(), template.name(), template.args(), cwd, template.env(),
        template.interpreter(), template.autorestart(), template.maxRestarts(),
        template.minUptime(), template.restartDelay(), template.expBackoff(),
        template.maxDelay(), template.killTimeout(), template.logOut(), template.logErr(),
        template.maxLogSize());
  }

  @Test
  void usesTheFileDirectoryWhenCwdIsMissingOrBlank() {
    Path fileDir = Path.of("/srv/eco");

    assertThat(StartCommand.withCwd(app(null), fileDir).cwd()).isEqualTo("/srv/eco");
    assertThat(StartCommand.withCwd(app(""), fileDir).cwd()).isEqualTo("/srv/eco");
    assertThat(StartCommand.withCwd(app("   "), fileDir).cwd()).isEqualTo("/srv/eco");
  }

  @Test
  void resolvesARelativeCwdAgainstTheFileDirectory() {
    Path fileDir = Path.of("/srv/eco");

    assertThat(StartCommand.withCwd(app("api"), fileDir).cwd()).isEqualTo("/srv/eco/api");
    assertThat(StartCommand.withCwd(app("./a/../b"), fileDir).cwd()).isEqualTo("/srv/eco/b");
    assertThat(StartCommand.withCwd(app("../shared"), fileDir).cwd()).isEqualTo("/srv/shared");
  }

  @Test
  void keepsAnAbsoluteCwd() {
    assertThat(StartCommand.withCwd(app("/var/app"), Path.of("/srv/eco")).cwd()).isEqualTo("/var/app");
  }

  @Test
  void keepsEveryOtherFieldAsWritten() {
    StartRequest original = app("api");

    StartRequest located = StartCommand.withCwd(original, Path.of("/srv/eco"));

    assertThat(located).isEqualTo(app(original, "/srv/eco/api"));
    assertThat(located.command()).isEqualTo("./server"); // not resolved for ecosystem apps
  }

  @Test
  void keepsNullFieldsNull() {
    StartRequest minimal = StartRequest.of("app", null, null);

    StartRequest located = StartCommand.withCwd(minimal, Path.of("/srv/eco"));

    assertThat(located).isEqualTo(app(minimal, "/srv/eco"));
    assertThat(located.name()).isNull();
    assertThat(located.maxRestarts()).isNull();
    assertThat(located.expBackoff()).isNull();
  }
}
