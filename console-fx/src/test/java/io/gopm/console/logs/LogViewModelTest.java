package io.gopm.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewModelTest {

  private final FakeLogSource source = new FakeLogSource();
  private final LogViewModel model = new LogViewModel(100);

  private static List<LogEntry> lines(String stream, int from, int to) {
    List<LogEntry> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(LogEntry.line(stream, "2026-02-05T12:00:" + String.format("%02d", i % 60) + ".000Z line " + i));
    }
    return out;
  }

  private List<String> texts() {
    return model.lines().stream().map(LogEntry::text).toList();
  }

  @Test
  void showingAProcessFollowsItsStdoutStartingWithItsLastLines() {
    model.show(source, "api");

    assertThat(source.open()).extracting(f -> f.process + "/" + f.stream).containsExactly("api/out");
    source.last().sink.initial("out", List.of("2026-02-05T12:00:00.000Z hello"));
    source.last().sink.lines(lines("out", 1, 2));

    assertThat(texts()).containsExactly(
        "2026-02-05T12:00:00.000Z hello", "2026-02-05T12:00:01.000Z line 1", "2026-02-05T12:00:02.000Z line 2");
    assertThat(model.titleProperty().get()).isEqualTo("api: stdout");
  }

  @Test
  void eCyclesStdoutStderrAndBothRestartingTheFollows() {
    model.show(source, "api");

    model.cycleStreams();
    assertThat(source.open()).extracting(f -> f.stream).containsExactly("err");
    model.cycleStreams();
    assertThat(source.open()).extracting(f -> f.stream).containsExactly("out", "err");
    assertThat(model.titleProperty().get()).isEqualTo("api: stdout + stderr");
    model.cycleStreams();
    assertThat(source.open()).extracting(f -> f.stream).containsExactly("out");
    assertThat(source.follows).hasSize(5);
  }

  @Test
  void bothStreamsAreInterleavedByTime() {
    model.streamsProperty().set(LogStreams.BOTH);
    model.show(source, "api");
    FakeLogSource.Follow out = source.open().get(0);
    FakeLogSource.Follow err = source.open().get(1);

    out.sink.initial("out", List.of("2026-02-05T12:00:01.000Z o1", "2026-02-05T12:00:03.000Z o3"));
    err.sink.initial("err", List.of("2026-02-05T12:00:02.000Z e2", "2026-02-05T12:00:04.000Z e4"));

    assertThat(texts()).containsExactly(
        "2026-02-05T12:00:01.000Z o1", "2026-02-05T12:00:02.000Z e2", "2026-02-05T12:00:03.000Z o3", "2026-02-05T12:00:04.000Z e4");
    assertThat(model.lines().get(1).stream()).isEqualTo("err");
  }

  @Test
  void thePaneKeepsOnlyItsCapacity() {
    model.show(source, "flood");

    source.last().sink.lines(lines("out", 1, 150));
    source.last().sink.lines(lines("out", 151, 400));

    assertThat(model.lines()).hasSize(100);
    assertThat(texts().get(99)).endsWith("line 400");
    assertThat(model.noticeProperty().get()).contains("showing the last 100 lines");
  }

  @Test
  void skippedLinesAreSaidAndCounted() {
    model.show(source, "flood");

    source.last().sink.lines(List.of(LogEntry.skipped(1234), LogEntry.line("out", "after")));
    source.last().sink.lines(List.of(LogEntry.skipped(6)));

    assertThat(texts()).first().asString().contains("1234 lines skipped");
    assertThat(model.noticeProperty().get()).startsWith("1240 lines skipped");
  }

  @Test
  void pausingHoldsNewLinesBoundedAndResumingShowsThem() {
    model.show(source, "api");
    source.last().sink.lines(lines("out", 1, 3));

    model.toggleFollowing();
    source.last().sink.lines(lines("out", 4, 5));
    assertThat(model.lines()).hasSize(3);
    assertThat(model.noticeProperty().get()).contains("paused, 2 new");

    source.last().sink.lines(lines("out", 6, 300));
    assertThat(model.noticeProperty().get()).contains("paused, 99 new (+198 dropped)");

    model.toggleFollowing();
    assertThat(model.lines()).hasSize(100);
    assertThat(texts()).anyMatch(t -> t.contains("198 lines skipped"));
    assertThat(texts().get(99)).endsWith("line 300");
  }

  @Test
  void searchCountsFindsAndWrapsCaseInsensitively() {
    model.show(source, "api");
    source.last().sink.lines(List.of(
        LogEntry.line("out", "GET /health 200"), LogEntry.line("out", "POST /login 500"), LogEntry.line("out", "get /health 200")));

    model.searchProperty().set("health");

    assertThat(model.matchCountProperty().get()).isEqualTo(2);
    assertThat(model.findNext(-1)).isZero();
    assertThat(model.findNext(0)).isEqualTo(2);
    assertThat(model.findNext(2)).isZero();
    assertThat(model.findPrevious(0)).isEqualTo(2);
    assertThat(model.matches(model.lines().get(1))).isFalse();
    model.searchProperty().set("nothing");
    assertThat(model.findNext(0)).isEqualTo(-1);
  }

  @Test
  void copyTakesTheSelectedLinesOrEverything() {
    model.show(source, "api");
    source.last().sink.lines(List.of(LogEntry.line("out", "a"), LogEntry.line("out", "b"), LogEntry.line("out", "c")));

    assertThat(model.text(List.of(2, 0))).isEqualTo("a\nc\n");
    assertThat(model.text(List.of())).isEqualTo("a\nb\nc\n");
  }

  @Test
  void anotherProcessClosesTheFollowsAndIgnoresLateLines() {
    model.show(source, "api");
    FakeLogSource.Follow api = source.last();

    model.show(source, "worker");
    api.sink.lines(List.of(LogEntry.line("out", "late line of api")));

    assertThat(api.closed).isTrue();
    assertThat(model.lines()).isEmpty();
  }

  @Test
  void anEndedFollowIsSaidAndRestartedWhenTheConnectionIsBack() {
    model.show(source, "api");
    source.last().sink.ended("out", "lost the connection to the daemon");
    assertThat(model.noticeProperty().get()).contains("not following: lost the connection");

    model.reconnected();

    assertThat(source.open()).hasSize(1);
    assertThat(source.follows).hasSize(2);
    assertThat(model.noticeProperty().get()).isEmpty();
  }

  @Test
  void stopShowsNothing() {
    model.show(source, "api");
    model.stop();

    assertThat(source.open()).isEmpty();
    assertThat(model.process()).isNull();
    assertThat(model.titleProperty().get()).isEqualTo("No process selected");
  }
}
