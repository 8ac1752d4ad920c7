package org.safeload.document;

import java.util.Optional;

/**
 * The one rule for identifiers that people and files give (event, case, child, worker and team ids,
 * and the ids of teams, services, providers, contracts and rule sets): 1 to 64 characters, each a
 * letter A–Z or a–z, a digit, or one of {@code - _ . :}. An id is safe in a URL, a file name and a
 * CSV cell as it is, and no id can break a page.
 */
public final class Ids {

  public static final int MAX_LENGTH = 64;

  /** The rule in words, for messages and documentation. */
  public static final String RULE =
      "1 to " + MAX_LENGTH + " letters, digits, hyphens, underscores, full stops or colons";

  private static final boolean[] ALLOWED = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      ALLOWED[c] = true;
      ALLOWED[c + ('a' - 'A')] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ALLOWED[c] = true;
    }
    for (char c : "-_.:".toCharArray()) {
      ALLOWED[c] = true;
    }
  }

  private Ids() {}

  /** Whether the text is a valid id. */
  public static boolean valid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c >= 128 || !ALLOWED[c]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the UTF-8 bytes are a valid id (every allowed character is one byte). */
  public static boolean valid(byte[] utf8, int offset, int length) {
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = offset; i < offset + length; i++) {
      int b = utf8[i];
      if (b < 0 || !ALLOWED[b]) {
        return false;
      }
    }
    return true;
  }

  /** Why the text is not a valid id ("must be ..."), or empty when it is one. */
  public static Optional<String> problem(String id) {
    if (valid(id)) {
      return Optional.empty();
    }
    return Optional.of("must be " + RULE + " (not " + shown(id) + ")");
  }

  /**
   * A rejected value as a message may show it: at most 80 characters, with anything that is not a
   * printable character (a NUL, a line end, an invalid byte) shown as {@code ?}.
   */
  public static String shown(String value) {
    if (value == null) {
      return "empty";
    }
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(80)
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c)
                            || c == 0xFFFD
                            || Character.getType(c) == Character.FORMAT
                        ? '?'
                        : c));
    if (value.codePointCount(0, value.length()) > 80) {
      out.append("…");
    }
    return out.isEmpty() ? "empty" : "\"" + out + "\"";
  }
}
