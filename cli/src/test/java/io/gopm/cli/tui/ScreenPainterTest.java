package io.gopm.cli.tui;

import static io.gopm.cli.tui.Fixtures.PING;
import static io.gopm.cli.tui.Fixtures.four;
import static org.assertj.core.api.Assertions.assertThat;

import io.gopm.cli.render.DisplayWidth;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScreenPainterTest {

  private final TuiModel model = Fixtures.model();
  private final ScreenPainter painter = new ScreenPainter("0.1.0", Duration.ofSeconds(1));

  private TextCanvas paint(int width, int height) {
    TextCanvas canvas = new TextCanvas(width, height);
    Layout layout = Layout.of(width, height, model.visible().size(), model.logsVisible());
    model.viewport(layout.processRows(), layout.logRows());
    painter.paint(model, layout, canvas);
    for (String row : canvas.rows()) {
      assertThat(DisplayWidth.of(row)).as("every row is exactly the screen's width: %s", row).isEqualTo(width);
    }
    return canvas;
  }

  private void withLogs(String... lines) {
    model.following(model.logSubscription());
    model.logTail(List.of(lines));
  }

  @Test
  void eightyByTwentyFourLooksLikeTheReadme() {
    model.snapshot(four(), PING);
    withLogs("2026-02-05T14:22:01.120Z request handled path=/api/v1/users status=200",
        "2026-02-05T14:22:03.004Z cache miss key=user:1234");

    TextCanvas screen = paint(80, 24);

    assertThat(screen.row(0)).startsWith("┌─ GoPM v0.1.0 ─").endsWith("─ daemon PID: 1150 ── uptime: 4d 12h ─┐");
    assertThat(screen.row(1)).startsWith("│ ╔═ Processes ═").endsWith("╗ │");
    assertThat(screen.row(2)).startsWith("│ ║ ▸ 0  api     online   PID 4521   CPU  0.3%  MEM  24.1 MB  ↻ 0");
    assertThat(screen.row(3)).startsWith("│ ║   1  worker  online   PID 4522 ");
    assertThat(screen.row(4)).startsWith("│ ║   2  cron    stopped  -          -          -             ↻ 2");
    assertThat(screen.row(5)).contains("proxy").contains("↻ 3");
    assertThat(screen.row(6)).startsWith("│ ╚═");
    assertThat(screen.row(7)).startsWith("│ ┌─ Logs (api, stdout) ─");
    assertThat(screen.row(8)).startsWith("│ │ 14:22:01  request handled path=/api/v1/users status=200 ");
    assertThat(screen.row(9)).startsWith("│ │ 14:22:03  cache miss key=user:1234 ");
    assertThat(screen.row(19)).startsWith("│ └─");
    assertThat(screen.row(21)).isEqualTo(Text.padRight("│ " + ScreenPainter.HELP_COMMANDS, 79) + "│");
    assertThat(screen.row(22)).isEqualTo(Text.padRight("│ " + ScreenPainter.HELP_PROCESSES, 79) + "│");
    assertThat(screen.row(23)).startsWith("└─").endsWith("─┘");
    assertThat(screen.row(2)).as("the uptime still fits at 80 columns").endsWith("↻ 0  up 2h 15m ║ │");
  }

  @Test
  void statusesHaveTheirColoursAndTheSelectionIsHighlighted() {
    model.snapshot(four(), PING);
    TextCanvas screen = paint(80, 24);
    assertThat(screen.styleOf("online   PID 4522")).isEqualTo(Style.ONLINE);
    assertThat(screen.styleOf("stopped")).isEqualTo(Style.STOPPED);
    assertThat(screen.styleOf("online   PID 4521")).isEqualTo(Style.ONLINE.highlighted());
    assertThat(screen.styleOf("▸")).isEqualTo(Style.TITLE.highlighted());
    assertThat(screen.styleOf("GoPM v0.1.0")).isEqualTo(Style.TITLE);
    assertThat(screen.styleOf("[s]")).isEqualTo(Style.KEY);
  }

  @Test
  void aWideScreenShowsTheUptimeToo() {
    model.snapshot(four(), PING);
    TextCanvas screen = paint(200, 60);
    assertThat(screen.row(3)).contains("↻ 0  up 2h 15m");
    assertThat(screen.row(1)).as("a blank row under the header").isEqualTo("│" + " ".repeat(198) + "│");
  }

  @Test
  void theFocusedPaneHasDoubleLines() {
    model.snapshot(four(), PING);
    model.handle(Key.of(Key.Kind.TAB));
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(1)).startsWith("│ ┌─ Processes ─");
    assertThat(screen.row(7)).startsWith("│ ╔═ Logs (api, stdout) ═");
    assertThat(screen.row(22)).contains("[↑↓ PgUp PgDn] scroll");
  }

  @Test
  void theSmallestScreenStillShowsEverythingCut() {
    model.snapshot(four(), PING);
    withLogs("2026-02-05T14:22:01.120Z a very long line that certainly does not fit into forty columns");
    TextCanvas screen = paint(40, 10);
    assertThat(screen.row(0)).startsWith("┌─ GoPM v0.1.0 ");
    assertThat(screen.row(2)).isEqualTo("│ ║ ▸ 0  api     online   PID 4521 … ║ │");
    assertThat(screen.screen()).contains("14:22:01  a very long line that…");
    assertThat(screen.row(8)).isEqualTo("│ [s]tart  s[t]op  [r]estart  [d]elet… │");
  }

  @Test
  void aTinyScreenSaysItIsTooSmall() {
    model.snapshot(four(), PING);
    TextCanvas screen = paint(30, 5);
    assertThat(screen.row(0)).startsWith("Terminal too small (30×5)");
    assertThat(screen.row(1).isBlank()).isTrue();
  }

  @Test
  void manyProcessesScrollWithTheSelection() {
    model.snapshot(Fixtures.many(50), PING);
    TextCanvas first = paint(80, 24);
    assertThat(first.screen()).contains("app-0 ").doesNotContain("app-49");
    model.handle(Key.of(Key.Kind.END));
    TextCanvas last = paint(80, 24);
    assertThat(last.screen()).contains("▸ 49  app-49").doesNotContain("app-0 ");
  }

  @Test
  void aLostDaemonIsSaidInTheHeaderAndTheStatusRow() {
    model.snapshot(four(), PING);
    model.disconnected("the daemon is not running");
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(0)).endsWith("─ disconnected, retrying ─┐");
    assertThat(screen.row(20)).contains("disconnected, retrying every 1s: the daemon is not running");
    assertThat(screen.styleOf("disconnected, retrying every")).isEqualTo(Style.ERROR);
    assertThat(screen.screen()).as("the last list stays").contains("worker");
  }

  @Test
  void noProcessesInvitesToStartOne() {
    model.snapshot(List.of(), PING);
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(2)).contains("No processes running (press s to start one)");
    assertThat(screen.screen()).contains("Logs (stdout)").contains("No process selected");
  }

  @Test
  void theFilterIsShownInTheTitleAndWhileTyped() {
    model.snapshot(four(), PING);
    for (char c : "/wo".toCharArray()) {
      model.handle(Key.typed(c));
    }
    TextCanvas typing = paint(80, 24);
    assertThat(typing.row(1)).contains("Processes (1 of 4, filter: wo)");
    assertThat(typing.row(20)).startsWith("│ Filter: wo ");
    assertThat(typing.cursorX).isEqualTo(12);
    assertThat(typing.cursorY).isEqualTo(20);
    assertThat(typing.row(22)).contains("[esc] clear it");

    model.handle(Key.of(Key.Kind.ENTER));
    TextCanvas kept = paint(80, 24);
    assertThat(kept.row(20)).contains("filter: wo   (/ edits, esc clears)");
    assertThat(kept.cursorX).as("no cursor outside prompts").isEqualTo(-1);

    model.handle(Key.typed('/'));
    model.handle(Key.typed('z'));
    assertThat(paint(80, 24).row(2)).contains("No process name contains \"woz\"");
  }

  @Test
  void theStartPromptAndItsError() {
    model.snapshot(four(), PING);
    for (char c : "sbad".toCharArray()) {
      model.handle(Key.typed(c));
    }
    TextCanvas typing = paint(80, 24);
    assertThat(typing.row(20)).startsWith("│ Start: bad ");
    assertThat(typing.row(22)).contains("[enter] start   [esc] cancel");
    model.handle(Key.of(Key.Kind.ENTER));
    TextCanvas refused = paint(80, 24);
    assertThat(refused.row(22)).startsWith("│ ✗ unknown command bad");
  }

  @Test
  void aLongPromptShowsItsEnd() {
    model.handle(Key.typed('s'));
    String text = "/opt/app " + "--env K=V ".repeat(20) + "--name last";
    for (char c : text.toCharArray()) {
      model.handle(Key.typed(c));
    }
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(20)).startsWith("│ Start: …").contains("--name last");
    assertThat(screen.cursorX).isLessThan(79);
  }

  @Test
  void deleteAsksOnTheStatusRow() {
    model.snapshot(four(), PING);
    model.handle(Key.typed('d'));
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(20)).startsWith("│ Delete api? [y/N]");
    assertThat(screen.styleOf("Delete api?")).isEqualTo(Style.WARNING);
    assertThat(screen.row(22)).contains("[y] delete");
  }

  @Test
  void theDetailBoxShowsTheProcess() {
    model.snapshot(four(), PING);
    model.showDetail(four().get(0));
    TextCanvas screen = paint(100, 30);
    String text = screen.screen();
    assertThat(text).contains("╔═ api (describe) ═");
    assertThat(text).contains("Name:           api");
    assertThat(text).contains("Status:         online");
    assertThat(text).contains("PID:            4521");
    assertThat(text).contains("Command:        /opt/api");
    assertThat(text).contains("Args:           --port 8080");
    assertThat(text).contains("Uptime:         2h 15m");
    assertThat(text).contains("Memory:         24.1 MB");
    assertThat(text).contains("Max Restarts:   unlimited");
    assertThat(text).contains("Stdout Log:     /home/u/.gopm/logs/api-out.log");
    assertThat(text).contains("[esc] or [enter] close");
  }

  @Test
  void theDetailBoxFitsALowScreen() {
    model.snapshot(four(), PING);
    model.showDetail(four().get(2));
    TextCanvas screen = paint(80, 12);
    assertThat(screen.screen()).contains("Name:           cron").contains("Args:").doesNotContain("Stderr Log");
    assertThat(screen.screen()).contains("[↑↓] scroll (6/");

    model.detailViewport(DetailBox.visibleRows(Layout.of(80, 12, 4, true)));
    model.handle(Key.of(Key.Kind.END));
    String scrolled = paint(80, 12).screen();
    assertThat(scrolled).contains("Stderr Log:").doesNotContain("Name:           cron");
  }

  @Test
  void logLinesAreCleanedAndScrolledBackLinesAreMarked() {
    model.snapshot(four(), PING);
    withLogs("plain\ttabbed", "\u001b[31mred\u001b[0m text", "bell\u0007");
    TextCanvas screen = paint(80, 24);
    assertThat(screen.row(8)).startsWith("│ │ plain    tabbed ");
    assertThat(screen.row(9)).startsWith("│ │ red text ");
    assertThat(screen.row(10)).startsWith("│ │ bell? ");

    model.logTail(IntStream.range(0, 40).mapToObj(i -> "line " + i).toList());
    model.handle(Key.of(Key.Kind.TAB));
    model.handle(Key.of(Key.Kind.UP));
    TextCanvas scrolled = paint(80, 24);
    assertThat(scrolled.row(7)).contains("Logs (api, stdout) ↑ 1 lines back, End follows");
    assertThat(scrolled.row(18)).startsWith("│ ║ line 38 ");
  }

  @Test
  void hiddenLogsLeaveTheProcessesAlone() {
    model.snapshot(four(), PING);
    model.handle(Key.typed('l'));
    TextCanvas screen = paint(80, 24);
    assertThat(screen.screen()).doesNotContain("Logs (");
    assertThat(screen.row(19)).startsWith("│ └─");
  }
}
