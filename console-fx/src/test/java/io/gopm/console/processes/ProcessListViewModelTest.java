package io.gopm.console.processes;

import static io.gopm.console.Processes.NOW;
import static io.gopm.console.Processes.errored;
import static io.gopm.console.Processes.online;
import static io.gopm.console.Processes.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class ProcessListViewModelTest {

  private final ProcessListViewModel model = new ProcessListViewModel();

  private List<String> names() {
    return model.visibleRows().stream().map(ProcessRow::name).toList();
  }

  @Test
  void rowsShowTheFiguresAsGopmListDoes() {
    model.update(List.of(online(0, "api", 12.34, 25_296_896, 8_100), stopped(1, "worker")), NOW);

    ProcessRow api = model.find("api").orElseThrow();
    assertThat(api.cpuText()).isEqualTo("12.3%");
    assertThat(api.memoryText()).isEqualTo("24.1 MB");
    assertThat(api.uptimeText()).isEqualTo("2h 15m");
    assertThat(api.pidText()).isEqualTo("1000");
    assertThat(api.ports()).isEqualTo("tcp@127.0.0.1:800");
    ProcessRow worker = model.find("worker").orElseThrow();
    assertThat(worker.pidText()).isEqualTo("-");
    assertThat(worker.memoryText()).isEqualTo("-");
    assertThat(model.summaryProperty().get()).isEqualTo("2 processes (1 online)");
  }

  @Test
  void theFilterMatchesPartOfANameAnIdOrAStatus() {
    model.update(List.of(online(0, "api", 1, 1, 1), online(1, "api-2", 1, 1, 1), stopped(2, "worker"), errored(3, "cron")), NOW);

    model.filterProperty().set("API");
    assertThat(names()).containsExactly("api", "api-2");
    assertThat(model.summaryProperty().get()).isEqualTo("2 of 4 processes (2 online)");

    model.filterProperty().set("2");
    assertThat(names()).containsExactly("api-2", "worker");

    model.filterProperty().set("errored");
    assertThat(names()).containsExactly("cron");

    model.filterProperty().set("");
    assertThat(names()).hasSize(4);
  }

  @Test
  void numbersSortByValueNotByText() {
    model.update(
        List.of(online(0, "small", 9.5, 9_961_472, 5), online(1, "big", 100, 10_485_760, 50), online(2, "mid", 10, 10_000_000, 500)),
        NOW);

    model.sortBy(ProcessColumn.MEMORY, false);
    assertThat(names()).containsExactly("small", "mid", "big");

    model.sortBy(ProcessColumn.CPU, true);
    assertThat(names()).containsExactly("big", "mid", "small");

    model.sortBy(ProcessColumn.UPTIME, true);
    assertThat(names()).containsExactly("mid", "big", "small");
  }

  @Test
  void statusSortsOnlineStoppedErroredAndNamesIgnoreCase() {
    model.update(List.of(errored(0, "b"), online(1, "C", 1, 1, 1), stopped(2, "a")), NOW);

    model.sortBy(ProcessColumn.STATUS, false);
    assertThat(names()).containsExactly("C", "a", "b");

    model.sortBy(ProcessColumn.NAME, false);
    assertThat(names()).containsExactly("a", "b", "C");

    model.comparatorProperty().set(null);
    assertThat(names()).containsExactly("b", "C", "a");
  }

  @Test
  void anUpdateTouchesOnlyRowsThatChanged() {
    model.update(List.of(online(0, "api", 1, 1, 1), stopped(1, "worker")), NOW);
    int[] replaced = new int[1];
    model.allRows().addListener((ListChangeListener<ProcessRow>) change -> {
      while (change.next()) {
        replaced[0] += change.getAddedSize();
      }
    });

    model.update(List.of(online(0, "api", 2, 1, 1), stopped(1, "worker")), NOW);

    assertThat(replaced[0]).isEqualTo(1);
  }

  @Test
  void theSelectionFollowsTheNameAndGoesWhenTheProcessGoes() {
    model.update(List.of(online(0, "api", 1, 1, 1), stopped(1, "worker")), NOW);
    model.selectedNameProperty().set("worker");

    model.update(List.of(online(0, "api", 1, 1, 1), online(1, "worker", 1, 1, 1)), NOW);
    assertThat(model.selected()).map(ProcessRow::name).contains("worker");

    model.update(List.of(online(0, "api", 1, 1, 1)), NOW);
    assertThat(model.selectedNameProperty().get()).isNull();
  }

  @Test
  void upAndDownMoveThroughTheVisibleRows() {
    model.update(List.of(online(0, "a", 1, 1, 1), online(1, "b", 1, 1, 1), online(2, "c", 1, 1, 1)), NOW);

    model.moveSelection(1);
    assertThat(model.selectedNameProperty().get()).isEqualTo("a");
    model.moveSelection(1);
    model.moveSelection(1);
    model.moveSelection(1);
    assertThat(model.selectedNameProperty().get()).isEqualTo("c");
    model.moveSelection(-1);
    assertThat(model.selectedNameProperty().get()).isEqualTo("b");
  }

  @Test
  void rowsAreStaleUntilTheConnectionSaysOtherwise() {
    assertThat(model.staleProperty().get()).isTrue();
  }
}
