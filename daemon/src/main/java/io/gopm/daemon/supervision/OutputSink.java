package io.gopm.daemon.supervision;

/**
 * Where a child's output stream goes. Called by one thread at a time per stream (the launcher's
 * capture thread, or a pump thread per stream with the JDK launcher); implementations do their own
 * synchronisation if they share state.
 */
public interface OutputSink {

  /** Bytes read from the child, in order; the array is reused after the call returns. */
  void accept(byte[] buffer, int offset, int length);

  /** The stream reached its end (or failed); flush anything buffered. */
  void endOfStream();
}
