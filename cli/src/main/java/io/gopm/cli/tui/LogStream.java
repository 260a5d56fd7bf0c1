package io.gopm.cli.tui;

/** The log a pane shows: the process's stdout, or its stderr (with the {@code [gopm]} lines). */
enum LogStream {
  OUT("stdout"),
  ERR("stderr");

  private final String label;

  LogStream(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  LogStream other() {
    return this == OUT ? ERR : OUT;
  }
}
