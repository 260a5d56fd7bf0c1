package io.gopm.console.logs;

import java.util.ArrayList;
import java.util.List;

/** A log source the test drives by hand: it records each follow and its sink. */
final class FakeLogSource implements LogSource {

  /** One follow the view-model started. */
  static final class Follow implements AutoCloseable {
    final String process;
    final String stream;
    final Sink sink;
    boolean closed;

    Follow(String process, String stream, Sink sink) {
      this.process = process;
      this.stream = stream;
      this.sink = sink;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  final List<Follow> follows = new ArrayList<>();

  @Override
  public AutoCloseable follow(String process, String stream, int lines, Sink sink) {
    Follow follow = new Follow(process, stream, sink);
    follows.add(follow);
    return follow;
  }

  List<Follow> open() {
    return follows.stream().filter(f -> !f.closed).toList();
  }

  Follow last() {
    return follows.get(follows.size() - 1);
  }
}
