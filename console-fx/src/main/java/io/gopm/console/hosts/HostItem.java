package io.gopm.console.hosts;

import io.gopm.console.connect.ConnectionStatus;
import io.gopm.console.connect.Target;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One target in the sidebar, with its connection status (updated on the UI thread). */
public final class HostItem {

  private final Target target;
  private final ObjectProperty<ConnectionStatus> status =
      new SimpleObjectProperty<>(this, "status", ConnectionStatus.connecting());

  public HostItem(Target target) {
    this.target = target;
  }

  public Target target() {
    return target;
  }

  public ObjectProperty<ConnectionStatus> statusProperty() {
    return status;
  }

  @Override
  public String toString() {
    return target.label() + " (" + status.get().describe() + ")";
  }
}
