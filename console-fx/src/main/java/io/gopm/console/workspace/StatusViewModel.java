package io.gopm.console.workspace;

import io.gopm.console.actions.ActionMessage;
import io.gopm.console.connect.ConnectionState;
import io.gopm.console.connect.ConnectionStatus;
import io.gopm.protocol.model.PingResult;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The status bar: the selected target's connection state, its daemon (PID, version, uptime), what
 * carries the connection, and the last action's outcome. Used on the UI thread only.
 */
public final class StatusViewModel {

  private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(this, "state");
  private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "no target");
  private final ReadOnlyStringWrapper daemon = new ReadOnlyStringWrapper(this, "daemon", "");
  private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper(this, "link", "");
  private final ObjectProperty<ActionMessage> message = new SimpleObjectProperty<>(this, "message", ActionMessage.ok(""));
  private int daemonPid;

  public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** {@code web1: connected} or {@code web1: reconnecting: the daemon closed the connection}. */
  public ReadOnlyStringProperty connectionProperty() {
    return connection.getReadOnlyProperty();
  }

  /** {@code daemon PID 1150 · v0.1.0 · up 4d 12h}. */
  public ReadOnlyStringProperty daemonProperty() {
    return daemon.getReadOnlyProperty();
  }

  /** {@code ssh tunnel to deploy@web1:/home/deploy/.gopm/gopm.sock}. */
  public ReadOnlyStringProperty linkProperty() {
    return link.getReadOnlyProperty();
  }

  public ObjectProperty<ActionMessage> messageProperty() {
    return message;
  }

  /** The PID of the daemon last seen, 0 when none. */
  public int daemonPid() {
    return daemonPid;
  }

  public void connection(String target, ConnectionStatus status, String linkDescription) {
    state.set(status.state());
    connection.set(target + ": " + status.describe());
    link.set(linkDescription);
  }

  public void daemon(PingResult ping) {
    daemonPid = ping.pid();
    daemon.set("daemon PID " + ping.pid() + " · v" + ping.version() + " · up " + ping.uptime());
  }

  public void clear() {
    state.set(null);
    connection.set("no target");
    daemon.set("");
    link.set("");
    daemonPid = 0;
  }
}
