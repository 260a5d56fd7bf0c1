package io.gopm.console.detail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/** CPU and memory charts: a thin controller over {@link ChartsViewModel}. */
public final class ChartsView {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  @FXML private Label titleLabel;
  @FXML private Label noteLabel;
  @FXML private LineChart<Number, Number> cpuChart;
  @FXML private LineChart<Number, Number> memoryChart;

  private final ChartsViewModel model;
  private final ZoneId zone;
  private final XYChart.Series<Number, Number> cpu = new XYChart.Series<>();
  private final XYChart.Series<Number, Number> memory = new XYChart.Series<>();
  private boolean dirty;

  public ChartsView(ChartsViewModel model, ZoneId zone) {
    this.model = model;
    this.zone = zone;
  }

  @FXML
  private void initialize() {
    titleLabel.textProperty().bind(model.titleProperty());
    noteLabel.textProperty().bind(model.noteProperty());
    cpu.setName("CPU %");
    memory.setName("Memory MB");
    prepare(cpuChart, cpu);
    prepare(memoryChart, memory);
    model.points().addListener((ListChangeListener<ChartPoint>) change -> redrawWhenShown());
    cpuChart.sceneProperty().addListener((obs, old, scene) -> watchAncestors());
    redraw();
  }

  /** Redraws now if the charts are on screen, else when they next are: a hidden chart costs nothing. */
  private void redrawWhenShown() {
    if (shown()) {
      redraw();
    } else {
      dirty = true;
    }
  }

  private boolean shown() {
    for (javafx.scene.Node node = cpuChart; node != null; node = node.getParent()) {
      if (!node.isVisible()) {
        return false;
      }
    }
    return cpuChart.getScene() != null;
  }

  private void watchAncestors() {
    for (javafx.scene.Node node = cpuChart.getParent(); node != null; node = node.getParent()) {
      node.visibleProperty().addListener((obs, old, visible) -> {
        if (visible && dirty && shown()) {
          redraw();
        }
      });
    }
  }

  private void prepare(LineChart<Number, Number> chart, XYChart.Series<Number, Number> series) {
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setLegendVisible(false);
    chart.getData().add(series);
    NumberAxis time = (NumberAxis) chart.getXAxis();
    time.setForceZeroInRange(false);
    time.setAutoRanging(true);
    time.setTickLabelFormatter(new StringConverter<>() {
      @Override
      public String toString(Number seconds) {
        return CLOCK.format(Instant.ofEpochSecond(seconds.longValue()).atZone(zone));
      }

      @Override
      public Number fromString(String text) {
        return 0;
      }
    });
  }

  private void redraw() {
    dirty = false;
    List<XYChart.Data<Number, Number>> cpuData = new ArrayList<>();
    List<XYChart.Data<Number, Number>> memoryData = new ArrayList<>();
    for (ChartPoint point : model.points()) {
      long seconds = point.at().getEpochSecond();
      cpuData.add(new XYChart.Data<>(seconds, point.cpu()));
      memoryData.add(new XYChart.Data<>(seconds, point.memory() / (1024.0 * 1024.0)));
    }
    cpu.getData().setAll(cpuData);
    memory.getData().setAll(memoryData);
  }
}
