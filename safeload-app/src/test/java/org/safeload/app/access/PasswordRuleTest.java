package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rule: long, not trivial, not the username, not a common password. */
class PasswordRuleTest {

  private static String problem(String password) {
    return PasswordRule.problem(password, "probeusername12").orElse("ok");
  }

  @Test
  void longAndUncommonPasswordsAreAccepted() {
    assertThat(problem("correct horse battery staple")).isEqualTo("ok");
    assertThat(problem("Northbridge-2026-rota!")).isEqualTo("ok");
    assertThat(problem("crème brûlée à la café")).isEqualTo("ok");
    assertThat(problem("éa".repeat(24))).isEqualTo("ok"); // 72 bytes exactly
  }

  @Test
  void whatTheReviewFoundAcceptedIsRefused() {
    assertThat(problem("aaaaaaaaaaaa")).contains("one character repeated");
    assertThat(problem(" ".repeat(12))).contains("only spaces");
    assertThat(problem("probeusername12")).contains("not be the username");
    assertThat(problem("PROBEUSERNAME12!!")).contains("not be the username");
    assertThat(problem("a".repeat(73))).contains("at most 72 bytes");
    assertThat(problem("é".repeat(40))).contains("at most 72 bytes"); // 80 bytes
    assertThat(problem("short")).contains("at least 12");
  }

  @Test
  void commonPasswordsAreRefusedEvenWithDigitsOrSymbolsAtTheEnd() {
    // Both are in the shipped list (zxcvbn's 30,000 most common passwords).
    assertThat(problem("1qaz2wsx3edc4rfv")).contains("too common");
    assertThat(problem("Password12345678")).contains("too common");
    assertThat(problem("qwertyuiop123!")).contains("too common");
  }
}
