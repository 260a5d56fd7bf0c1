package io.gopm.console.connect;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A daemon the console can manage, as the user writes it: {@code local}, a socket path, {@code
 * ssh://[user@]host[:port][/remote/socket]} or {@code tcp://127.0.0.1:PORT}.
 */
public sealed interface Target permits Target.Local, Target.UnixSocket, Target.Ssh, Target.Tcp {

  /** The text that {@link #parse} reads back to this target (what the settings file holds). */
  String spec();

  /** A short name for the sidebar. */
  String label();

  /** True when the daemon runs on this machine (paths in its answers are this machine's). */
  boolean onThisMachine();

  /**
   * Reads a target.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  static Target parse(String text) {
    String spec = text == null ? "" : text.strip();
    if (spec.isEmpty() || spec.equalsIgnoreCase("local")) {
      return new Local();
    }
    String lower = spec.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ssh://")) {
      return Ssh.parseAuthority(spec.substring("ssh://".length()), spec);
    }
    if (lower.startsWith("tcp://")) {
      return Tcp.parseAddress(spec.substring("tcp://".length()), spec);
    }
    if (lower.startsWith("unix://")) {
      return UnixSocket.of(spec.substring("unix://".length()), spec);
    }
    if (spec.contains("/") || spec.contains("\\")) {
      return UnixSocket.of(spec, spec);
    }
    throw new IllegalArgumentException(
        "unknown target \"" + spec + "\": use local, a socket path, ssh://[user@]host[:port] or tcp://127.0.0.1:PORT");
  }

  /** The daemon of this user on this machine ({@code GOPM_HOME}, or {@code ~/.gopm}). */
  record Local() implements Target {
    @Override
    public String spec() {
      return "local";
    }

    @Override
    public String label() {
      return "local";
    }

    @Override
    public boolean onThisMachine() {
      return true;
    }
  }

  /** A daemon socket given by path ({@code --socket PATH}). */
  record UnixSocket(Path path) implements Target {

    static UnixSocket of(String path, String spec) {
      if (path.isBlank()) {
        throw new IllegalArgumentException("target \"" + spec + "\" names no socket path");
      }
      return new UnixSocket(Path.of(path).toAbsolutePath().normalize());
    }

    @Override
    public String spec() {
      return path.toString();
    }

    @Override
    public String label() {
      return path.toString();
    }

    @Override
    public boolean onThisMachine() {
      return true;
    }
  }

  /**
   * A daemon on another host, reached through a tunnel that the console opens with the user's
   * {@code ssh} (their configuration, keys and agent; never a password).
   *
   * @param user the login, or null for ssh's default
   * @param port the port, or 0 for ssh's default
   * @param remoteSocket the daemon's socket on the host, or null to ask the host
   */
  record Ssh(String user, String host, int port, String remoteSocket) implements Target {

    public Ssh {
      checkWord("host", host);
      if (user != null) {
        checkWord("user", user);
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("ssh port must be 1-65535 (got: " + port + ")");
      }
      if (remoteSocket != null && (!remoteSocket.startsWith("/") || remoteSocket.contains(":"))) {
        throw new IllegalArgumentException(
            "remote socket must be an absolute path without ':' (got: " + remoteSocket + ")");
      }
    }

    static Ssh parseAuthority(String rest, String spec) {
      String path = null;
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        path = rest.substring(slash);
        rest = rest.substring(0, slash);
        if (path.equals("/")) {
          path = null;
        }
      }
      String user = null;
      int at = rest.lastIndexOf('@');
      if (at >= 0) {
        user = rest.substring(0, at);
        rest = rest.substring(at + 1);
      }
      String host = rest;
      int port = 0;
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("target \"" + spec + "\": missing ']' after an IPv6 address");
        }
        host = rest.substring(1, close);
        String after = rest.substring(close + 1);
        if (after.startsWith(":")) {
          port = port(after.substring(1), spec);
        } else if (!after.isEmpty()) {
          throw new IllegalArgumentException("target \"" + spec + "\": unexpected \"" + after + "\"");
        }
      } else {
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
          host = rest.substring(0, colon);
          port = port(rest.substring(colon + 1), spec);
        }
      }
      if (host.isEmpty()) {
        throw new IllegalArgumentException("target \"" + spec + "\" names no host: use ssh://[user@]host[:port]");
      }
      return new Ssh(user == null || user.isEmpty() ? null : user, host, port, path);
    }

    private static int port(String text, String spec) {
      try {
        int port = Integer.parseInt(text);
        if (port >= 1 && port <= 65_535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("target \"" + spec + "\": port must be 1-65535 (got: " + text + ")");
    }

    /** Host and user go on ssh's command line: no spaces, nothing ssh could read as an option. */
    private static void checkWord(String what, String value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("ssh " + what + " is required");
      }
      if (value.startsWith("-")) {
        throw new IllegalArgumentException("ssh " + what + " must not start with '-' (got: " + value + ")");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\'' || c == '"') {
          throw new IllegalArgumentException("ssh " + what + " must not contain spaces or quotes (got: " + value + ")");
        }
      }
    }

    /** {@code user@host} or {@code host}, as given to ssh. */
    public String destination() {
      return user == null ? host : user + "@" + host;
    }

    @Override
    public String spec() {
      String hostPart = host.contains(":") ? "[" + host + "]" : host;
      return "ssh://" + (user == null ? "" : user + "@") + hostPart + (port == 0 ? "" : ":" + port)
          + (remoteSocket == null ? "" : remoteSocket);
    }

    @Override
    public String label() {
      return destination() + (port == 0 ? "" : ":" + port);
    }

    @Override
    public boolean onThisMachine() {
      return false;
    }
  }

  /**
   * A socket the user forwarded to a loopback TCP port by hand ({@code ssh -L
   * 7000:/home/u/.gopm/gopm.sock host}). Only loopback addresses are accepted: the protocol is not
   * encrypted, so anything farther away must go through {@code ssh://}.
   */
  record Tcp(String host, int port) implements Target {

    public Tcp {
      if (!isLoopback(host)) {
        throw new IllegalArgumentException(
            "tcp:// targets must be on this machine (127.0.0.1, ::1 or localhost: a socket you forwarded with ssh -L);"
                + " use ssh://" + host + " for another host");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("tcp port must be 1-65535 (got: " + port + ")");
      }
    }

    static Tcp parseAddress(String rest, String spec) {
      String host;
      String portText;
      if (rest.startsWith("[")) {
        int close = rest.indexOf("]:");
        if (close < 0) {
          throw new IllegalArgumentException("target \"" + spec + "\": use tcp://[::1]:PORT");
        }
        host = rest.substring(1, close);
        portText = rest.substring(close + 2);
      } else {
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("target \"" + spec + "\" needs a port: tcp://127.0.0.1:PORT");
        }
        host = rest.substring(0, colon);
        portText = rest.substring(colon + 1);
      }
      if (portText.endsWith("/")) {
        portText = portText.substring(0, portText.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("target \"" + spec + "\": port must be 1-65535 (got: " + portText + ")");
      }
      return new Tcp(host, port);
    }

    static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String spec() {
      return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String label() {
      return spec();
    }

    @Override
    public boolean onThisMachine() {
      return false;
    }
  }
}
