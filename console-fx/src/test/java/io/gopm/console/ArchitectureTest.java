package io.gopm.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The structure STYLE.md asks for, checked on the sources. */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java/io/gopm/console");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void viewModelsAndNonViewClassesNeverImportJavafxScene() throws IOException {
    for (Path file : sources()) {
      String name = file.getFileName().toString();
      boolean view = name.endsWith("View.java") || name.endsWith("Dialog.java") || name.equals("Console.java")
          || name.equals("ConsoleApp.java");
      if (!view) {
        assertThat(Files.readString(file)).as(file + " must stay free of javafx.scene").doesNotContain("import javafx.scene");
      }
    }
  }

  @Test
  void onlyTheTaskRunnerCallsRunLater() throws IOException {
    for (Path file : sources()) {
      if (!file.getFileName().toString().equals("FxTaskRunner.java")) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("runLater(");
      }
    }
  }

  @Test
  void platformSpecificsLiveInWorkstation() throws IOException {
    for (Path file : sources()) {
      if (!file.getFileName().toString().equals("Workstation.java")) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("os.name").doesNotContain("APPDATA");
      }
    }
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        assertThat(dir.resolve("package-info.java")).as("package-info in " + dir).exists();
      }
    }
  }

  @Test
  void eachFeatureHasItsFxmlViewNextToItsController() {
    for (String view : List.of("processes/ProcessListView", "logs/LogView", "detail/DescribeView", "detail/ChartsView",
        "hosts/HostListView", "actions/StartDialog", "workspace/Console")) {
      assertThat(Path.of("src/main/resources/io/gopm/console/" + view + ".fxml")).exists();
    }
  }
}
