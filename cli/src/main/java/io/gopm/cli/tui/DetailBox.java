package io.gopm.cli.tui;

import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.HumanUnits;
import io.gopm.protocol.format.Timestamps;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The {@code Enter} overlay: one process in detail, in a box centred over the panes. */
final class DetailBox {

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int LABEL = 16;

  /** One line of the box: a label (empty for a continuation) and its value. */
  record Row(String label, String value, Style style) {}

  private final ProcessInfo process;
  private final Instant now;

  DetailBox(ProcessInfo process, Instant now) {
    this.process = process;
    this.now = now;
  }

  List<Row> rows() {
    ProcessInfo p = process;
    RestartPolicy policy = p.restartPolicy();
    boolean online = p.online();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Name", p.name(), Style.BOLD));
    rows.add(new Row("ID", Integer.toString(p.id()), Style.PLAIN));
    rows.add(new Row("Status", p.status().wireName(), ProcessRows.statusStyle(p.status())));
    if (!p.statusReason().isEmpty()) {
      rows.add(new Row("Status Reason", p.statusReason(), Style.WARNING));
    }
    rows.add(new Row("PID", online ? Integer.toString(p.pid()) : "-", Style.PLAIN));
    rows.add(new Row("Command", p.command(), Style.PLAIN));
    if (!p.args().isEmpty()) {
      rows.add(new Row("Args", String.join(" ", p.args()), Style.PLAIN));
    }
    rows.add(new Row("CWD", p.cwd(), Style.PLAIN));
    if (!p.interpreter().isEmpty()) {
      rows.add(new Row("Interpreter", p.interpreter(), Style.PLAIN));
    }
    Duration up = Duration.between(p.uptime(), now);
    rows.add(new Row("Uptime", online ? HumanUnits.duration(up.isNegative() ? Duration.ZERO : up) : "-", Style.PLAIN));
    rows.add(new Row("Created", CREATED.format(p.createdAt().atZone(Timestamps.localZone())), Style.PLAIN));
    rows.add(new Row("Restarts", Integer.toString(p.restarts()), Style.PLAIN));
    if (!online) {
      rows.add(new Row("Exit Code", Integer.toString(p.exitCode()), Style.PLAIN));
    } else {
      rows.add(new Row("CPU", HumanUnits.cpu(p.cpu()), Style.PLAIN));
      rows.add(new Row("Memory", HumanUnits.bytes(p.memory()), Style.PLAIN));
    }
    rows.add(new Row("Auto Restart", policy.autorestart().wireName(), Style.PLAIN));
    rows.add(new Row("Max Restarts", policy.maxRestarts() == 0 ? "unlimited" : Integer.toString(policy.maxRestarts()), Style.PLAIN));
    rows.add(new Row("Restart Delay", GoDuration.format(policy.restartDelay()), Style.PLAIN));
    rows.add(new Row("Kill Timeout", GoDuration.format(policy.killTimeout()), Style.PLAIN));
    rows.add(new Row("Stdout Log", p.logOut(), Style.PLAIN));
    rows.add(new Row("Stderr Log", p.logErr(), Style.PLAIN));
    if (!p.listeners().isEmpty()) {
      rows.add(new Row("Listening", String.join(", ", p.listeners()), Style.PLAIN));
    }
    return rows;
  }

  /** How many rows a box on this screen shows at most (a taller box scrolls). */
  static int visibleRows(Layout layout) {
    return Math.max(1, layout.height() - 6);
  }

  /** Paints the box over the panes, from row {@code first} on (kept within the rows). */
  void paint(Layout layout, Canvas canvas, int first) {
    List<Row> rows = rows();
    int width = Math.min(layout.width() - 4, 80);
    int height = Math.min(layout.height() - 2, rows.size() + 4);
    Layout.Box box = new Layout.Box((layout.width() - width) / 2, Math.max(1, (layout.height() - height) / 2), width, height);
    for (int y = box.y(); y < box.y() + box.height(); y++) {
      canvas.text(box.x(), y, " ".repeat(box.width()), Style.PLAIN);
    }
    ScreenPainter.box(canvas, box, process.name() + " (describe)", Style.TITLE, true);
    int x = box.x() + 2;
    int inner = box.innerWidth();
    int shown = Math.min(rows.size(), box.innerRows() - 2);
    int start = Math.max(0, Math.min(first, rows.size() - shown));
    for (int i = 0; i < shown; i++) {
      Row row = rows.get(start + i);
      int y = box.y() + 1 + i;
      canvas.text(x, y, Text.fit(Text.padRight(row.label() + ":", LABEL), inner), Style.DIM);
      if (inner > LABEL) {
        canvas.text(x + LABEL, y, Text.fit(Text.clean(row.value()), inner - LABEL), row.style());
      }
    }
    String keys = shown < rows.size() ? "[↑↓] scroll (" + (start + shown) + "/" + rows.size() + ")   [esc] or [enter] close" : "[esc] or [enter] close";
    ScreenPainter.keys(canvas, x, box.y() + box.height() - 2, inner, keys);
  }
}
