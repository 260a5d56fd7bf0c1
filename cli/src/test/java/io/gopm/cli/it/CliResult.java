package io.gopm.cli.it;

/** What one run of {@code dist/gopm} did. */
record CliResult(int exitCode, String stdout, String stderr) {

  /** Both streams, for assertion messages. */
  String output() {
    return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
  }
}
