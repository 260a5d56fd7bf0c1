package io.gopm.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.console.Console;
import io.gopm.console.LaunchOptions;
import io.gopm.console.Workstation;
import io.gopm.console.connect.ConnectionState;
import io.gopm.console.connect.Target;
import io.gopm.console.hosts.HostItem;
import io.gopm.console.task.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console in a window of the headless toolkit (Monocle), built by the real composition root
 * with a settings file of its own; {@link #robot} types and clicks as a user would.
 */
final class ConsoleWindow implements AutoCloseable {

  final FxRobot robot = new FxRobot();
  final Stage stage;
  final Console console;
  /** Every connection state the first target went through, in order. */
  final List<ConnectionState> states = new CopyOnWriteArrayList<>();

  private ConsoleWindow(Stage stage, Console console) {
    this.stage = stage;
    this.console = console;
  }

  /** Starts the toolkit once per JVM; fails under CI and skips elsewhere when it cannot start. */
  static void requireToolkit() {
    try {
      FxToolkit.registerPrimaryStage();
    } catch (Throwable e) {
      Requirement.missing("the JavaFX toolkit (Monocle, headless) did not start: " + e);
    }
  }

  /** Opens the console on {@code args} (targets and options), with its settings in {@code settings}. */
  static ConsoleWindow open(Path settings, String... args) throws Exception {
    List<String> arguments = new java.util.ArrayList<>(List.of("--settings", settings.toString(), "--interval", "500ms"));
    arguments.addAll(List.of(args));
    LaunchOptions options = LaunchOptions.parse(arguments);
    Stage stage = FxToolkit.registerStage(Stage::new);
    Console[] made = new Console[1];
    FxToolkit.setupFixture(() -> {
      made[0] = Console.create(options, Workstation.current(), new FxTaskRunner(), Clock.systemDefaultZone(), () -> {});
      made[0].show(stage);
      stage.toFront();
    });
    ConsoleWindow window = new ConsoleWindow(stage, made[0]);
    window.fx(() -> {
      HostItem first = made[0].viewModel().hosts().hosts().get(0);
      window.states.add(first.statusProperty().get().state());
      first.statusProperty().addListener((obs, old, status) -> window.states.add(status.state()));
      return null;
    });
    return window;
  }

  /** Runs {@code read} on the FX thread and returns its result. */
  <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("on the FX thread: " + e, e);
    }
  }

  /** The names in the process table, as shown. */
  List<String> tableNames() {
    return fx(() -> console.viewModel().processes().visibleRows().stream().map(r -> r.name()).toList());
  }

  ConnectionState state() {
    return fx(() -> console.viewModel().hosts().selectedProperty().get().statusProperty().get().state());
  }

  String text(String query) {
    return fx(() -> {
      Node node = robot.lookup(query).query();
      if (node instanceof javafx.scene.control.Labeled labeled) {
        return labeled.getText();
      }
      if (node instanceof javafx.scene.control.TextInputControl input) {
        return input.getText();
      }
      return String.valueOf(node);
    });
  }

  /** Clicks the row of {@code name} in the process table, as a user would, and waits until it is selected. */
  @SuppressWarnings("unchecked")
  void select(String name) {
    javafx.geometry.Point2D point = fx(() -> {
      javafx.scene.control.TableView<io.gopm.console.processes.ProcessRow> table = robot.lookup("#process-table").query();
      int index = -1;
      for (int i = 0; i < table.getItems().size(); i++) {
        if (table.getItems().get(i).name().equals(name)) {
          index = i;
        }
      }
      assertThat(index).as(name + " in the table").isNotNegative();
      table.scrollTo(index);
      table.layout();
      javafx.scene.control.skin.VirtualFlow<javafx.scene.control.IndexedCell<?>> flow =
          (javafx.scene.control.skin.VirtualFlow<javafx.scene.control.IndexedCell<?>>) table.lookup(".virtual-flow");
      javafx.scene.control.IndexedCell<?> row = flow.getVisibleCell(index);
      assertThat(row).as("row " + index + " on screen").isNotNull();
      javafx.geometry.Bounds bounds = row.localToScreen(row.getBoundsInLocal());
      return new javafx.geometry.Point2D(bounds.getMinX() + Math.min(120, bounds.getWidth() / 2), bounds.getCenterY());
    });
    robot.clickOn(point);
    GopmDaemon.await(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(fx(() -> console.viewModel().processes().selectedNameProperty().get())).as("selected after a click at " + point).isEqualTo(name));
  }

  /** Writes a PNG of the window (or of {@code scene}) for the documentation. */
  void screenshot(Scene scene, String file) throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    BufferedImage image = fx(() -> {
      WritableImage shot = scene.snapshot(null);
      PixelReader pixels = shot.getPixelReader();
      int width = (int) shot.getWidth();
      int height = (int) shot.getHeight();
      int[] argb = new int[width * height];
      pixels.getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
      BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      out.setRGB(0, 0, width, height, argb, 0, width);
      return out;
    });
    String dir = System.getProperty("gopm.docs.images");
    Path target = dir == null ? Path.of("target/images") : Path.of(dir);
    Files.createDirectories(target);
    Path png = target.resolve(file);
    assertThat(ImageIO.write(image, "png", png.toFile())).as("PNG writer available").isTrue();
  }

  /** Puts {@code text} into the text field {@code query} at once (long paths take a robot seconds to type). */
  void fill(String query, String text) {
    fx(() -> {
      javafx.scene.control.TextInputControl field = robot.lookup(query).query();
      field.setText(text);
      field.requestFocus();
      field.end();
      return null;
    });
  }

  /** Whether the first target is connected and its table live. */
  boolean live() {
    return state() == ConnectionState.CONNECTED && !fx(() -> console.viewModel().processes().staleProperty().get());
  }

  static Target target(String spec) {
    return Target.parse(spec);
  }

  @Override
  public void close() throws java.util.concurrent.TimeoutException {
    FxToolkit.setupFixture(() -> {
      stage.close();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }
}
