package io.gopm.cli.tui;

import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Process objects, a settable clock and a model to drive in the TUI's tests. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-02-05T14:22:03Z");
  static final PingResult PING = new PingResult(1150, "4d 12h", 0, 0, "0.1.0", 1, null, null, null, 0);

  private Fixtures() {}

  static ProcessInfo online(int id, String name) {
    return process(id, name, ProcessStatus.ONLINE, 4521 + id);
  }

  static ProcessInfo stopped(int id, String name) {
    return process(id, name, ProcessStatus.STOPPED, 0);
  }

  static ProcessInfo process(int id, String name, ProcessStatus status, int pid) {
    return new ProcessInfo(
        id, name, "/opt/" + name, List.of("--port", "8080"), "/opt", Map.of(), null, status, null, pid,
        RestartPolicy.DEFAULTS, id, NOW.minus(Duration.ofMinutes(135)), NOW.minus(Duration.ofDays(1)), 0,
        25_296_896L, 0.3, List.of(), "/home/u/.gopm/logs/" + name + "-out.log",
        "/home/u/.gopm/logs/" + name + "-err.log", 1 << 20);
  }

  /** {@code api}, {@code worker}, {@code cron} (stopped), {@code proxy}. */
  static List<ProcessInfo> four() {
    return List.of(online(0, "api"), online(1, "worker"), stopped(2, "cron"), online(3, "proxy"));
  }

  static List<ProcessInfo> many(int count) {
    List<ProcessInfo> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(online(i, "app-" + i));
    }
    return list;
  }

  /** A model whose start prompt accepts any text as the command and refuses "bad". */
  static TuiModel model(MutableClock clock) {
    return new TuiModel(clock, text -> {
      if (text.equals("bad")) {
        throw new IllegalArgumentException("unknown command bad");
      }
      return StartRequest.of(text, null, List.of());
    });
  }

  static TuiModel model() {
    return model(new MutableClock(NOW));
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
