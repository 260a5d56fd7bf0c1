package io.gopm.console.hosts;

import io.gopm.console.connect.Target;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar: the open targets with their state, the selected one, and the field to add another.
 * Opening and closing targets is the workspace's job ({@link Hosts}). Used on the UI thread only.
 */
public final class HostListViewModel {

  /** What the sidebar asks of the workspace. */
  public interface Hosts {
    void open(Target target);

    void close(HostItem host);

    void retry(HostItem host);
  }

  private final ObservableList<HostItem> hosts = FXCollections.observableArrayList();
  private final ObjectProperty<HostItem> selected = new SimpleObjectProperty<>(this, "selected");
  private final StringProperty newTarget = new SimpleStringProperty(this, "newTarget", "");
  private final ReadOnlyStringWrapper addError = new ReadOnlyStringWrapper(this, "addError", "");
  private Hosts actions;

  public void setActions(Hosts actions) {
    this.actions = actions;
  }

  public ObservableList<HostItem> hosts() {
    return hosts;
  }

  public ObjectProperty<HostItem> selectedProperty() {
    return selected;
  }

  /** The text typed in the "add a target" field. */
  public StringProperty newTargetProperty() {
    return newTarget;
  }

  /** Why the typed target was refused, or empty. */
  public ReadOnlyStringProperty addErrorProperty() {
    return addError.getReadOnlyProperty();
  }

  /** The host of a target already open, if any. */
  public Optional<HostItem> find(Target target) {
    return hosts.stream().filter(host -> host.target().spec().equals(target.spec())).findFirst();
  }

  /** Adds the typed target (or selects it when it is open already); false with a message when it is not a target. */
  public boolean add() {
    Target target;
    try {
      target = Target.parse(newTarget.get());
    } catch (IllegalArgumentException e) {
      addError.set(e.getMessage());
      return false;
    }
    addError.set("");
    newTarget.set("");
    Optional<HostItem> open = find(target);
    if (open.isPresent()) {
      selected.set(open.get());
    } else {
      actions.open(target);
    }
    return true;
  }

  /** Closes the selected target. */
  public void removeSelected() {
    HostItem host = selected.get();
    if (host != null) {
      actions.close(host);
    }
  }

  /** Tries the selected target's connection again now. */
  public void retrySelected() {
    HostItem host = selected.get();
    if (host != null) {
      actions.retry(host);
    }
  }
}
