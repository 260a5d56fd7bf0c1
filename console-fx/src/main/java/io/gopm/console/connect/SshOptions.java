package io.gopm.console.connect;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user adds to every {@code ssh} the console runs, besides their own {@code
 * ~/.ssh/config}: another configuration file ({@code -F}) and {@code -o} options.
 *
 * @param configFile a file for {@code ssh -F}, or null for ssh's default
 * @param options each passed as {@code -o OPTION} ({@code IdentityFile=~/.ssh/ops})
 */
public record SshOptions(Path configFile, List<String> options) {

  /** No additions: ssh as the user configured it. */
  public static final SshOptions NONE = new SshOptions(null, List.of());

  public SshOptions {
    options = options == null ? List.of() : List.copyOf(options);
    for (String option : options) {
      if (option.isBlank() || option.startsWith("-") || !option.matches("[A-Za-z][A-Za-z0-9]*\\s*[= ].*")) {
        throw new IllegalArgumentException("ssh option must look like Name=value (got: " + option + ")");
      }
    }
  }
}
