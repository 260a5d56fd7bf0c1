package io.gopm.console;

import io.gopm.console.task.FxTaskRunner;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: reads the launch options and shows a {@link Console}. */
public final class ConsoleApp extends Application {

  private Console console;

  @Override
  public void start(Stage stage) {
    LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
    console = Console.create(options, Workstation.current(), new FxTaskRunner(), Clock.systemDefaultZone(), stage::close);
    console.show(stage);
  }

  @Override
  public void stop() {
    if (console != null) {
      console.close();
    }
  }
}
