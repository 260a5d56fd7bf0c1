package io.gopm.cli.fast;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.StatusLines;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.PingResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers a {@link FastCommand} with the same output and exit status as the picocli command of
 * the same name, or declines ({@link #FALL_BACK}) without having written anything. {@code --json}
 * output is the daemon's result as it sent it (the contract of {@code list --json}: "the daemon's
 * array of process objects"); human output goes through {@link StatusLines}, as the commands'.
 */
public final class FastPath {

  /** The answer when the full CLI must run the command instead. */
  public static final int FALL_BACK = -1;

  private static final int OK = 0;
  private static final int FAILURE = 1;

  private final GopmHome home;
  private final OutputStream out;
  private final Ansi ansi;

  /**
   * @param env the environment ({@code GOPM_HOME}, {@code HOME})
   * @param out stdout; written once, when the answer is complete
   * @param ansi colours for stdout
   */
  public FastPath(Map<String, String> env, OutputStream out, Ansi ansi) {
    this.home = GopmHome.fromEnvironment(env);
    this.out = out;
    this.ansi = ansi;
  }

  /** The fast command {@code args} spell, or null when the full CLI must handle them. */
  public static FastCommand parse(String[] args) {
    return FastCommand.parse(args);
  }

  /** Runs {@code command}; its exit status, or {@link #FALL_BACK}. */
  public int run(FastCommand command) throws IOException {
    if (command instanceof FastCommand.ListJson) {
      byte[] list = RawDaemonCall.call(home.socket(), "list", null);
      return list == null ? FALL_BACK : print(list, OK);
    }
    if (command instanceof FastCommand.IsRunning isRunning) {
      return isRunning(isRunning);
    }
    if (command instanceof FastCommand.Ping ping) {
      return ping(ping);
    }
    return FALL_BACK;
  }

  private int isRunning(FastCommand.IsRunning command) throws IOException {
    String target = new String(JsonStringEncoder.getInstance().quoteAsString(command.target()));
    String params = "{\"target\":\"" + target + "\"}";
    byte[] answer = RawDaemonCall.call(home.socket(), "isrunning", params);
    if (answer == null) {
      return FALL_BACK;
    }
    IsRunningResult result = ResultReader.isRunning(answer);
    if (result == null) {
      return FALL_BACK;
    }
    int status = result.running() ? OK : FAILURE;
    if (command.json()) {
      return print(answer, status);
    }
    return print(StatusLines.isRunning(ansi, command.target(), result), status);
  }

  private int ping(FastCommand.Ping command) throws IOException {
    byte[] answer = RawDaemonCall.call(home.socket(), "ping", null);
    if (answer == null) {
      return FALL_BACK;
    }
    if (command.json()) {
      return print(answer, OK);
    }
    PingResult ping = ResultReader.ping(answer);
    return ping == null ? FALL_BACK : print(StatusLines.ping(ansi, ping), OK);
  }

  private int print(String line, int status) throws IOException {
    return print(line.getBytes(StandardCharsets.UTF_8), status);
  }

  private int print(byte[] line, int status) throws IOException {
    byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
    withNewline[line.length] = '\n';
    out.write(withNewline);
    out.flush();
    return status;
  }
}
