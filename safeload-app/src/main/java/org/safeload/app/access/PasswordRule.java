package org.safeload.app.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one password rule, after the NCSC's guidance: long rather than complex, and never one that is
 * easy to guess. A password has at least 12 characters and at most 72 bytes (what bcrypt reads; 72
 * letters, fewer with accents); it is not blank or one character repeated; it is not the username;
 * and it is not one of the 30,000 most common passwords (shipped in {@code
 * access/common-passwords.txt}), even with digits or symbols added at its end.
 */
public final class PasswordRule {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_BYTES = 72;

  private static final Set<String> COMMON = load();

  private PasswordRule() {}

  /** Why the password cannot be used ("Password must ..."), or empty when it can. */
  public static Optional<String> problem(String password, String username) {
    if (password.length() < MIN_LENGTH) {
      return Optional.of("Password must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(
          "Password must be at most "
              + MAX_BYTES
              + " bytes: 72 letters and digits, fewer with accents or symbols");
    }
    if (password.isBlank() || password.codePoints().distinct().count() == 1) {
      return Optional.of("Password must not be one character repeated or only spaces");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String nameBase = withoutEnding(name);
    if (lower.equals(name) || (nameBase.length() >= 2 && withoutEnding(lower).equals(nameBase))) {
      return Optional.of("Password must not be the username");
    }
    String base = withoutEnding(lower);
    if (COMMON.contains(lower) || (base.length() >= 4 && COMMON.contains(base))) {
      return Optional.of(
          "Password is too common: choose three random words, or a phrase only you would know");
    }
    return Optional.empty();
  }

  /** The password without the digits and symbols at its end ("password1234!" → "password"). */
  private static String withoutEnding(String lower) {
    int end = lower.length();
    while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
      end--;
    }
    return lower.substring(0, end);
  }

  private static Set<String> load() {
    Set<String> common = new HashSet<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                PasswordRule.class.getResourceAsStream("/access/common-passwords.txt"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          common.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return common;
  }
}
