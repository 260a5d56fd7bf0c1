package io.gopm.cli.tui;

import static io.gopm.cli.tui.Fixtures.PING;
import static io.gopm.cli.tui.Fixtures.four;
import static io.gopm.cli.tui.Fixtures.online;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.protocol.model.ProcessInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TuiModelTest {

  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.NOW);
  private final TuiModel model = Fixtures.model(clock);

  private Optional<DaemonAction> press(Key.Kind kind) {
    return model.handle(Key.of(kind));
  }

  private Optional<DaemonAction> type(String text) {
    Optional<DaemonAction> last = Optional.empty();
    for (char c : text.toCharArray()) {
      last = model.handle(Key.typed(c));
    }
    return last;
  }

  // ---- selection ----

  @Test
  void theFirstProcessIsSelectedAndArrowsMoveTheSelection() {
    model.snapshot(four(), PING);
    assertThat(model.selected()).isEqualTo("api");

    press(Key.Kind.DOWN);
    press(Key.Kind.DOWN);
    assertThat(model.selected()).isEqualTo("cron");
    press(Key.Kind.UP);
    assertThat(model.selected()).isEqualTo("worker");
    type("j");
    assertThat(model.selected()).isEqualTo("cron");
    type("k");
    assertThat(model.selected()).isEqualTo("worker");
  }

  @Test
  void theSelectionStopsAtBothEnds() {
    model.snapshot(four(), PING);
    press(Key.Kind.UP);
    assertThat(model.selected()).isEqualTo("api");
    for (int i = 0; i < 10; i++) {
      press(Key.Kind.DOWN);
    }
    assertThat(model.selected()).isEqualTo("proxy");
    assertThat(model.selectedRow()).isEqualTo(3);
    press(Key.Kind.HOME);
    assertThat(model.selected()).isEqualTo("api");
    press(Key.Kind.END);
    assertThat(model.selected()).isEqualTo("proxy");
  }

  @Test
  void pageKeysMoveByTheRowsThePaneShows() {
    model.snapshot(Fixtures.many(30), PING);
    model.viewport(8, 10);
    press(Key.Kind.PAGE_DOWN);
    assertThat(model.selected()).isEqualTo("app-8");
    press(Key.Kind.PAGE_DOWN);
    press(Key.Kind.PAGE_DOWN);
    press(Key.Kind.PAGE_DOWN);
    assertThat(model.selected()).isEqualTo("app-29");
    press(Key.Kind.PAGE_UP);
    assertThat(model.selected()).isEqualTo("app-21");
  }

  @Test
  void aRefreshKeepsTheSelectedNameWhereverItMoved() {
    model.snapshot(four(), PING);
    press(Key.Kind.DOWN); // worker
    model.snapshot(List.of(online(5, "new"), online(0, "api"), online(1, "worker")), PING);
    assertThat(model.selected()).isEqualTo("worker");
    assertThat(model.selectedRow()).isEqualTo(2);
  }

  @Test
  void whenTheSelectedProcessGoesItsNeighbourIsSelected() {
    model.snapshot(four(), PING);
    press(Key.Kind.DOWN);
    press(Key.Kind.DOWN); // cron, row 2
    model.snapshot(List.of(online(0, "api"), online(1, "worker"), online(3, "proxy")), PING);
    assertThat(model.selected()).isEqualTo("proxy");
    model.snapshot(List.of(online(0, "api")), PING);
    assertThat(model.selected()).isEqualTo("api");
    model.snapshot(List.of(), PING);
    assertThat(model.selected()).isNull();
    assertThat(model.selectedProcess()).isEmpty();
    assertThat(press(Key.Kind.DOWN)).isEmpty();
  }

  @Test
  void keysThatActOnTheSelectionSayWhenThereIsNone() {
    model.snapshot(List.of(), PING);
    assertThat(type("t")).isEmpty();
    assertThat(model.status().text()).isEqualTo("no process selected");
    assertThat(model.status().error()).isTrue();
    assertThat(type("d")).isEmpty();
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
    assertThat(press(Key.Kind.ENTER)).isEmpty();
  }

  // ---- actions ----

  @Test
  void stopRestartAndFlushActOnTheSelectedProcessAtOnce() {
    model.snapshot(four(), PING);
    press(Key.Kind.DOWN);
    assertThat(type("t")).contains(new DaemonAction.Stop("worker"));
    assertThat(model.status().text()).isEqualTo("stopping worker…");
    assertThat(type("r")).contains(new DaemonAction.Restart("worker"));
    assertThat(model.status().text()).isEqualTo("restarting worker…");
    assertThat(type("f")).contains(new DaemonAction.Flush("worker"));
    assertThat(model.status().text()).isEqualTo("flushing worker…");
  }

  @Test
  void enterAsksForTheDetailWhichOpensAndClosesTheOverlay() {
    model.snapshot(four(), PING);
    assertThat(press(Key.Kind.ENTER)).contains(new DaemonAction.Describe("api"));
    model.showDetail(four().get(0));
    assertThat(model.overlay()).isEqualTo(new Overlay.Detail(four().get(0)));

    assertThat(type("t")).as("keys other than esc, enter and q do nothing in the overlay").isEmpty();
    press(Key.Kind.ESCAPE);
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);

    model.showDetail(four().get(0));
    press(Key.Kind.ENTER);
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
  }

  @Test
  void aDetailTallerThanTheScreenScrollsWithinItsRows() {
    model.snapshot(four(), PING);
    model.detailViewport(5);
    model.showDetail(four().get(0));
    int rows = new DetailBox(four().get(0), model.now()).rows().size();

    press(Key.Kind.DOWN);
    assertThat(((Overlay.Detail) model.overlay()).first()).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      press(Key.Kind.DOWN);
    }
    assertThat(((Overlay.Detail) model.overlay()).first()).as("the last page, not beyond").isEqualTo(rows - 5);
    press(Key.Kind.PAGE_UP);
    assertThat(((Overlay.Detail) model.overlay()).first()).isEqualTo(rows - 10);
    press(Key.Kind.HOME);
    assertThat(((Overlay.Detail) model.overlay()).first()).isZero();
    press(Key.Kind.UP);
    assertThat(((Overlay.Detail) model.overlay()).first()).isZero();
    press(Key.Kind.END);
    model.snapshot(four(), PING);
    assertThat(((Overlay.Detail) model.overlay()).first()).as("kept through a refresh").isEqualTo(rows - 5);
  }

  @Test
  void theDetailFollowsTheProcessThroughRefreshes() {
    model.snapshot(four(), PING);
    model.showDetail(four().get(1));
    ProcessInfo restarted = Fixtures.stopped(1, "worker");
    model.snapshot(List.of(four().get(0), restarted), PING);
    assertThat(model.overlay()).isEqualTo(new Overlay.Detail(restarted));
  }

  @Test
  void outcomesOfActionsAreReportedOnTheStatusLineAndExpire() {
    model.snapshot(four(), PING);
    model.actionDone(new DaemonAction.Restart("api"), "PID 99");
    assertThat(model.status().text()).isEqualTo("restart api: OK (PID 99)");
    model.actionFailed(new DaemonAction.Stop("api"), "process \"api\" not found");
    assertThat(model.status().text()).isEqualTo("stop api failed: process \"api\" not found");
    assertThat(model.status().error()).isTrue();

    clock.advance(TuiModel.STATUS_TIME.minusMillis(1));
    assertThat(model.tick()).isFalse();
    assertThat(model.status()).isNotNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(model.tick()).isTrue();
    assertThat(model.status()).isNull();
  }

  // ---- delete confirmation ----

  @Test
  void deleteAsksFirstAndOnlyYDeletes() {
    model.snapshot(four(), PING);
    press(Key.Kind.DOWN);
    assertThat(type("d")).isEmpty();
    assertThat(model.overlay()).isEqualTo(new Overlay.ConfirmDelete("worker"));

    assertThat(type("y")).contains(new DaemonAction.Delete("worker"));
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
    assertThat(model.status().text()).isEqualTo("deleting worker…");

    type("d");
    assertThat(type("Y")).contains(new DaemonAction.Delete("worker"));
  }

  @Test
  void anyOtherAnswerKeepsTheProcess() {
    model.snapshot(four(), PING);
    for (Key answer : List.of(Key.typed('n'), Key.typed('N'), Key.of(Key.Kind.ENTER), Key.of(Key.Kind.ESCAPE), Key.typed('q'), Key.typed('d'))) {
      type("d");
      assertThat(model.handle(answer)).as("answer %s", answer).isEmpty();
      assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
      assertThat(model.status().text()).isEqualTo("delete cancelled");
      assertThat(model.quitRequested()).as("q answers the question, it does not quit").isFalse();
    }
  }

  // ---- quitting ----

  @Test
  void qCtrlCAndTheEndOfInputQuit() {
    type("q");
    assertThat(model.quitRequested()).isTrue();
    for (Key.Kind kind : List.of(Key.Kind.CTRL_C, Key.Kind.EOF)) {
      TuiModel other = Fixtures.model();
      other.handle(Key.of(kind));
      assertThat(other.quitRequested()).isTrue();
    }
  }

  @Test
  void ctrlCQuitsFromEveryOverlay() {
    model.snapshot(four(), PING);
    for (String opener : List.of("s", "/", "d")) {
      TuiModel other = Fixtures.model();
      other.snapshot(four(), PING);
      other.handle(Key.typed(opener.charAt(0)));
      assertThat(other.overlay()).isNotInstanceOf(Overlay.None.class);
      other.handle(Key.of(Key.Kind.CTRL_C));
      assertThat(other.quitRequested()).as("after %s", opener).isTrue();
    }
    model.showDetail(four().get(0));
    type("q");
    assertThat(model.quitRequested()).isTrue();
  }

  // ---- filter ----

  @Test
  void theFilterNarrowsTheListAsItIsTyped() {
    model.snapshot(four(), PING);
    type("/");
    assertThat(model.overlay()).isInstanceOf(Overlay.FilterPrompt.class);
    type("r");
    assertThat(model.visible()).extracting(ProcessInfo::name).containsExactly("worker", "cron", "proxy");
    type("O");
    assertThat(model.visible()).extracting(ProcessInfo::name).containsExactly("cron", "proxy");
    assertThat(model.selected()).as("api is filtered out: the first match is selected").isEqualTo("cron");
    press(Key.Kind.BACKSPACE);
    assertThat(model.filter()).isEqualTo("r");
    press(Key.Kind.ENTER);
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
    assertThat(model.filter()).isEqualTo("r");
    assertThat(model.visible()).hasSize(3);
  }

  @Test
  void theSelectionStaysWhenItStillMatches() {
    model.snapshot(four(), PING);
    press(Key.Kind.END); // proxy
    type("/pro");
    assertThat(model.selected()).isEqualTo("proxy");
    press(Key.Kind.ESCAPE);
    assertThat(model.filter()).isEmpty();
    assertThat(model.selected()).isEqualTo("proxy");
    assertThat(model.visible()).hasSize(4);
  }

  @Test
  void lettersInTheFilterAreTextNotCommands() {
    model.snapshot(four(), PING);
    assertThat(type("/tqdrs")).isEmpty();
    assertThat(model.filter()).isEqualTo("tqdrs");
    assertThat(model.quitRequested()).isFalse();
    assertThat(model.visible()).isEmpty();
    assertThat(model.selected()).isNull();
    press(Key.Kind.CLEAR_LINE);
    assertThat(model.filter()).isEmpty();
    assertThat(model.selected()).isEqualTo("api");
  }

  @Test
  void arrowsMoveWithinTheFilteredRowsWhileTyping() {
    model.snapshot(four(), PING);
    type("/r");
    press(Key.Kind.DOWN);
    assertThat(model.selected()).isEqualTo("cron");
    press(Key.Kind.DOWN);
    press(Key.Kind.DOWN);
    assertThat(model.selected()).isEqualTo("proxy");
  }

  @Test
  void escapeOutsideThePromptClearsAKeptFilter() {
    model.snapshot(four(), PING);
    type("/api");
    press(Key.Kind.ENTER);
    assertThat(model.visible()).hasSize(1);
    press(Key.Kind.ESCAPE);
    assertThat(model.visible()).hasSize(4);
  }

  @Test
  void newProcessesAreFilteredToo() {
    model.snapshot(four(), PING);
    type("/w");
    press(Key.Kind.ENTER);
    List<ProcessInfo> more = new ArrayList<>(four());
    more.add(online(4, "web"));
    model.snapshot(more, PING);
    assertThat(model.visible()).extracting(ProcessInfo::name).containsExactly("worker", "web");
  }

  // ---- start prompt ----

  @Test
  void sOpensThePromptAndEnterStartsWhatWasTyped() {
    model.snapshot(four(), PING);
    type("s");
    type("/bin/sleep 60");
    assertThat(model.overlay()).isEqualTo(new Overlay.StartPrompt("/bin/sleep 60", null));
    press(Key.Kind.BACKSPACE);
    Optional<DaemonAction> action = press(Key.Kind.ENTER);
    assertThat(action).get().isInstanceOf(DaemonAction.Start.class);
    assertThat(((DaemonAction.Start) action.get()).request().command()).isEqualTo("/bin/sleep 6");
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
    assertThat(model.status().text()).isEqualTo("starting /bin/sleep 6…");
  }

  @Test
  void aRefusedCommandLineKeepsThePromptOpenWithTheReason() {
    type("sbad");
    assertThat(press(Key.Kind.ENTER)).isEmpty();
    assertThat(model.overlay()).isEqualTo(new Overlay.StartPrompt("bad", "unknown command bad"));
    type("x");
    assertThat(model.overlay()).as("typing clears the error").isEqualTo(new Overlay.StartPrompt("badx", null));
    press(Key.Kind.CLEAR_LINE);
    assertThat(model.overlay()).isEqualTo(new Overlay.StartPrompt("", null));
    press(Key.Kind.ESCAPE);
    assertThat(model.overlay()).isInstanceOf(Overlay.None.class);
    assertThat(model.status().text()).isEqualTo("start cancelled");
  }

  @Test
  void aStartedProcessBecomesTheSelectionOnceListed() {
    model.snapshot(four(), PING);
    DaemonAction start = new DaemonAction.Start(io.gopm.protocol.model.StartRequest.of("/bin/x", "new", List.of()));
    model.selectWhenListed("new");
    model.actionDone(start, "new, PID 7");
    assertThat(model.status().text()).isEqualTo("start new: OK (new, PID 7)");
    assertThat(model.selected()).as("not listed yet").isEqualTo("api");
    List<ProcessInfo> more = new ArrayList<>(four());
    more.add(online(9, "new"));
    model.snapshot(more, PING);
    assertThat(model.selected()).isEqualTo("new");
    model.snapshot(four(), PING);
    model.snapshot(more, PING);
    assertThat(model.selected()).as("only once").isEqualTo("proxy");
  }

  @Test
  void movingTheSelectionForgetsAPendingOne() {
    model.snapshot(four(), PING);
    model.selectWhenListed("new");
    press(Key.Kind.DOWN);
    List<ProcessInfo> more = new ArrayList<>(four());
    more.add(online(9, "new"));
    model.snapshot(more, PING);
    assertThat(model.selected()).isEqualTo("worker");
  }

  // ---- focus, log pane, streams ----

  @Test
  void tabSwitchesFocusAndArrowsThenScrollTheLog() {
    model.snapshot(four(), PING);
    model.following(model.logSubscription());
    model.logTail(IntStream.range(0, 50).mapToObj(i -> "line " + i).toList());
    model.viewport(4, 10);
    press(Key.Kind.TAB);
    assertThat(model.focus()).isEqualTo(Pane.LOGS);

    press(Key.Kind.UP);
    press(Key.Kind.UP);
    assertThat(model.selected()).as("the selection stays").isEqualTo("api");
    assertThat(model.logScroll()).isEqualTo(2);
    assertThat(model.logWindow(10)).first().isEqualTo("line 38");
    press(Key.Kind.PAGE_UP);
    assertThat(model.logScroll()).isEqualTo(12);
    press(Key.Kind.HOME);
    assertThat(model.logScroll()).isEqualTo(40);
    assertThat(model.logWindow(10)).first().isEqualTo("line 0");
    press(Key.Kind.PAGE_UP);
    assertThat(model.logScroll()).as("no further back than the first line").isEqualTo(40);
    press(Key.Kind.PAGE_DOWN);
    press(Key.Kind.DOWN);
    assertThat(model.logScroll()).isEqualTo(29);
    press(Key.Kind.END);
    assertThat(model.logScroll()).isZero();
    assertThat(model.logWindow(10)).last().isEqualTo("line 49");

    press(Key.Kind.TAB);
    assertThat(model.focus()).isEqualTo(Pane.PROCESSES);
  }

  @Test
  void aScrolledBackPaneStaysOnItsLinesWhileNewOnesArrive() {
    model.snapshot(four(), PING);
    model.following(model.logSubscription());
    model.logTail(IntStream.range(0, 50).mapToObj(i -> "line " + i).toList());
    model.viewport(4, 10);
    press(Key.Kind.TAB);
    press(Key.Kind.PAGE_UP);
    List<String> before = model.logWindow(10);
    model.logLines(List.of("new 1", "new 2", "new 3"), 0);
    assertThat(model.logWindow(10)).isEqualTo(before);
    press(Key.Kind.END);
    assertThat(model.logWindow(10)).last().isEqualTo("new 3");
  }

  @Test
  void theLogPaneFollowsTheSelectionAndTheChosenStream() {
    model.snapshot(four(), PING);
    assertThat(model.logSubscription()).isEqualTo(new LogSubscription("api", LogStream.OUT));
    type("e");
    assertThat(model.logSubscription()).isEqualTo(new LogSubscription("api", LogStream.ERR));
    assertThat(model.status().text()).isEqualTo("logs: stderr");
    press(Key.Kind.DOWN);
    assertThat(model.logSubscription()).isEqualTo(new LogSubscription("worker", LogStream.ERR));
    type("e");
    assertThat(model.logSubscription()).isEqualTo(new LogSubscription("worker", LogStream.OUT));
  }

  @Test
  void lHidesAndShowsTheLogPaneAndAHiddenPaneFollowsNothing() {
    model.snapshot(four(), PING);
    press(Key.Kind.TAB);
    type("l");
    assertThat(model.logsVisible()).isFalse();
    assertThat(model.focus()).as("a hidden pane cannot keep the focus").isEqualTo(Pane.PROCESSES);
    assertThat(model.logSubscription()).isNull();
    press(Key.Kind.TAB);
    assertThat(model.focus()).isEqualTo(Pane.PROCESSES);
    assertThat(model.status().text()).contains("press l");
    type("l");
    assertThat(model.logsVisible()).isTrue();
    assertThat(model.logSubscription()).isEqualTo(new LogSubscription("api", LogStream.OUT));
  }

  @Test
  void aNewSubscriptionEmptiesTheBufferAndSkippedLinesAreShown() {
    model.snapshot(four(), PING);
    model.following(new LogSubscription("api", LogStream.OUT));
    model.logLines(List.of("a", "b"), 0);
    model.following(new LogSubscription("api", LogStream.OUT));
    assertThat(model.logLineCount()).as("the same subscription keeps its lines").isEqualTo(2);
    model.logLines(List.of("c"), 120);
    assertThat(model.logWindow(10)).containsExactly("a", "b", "[gopm] 120 lines skipped (output faster than the UI reads)", "c");
    model.following(new LogSubscription("worker", LogStream.OUT));
    assertThat(model.logLineCount()).isZero();
  }

  @Test
  void aFlushEmptiesThePaneOfThatProcess() {
    model.snapshot(four(), PING);
    model.following(new LogSubscription("api", LogStream.OUT));
    model.logLines(List.of("a", "b"), 0);
    model.actionDone(new DaemonAction.Flush("worker"), "");
    assertThat(model.logLineCount()).isEqualTo(2);
    model.actionDone(new DaemonAction.Flush("api"), "");
    assertThat(model.logLineCount()).isZero();
  }

  @Test
  void theLogBufferIsBoundedWhateverArrives() {
    model.snapshot(four(), PING);
    model.following(model.logSubscription());
    for (int i = 0; i < 5; i++) {
      model.logLines(IntStream.range(0, 1_000).mapToObj(n -> "x").toList(), 0);
    }
    assertThat(model.logLineCount()).isEqualTo(TuiModel.LOG_CAPACITY);
  }

  // ---- connection ----

  @Test
  void aLostDaemonKeepsTheLastListUntilItIsBack() {
    model.snapshot(four(), PING);
    model.disconnected("the daemon is not running");
    assertThat(model.connected()).isFalse();
    assertThat(model.disconnectedReason()).isEqualTo("the daemon is not running");
    assertThat(model.visible()).hasSize(4);
    model.snapshot(four().subList(0, 2), PING);
    assertThat(model.connected()).isTrue();
    assertThat(model.disconnectedReason()).isNull();
  }

  @Test
  void progressiveFormsOfTheVerbs() {
    assertThat(TuiModel.progressive("stop")).isEqualTo("stopping");
    assertThat(TuiModel.progressive("restart")).isEqualTo("restarting");
    assertThat(TuiModel.progressive("delete")).isEqualTo("deleting");
    assertThat(TuiModel.progressive("flush")).isEqualTo("flushing");
    assertThat(TuiModel.progressive("start")).isEqualTo("starting");
  }
}
