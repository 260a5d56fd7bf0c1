package io.gopm.daemon.rpc;

/**
 * What a handler knows about the call: who is calling, and hooks to run work after the response
 * has been written (a stream of notifications, or the daemon's shutdown after {@code kill}).
 * Belongs to one connection and its thread.
 */
public final class CallContext {

  /** Work that sends notifications until the client leaves. */
  @FunctionalInterface
  public interface StreamTask {
    void run(NotificationChannel channel) throws Exception;
  }

  private final Peer peer;
  private boolean protocolMismatch;
  private String clientName = "";
  private StreamTask stream;
  private Runnable afterResponse;

  CallContext(Peer peer) {
    this.peer = peer;
  }

  /**
   * The connecting process.
   *
   * @param uid its user ID
   * @param pid its process ID (for the audit trail)
   */
  public record Peer(long uid, long pid) {}

  public Peer peer() {
    return peer;
  }

  /** The name the client gave in its handshake, e.g. {@code cli}. */
  public String clientName() {
    return clientName;
  }

  void clientName(String name) {
    this.clientName = name == null ? "" : name;
  }

  boolean protocolMismatch() {
    return protocolMismatch;
  }

  /** Marks the connection as speaking another protocol: only hello, ping and kill still work. */
  public void markProtocolMismatch(String client) {
    this.protocolMismatch = true;
    clientName(client);
  }

  /** Accepts the client's handshake. */
  public void acceptClient(String client) {
    clientName(client);
  }

  /** Runs {@code task} on its own thread once the response is written, until the client leaves. */
  public void openStream(StreamTask task) {
    this.stream = task;
  }

  /** Runs {@code action} once the response is written (used by {@code kill}). */
  public void afterResponse(Runnable action) {
    this.afterResponse = action;
  }

  StreamTask takeStream() {
    StreamTask task = stream;
    stream = null;
    return task;
  }

  Runnable takeAfterResponse() {
    Runnable action = afterResponse;
    afterResponse = null;
    return action;
  }
}
