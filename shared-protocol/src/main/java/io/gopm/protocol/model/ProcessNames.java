package io.gopm.protocol.model;

/**
 * The rule for process names. Names become file names ({@code <name>-out.log}) and are used as
 * targets next to IDs and {@code all}, so they must be safe in a path and unambiguous.
 */
public final class ProcessNames {

  /** The longest name accepted. */
  public static final int MAX_LENGTH = 64;

  private ProcessNames() {}

  /**
   * Accepts 1–64 letters, digits, {@code .}, {@code _} and {@code -}, not starting with {@code .},
   * not {@code all} and not only digits.
   *
   * @throws InvalidFieldException saying what is wrong and what to do
   */
  public static void check(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new InvalidFieldException("name", name == null ? "" : name, problem);
    }
  }

  /** True when {@link #check} would accept {@code name}. */
  public static boolean isValid(String name) {
    return problem(name) == null;
  }

  private static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "a name is required";
    }
    if (name.length() > MAX_LENGTH) {
      return "use at most " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || c == '.' || c == '_' || c == '-';
      if (!allowed) {
        return "use only letters, digits, '.', '_' and '-' (choose one with --name)";
      }
    }
    if (name.charAt(0) == '.') {
      return "a name must not start with '.'";
    }
    if (name.equals("all")) {
      return "\"all\" is reserved for every process";
    }
    if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "a name made only of digits would shadow process IDs";
    }
    return null;
  }
}
