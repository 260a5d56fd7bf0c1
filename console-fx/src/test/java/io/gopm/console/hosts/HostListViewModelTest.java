package io.gopm.console.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.console.connect.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostListViewModelTest {

  private final HostListViewModel model = new HostListViewModel();
  private final List<String> calls = new ArrayList<>();

  {
    model.setActions(new HostListViewModel.Hosts() {
      @Override
      public void open(Target target) {
        calls.add("open " + target.spec());
        HostItem host = new HostItem(target);
        model.hosts().add(host);
        model.selectedProperty().set(host);
      }

      @Override
      public void close(HostItem host) {
        calls.add("close " + host.target().spec());
      }

      @Override
      public void retry(HostItem host) {
        calls.add("retry " + host.target().spec());
      }
    });
  }

  @Test
  void aTypedTargetIsOpenedAndTheFieldCleared() {
    model.newTargetProperty().set("ssh://deploy@web1");

    assertThat(model.add()).isTrue();

    assertThat(calls).containsExactly("open ssh://deploy@web1");
    assertThat(model.newTargetProperty().get()).isEmpty();
  }

  @Test
  void aTargetAlreadyOpenIsSelectedNotOpenedTwice() {
    model.newTargetProperty().set("local");
    model.add();
    model.newTargetProperty().set("ssh://web1");
    model.add();

    model.newTargetProperty().set(" local ");
    model.add();

    assertThat(calls).containsExactly("open local", "open ssh://web1");
    assertThat(model.selectedProperty().get().target()).isEqualTo(new Target.Local());
  }

  @Test
  void aMistakeIsExplainedAndNothingOpened() {
    model.newTargetProperty().set("tcp://10.1.1.1:7000");

    assertThat(model.add()).isFalse();

    assertThat(calls).isEmpty();
    assertThat(model.addErrorProperty().get()).contains("use ssh://10.1.1.1");
    assertThat(model.newTargetProperty().get()).isEqualTo("tcp://10.1.1.1:7000");
  }

  @Test
  void retryAndCloseActOnTheSelection() {
    model.retrySelected();
    model.newTargetProperty().set("local");
    model.add();
    model.retrySelected();
    model.removeSelected();

    assertThat(calls).containsExactly("open local", "retry local", "close local");
  }
}
