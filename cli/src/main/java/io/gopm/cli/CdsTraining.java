package io.gopm.cli;

import io.gopm.cli.fast.FastPath;
import io.gopm.cli.render.Ansi;
import io.gopm.cli.render.ProcessViews;
import io.gopm.protocol.GopmHome;
import io.gopm.protocol.config.ConfigLoader;
import io.gopm.protocol.json.FrameReader;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.IsRunningResult;
import io.gopm.protocol.model.ListRequest;
import io.gopm.protocol.model.LogsResult;
import io.gopm.protocol.model.PingResult;
import io.gopm.protocol.model.ProcessInfo;
import io.gopm.protocol.model.ProcessStatus;
import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.model.StartAppsRequest;
import io.gopm.protocol.model.StartAppsResult;
import io.gopm.protocol.model.StartRequest;
import io.gopm.protocol.model.TargetRequest;
import io.gopm.protocol.rpc.RpcMessages;
import io.gopm.protocol.rpc.RpcMethods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The run the build records the CLI's class-data-sharing archive from ({@code gopm
 * --cds-training}, hidden): it loads what a typical command loads (picocli's model of a command,
 * the JSON codec reading and writing the protocol's records, the socket channel, the table
 * renderer) without needing a daemon, so {@code dist/gopm.jsa} makes every later start faster.
 */
final class CdsTraining {

  private CdsTraining() {}

  static void run() throws IOException {
    StringWriter sink = new StringWriter();
    PrintWriter out = new PrintWriter(sink);
    Path home = Files.createTempDirectory("gopm-cds-");
    try {
      Map<String, String> env = Map.of("GOPM_HOME", home.toString(), "HOME", home.toString());
      Session session = new Session(env, out, out, new Ansi(true), new Ansi(false), home, false);
      session.disableAutoStart();
      for (String[] args :
          List.of(
              new String[] {"list", "--json"},
              new String[] {"isrunning", "nothing", "--json"},
              new String[] {"start", "/bin/true", "--name", "x", "--min-uptime", "bad"},
              new String[] {"logs", "-d"},
              new String[] {"--version"})) {
        new GopmCli(session).run(args);
      }
      exerciseCodec(session.codec(), out);
      exerciseFastPath(env, home);
      ConfigLoader.defaults(session.home());
    } finally {
      Files.walk(home).sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /**
   * Runs the fast path's commands against a stand-in daemon on a socket in {@code home} that
   * answers each connection with a canned handshake and result, in the order of the calls.
   */
  private static void exerciseFastPath(Map<String, String> env, Path home) throws IOException {
    String process =
        "{\"id\":0,\"name\":\"api\",\"command\":\"/bin/true\",\"args\":[],\"cwd\":\"/\",\"env\":{},"
            + "\"status\":\"online\",\"pid\":1,\"restarts\":0,\"cpu\":0.5}";
    List<FastCall> calls =
        List.of(
            new FastCall(new String[] {"list", "--json"}, "[" + process + "]"),
            new FastCall(new String[] {"isrunning", "api"}, "{\"name\":\"api\",\"running\":true,\"status\":\"online\",\"pid\":1,\"uptime\":\"1s\"}"),
            new FastCall(new String[] {"isrunning", "x", "--json"}, "{\"name\":\"x\",\"running\":false,\"status\":\"\",\"pid\":0}"),
            new FastCall(new String[] {"ping"}, "{\"pid\":1,\"uptime\":\"1s\",\"uptime_ms\":1000,\"version\":\"0\",\"config_file\":null}"));
    Thread daemon;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(GopmHome.fromEnvironment(env).socket()));
      daemon = new Thread(() -> answer(server, calls), "gopm-cds-stand-in-daemon");
      daemon.start();
      FastPath fastPath = new FastPath(env, new ByteArrayOutputStream(), new Ansi(true));
      for (FastCall call : calls) {
        fastPath.run(FastPath.parse(call.args()));
      }
    } // closing the server ends a stand-in still waiting for a call that did not come
    try {
      daemon.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One fast command and the result the stand-in daemon gives it. */
  private record FastCall(String[] args, String result) {}

  private static void answer(ServerSocketChannel server, List<FastCall> calls) {
    for (FastCall call : calls) {
      try (SocketChannel connection = server.accept()) {
        FrameReader requests = new FrameReader(Channels.newInputStream(connection), FrameReader.DEFAULT_MAX_FRAME);
        requests.next();
        requests.next();
        String answers =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocol\":1}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + call.result() + "}\n";
        Channels.newOutputStream(connection).write(answers.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void exerciseCodec(JsonCodec codec, PrintWriter out) throws IOException {
    ProcessInfo process =
        new ProcessInfo(0, "api", "/bin/true", List.of("a"), "/", Map.of("K", "V"), "", ProcessStatus.ONLINE, "", 1,
            RestartPolicy.DEFAULTS, 0, Instant.now(), Instant.now(), 0, 1024, 0.5, List.of("tcp@127.0.0.1:80"),
            "/tmp/o", "/tmp/e", 1024);
    RpcMessages messages = new RpcMessages(codec);
    List<ProcessInfo> list = List.of(process);
    messages.parse(messages.request(1, RpcMethods.LIST, ListRequest.PLAIN));
    messages.parse(messages.request(2, RpcMethods.START, StartRequest.of("/bin/true", "x", List.of())));
    messages.parse(messages.request(3, RpcMethods.STOP, new TargetRequest("x")));
    messages.parse(messages.request(4, RpcMethods.START_APPS, new StartAppsRequest(List.of(StartRequest.of("/bin/true", "x", List.of())))));
    codec.read(codec.write(new StartAppsResult(list, new StartAppsResult.Failure("x", "conflict", "taken"))), StartAppsResult.class);
    RpcMessages.Message response = messages.parse(messages.result(codec.toTree(1), list));
    codec.convert(((RpcMessages.Response) response).result(), RpcMethods.LIST.resultType());
    codec.read(codec.write(new PingResult(1, "1s", 1000, 1, "0", 1, null, null, "/tmp", 1024)), PingResult.class);
    codec.read(codec.write(IsRunningResult.notFound("x")), IsRunningResult.class);
    codec.read(codec.write(new LogsResult("a", "/tmp/o", null)), LogsResult.class);
    ProcessViews views = new ProcessViews(new Ansi(true), Instant.now(), ZoneId.systemDefault());
    out.print(views.table(list, true));
    out.print(views.describe(process));
    out.print(codec.writePretty(list));
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of("/nonexistent/gopm.sock"));
    } catch (IOException expected) {
      // the connect path is what we want loaded
    }
  }
}
