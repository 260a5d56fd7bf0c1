package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandResolverTest {

  @TempDir Path root;
  private Path cwd;

  @BeforeEach
  void createWorkingDirectory() throws IOException {
    cwd = Files.createDirectory(root.resolve("work"));
  }

  private static Path file(Path path, String mode) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    return path;
  }

  private static Path executable(Path path) throws IOException {
    return file(path, "rwxr-xr-x");
  }

  private static String launchError(ThrowingCall call) {
    try {
      call.run();
    } catch (LaunchException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a LaunchException");
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws LaunchException;
  }

  @Test
  void anAbsoluteExecutableIsUsedAsIsFollowedByTheArguments() throws Exception {
    Path app = executable(root.resolve("opt/app"));

    List<String> argv =
        CommandResolver.argv(app.toString(), "", List.of("--port", "8080"), cwd, "/nonexistent");

    assertThat(argv).containsExactly(app.toString(), "--port", "8080");
  }

  @Test
  void aRelativePathWithASlashIsResolvedAgainstTheWorkingDirectory() throws Exception {
    Path app = executable(cwd.resolve("bin/server"));

    assertThat(CommandResolver.argv("./bin/server", null, List.of(), cwd, null))
        .containsExactly(app.toString());
    assertThat(CommandResolver.argv("bin/server", null, List.of(), cwd, null))
        .containsExactly(app.toString());
    assertThat(CommandResolver.argv("../work/bin/server", null, List.of(), cwd, null))
        .containsExactly(app.toString());
  }

  @Test
  void aBareNameIsSearchedInPathInOrder() throws Exception {
    Path first = Files.createDirectories(root.resolve("empty"));
    Path second = executable(root.resolve("bin2/tool"));
    executable(root.resolve("bin3/tool"));
    String path = first + ":" + second.getParent() + ":" + root.resolve("bin3");

    assertThat(CommandResolver.argv("tool", "", List.of("x"), cwd, path))
        .containsExactly(second.toString(), "x");
  }

  @Test
  void pathLookupSkipsFilesThatAreNotExecutableAndDirectories() throws Exception {
    file(root.resolve("bin1/tool"), "rw-r--r--");
    Files.createDirectories(root.resolve("bin2/tool"));
    Path real = executable(root.resolve("bin3/tool"));
    String path = root.resolve("bin1") + ":" + root.resolve("bin2") + ":" + root.resolve("bin3");

    assertThat(CommandResolver.executable("tool", cwd, path)).isEqualTo(real);
  }

  @Test
  void relativeAndEmptyPathEntriesAreTakenFromTheWorkingDirectory() throws Exception {
    Path inCwd = executable(cwd.resolve("local-tool"));
    Path inRelative = executable(cwd.resolve("tools/rel-tool"));

    assertThat(CommandResolver.executable("local-tool", cwd, "/nonexistent::/also-not"))
        .isEqualTo(inCwd);
    assertThat(CommandResolver.executable("rel-tool", cwd, "tools")).isEqualTo(inRelative);
  }

  @Test
  void aBareNameNotInPathIsReportedLikeGo() {
    String message =
        launchError(() -> CommandResolver.argv("nope", "", List.of(), cwd, root.toString()));

    assertThat(message)
        .isEqualTo("start process: exec: \"nope\": executable file not found in $PATH");
  }

  @Test
  void aBareNameWithoutAnyPathIsNotFound() {
    assertThat(launchError(() -> CommandResolver.executable("sh", cwd, null)))
        .isEqualTo("start process: exec: \"sh\": executable file not found in $PATH");
  }

  @Test
  void aMissingFileIsReported() {
    assertThat(launchError(() -> CommandResolver.argv("/x/y", "", List.of(), cwd, null)))
        .isEqualTo("start process: /x/y: no such file or directory");
    assertThat(launchError(() -> CommandResolver.argv("./missing", "", List.of(), cwd, null)))
        .isEqualTo("start process: ./missing: no such file or directory");
  }

  @Test
  void aFileThatIsNotExecutableIsReportedWithWhatToDo() throws Exception {
    file(cwd.resolve("script.sh"), "rw-r--r--");

    assertThat(launchError(() -> CommandResolver.argv("./script.sh", "", List.of(), cwd, null)))
        .isEqualTo(
            "start process: ./script.sh: permission denied (not executable; use --interpreter or chmod +x)");
  }

  @Test
  void aDirectoryIsReported() throws Exception {
    Files.createDirectories(cwd.resolve("dir"));

    assertThat(launchError(() -> CommandResolver.argv("./dir", "", List.of(), cwd, null)))
        .isEqualTo("start process: ./dir: is a directory");
  }

  @Test
  void aMissingWorkingDirectoryIsReportedBeforeTheCommand() {
    Path missing = root.resolve("gone");

    assertThat(launchError(() -> CommandResolver.argv("/x/y", "", List.of(), missing, null)))
        .isEqualTo("start process: chdir " + missing + ": no such file or directory");
  }

  @Test
  void aWorkingDirectoryThatIsAFileIsReported() throws Exception {
    Path notDir = file(root.resolve("plain"), "rw-r--r--");

    assertThat(launchError(() -> CommandResolver.argv("/bin/sh", "", List.of(), notDir, null)))
        .isEqualTo("start process: chdir " + notDir + ": not a directory");
  }

  @Test
  void interpreterModeResolvesTheInterpreterAndKeepsTheScriptAsWritten() throws Exception {
    Path python = executable(root.resolve("usr/bin/python3"));
    file(cwd.resolve("app/main.py"), "rw-r--r--");

    List<String> argv =
        CommandResolver.argv(
            "app/main.py", "python3", List.of("--debug"), cwd, python.getParent().toString());

    assertThat(argv).containsExactly(python.toString(), "app/main.py", "--debug");
  }

  @Test
  void interpreterModeDoesNotRequireTheScriptToBeExecutableOrLocalWithoutASlash() throws Exception {
    Path node = executable(root.resolve("node/bin/node"));

    // a bare script name is left to the interpreter (it may look it up itself)
    assertThat(CommandResolver.argv("server.js", node.toString(), List.of(), cwd, null))
        .containsExactly(node.toString(), "server.js");
  }

  @Test
  void interpreterModeReportsAMissingScriptWithASlash() throws Exception {
    Path node = executable(root.resolve("node/bin/node"));

    assertThat(
            launchError(
                () -> CommandResolver.argv("./missing.js", node.toString(), List.of(), cwd, null)))
        .isEqualTo("start process: ./missing.js: no such file or directory");
  }

  @Test
  void interpreterModeReportsAMissingInterpreter() {
    assertThat(
            launchError(
                () -> CommandResolver.argv("app.py", "python9", List.of(), cwd, root.toString())))
        .isEqualTo("start process: exec: \"python9\": executable file not found in $PATH");
  }
}
