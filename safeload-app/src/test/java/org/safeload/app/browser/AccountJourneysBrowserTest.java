package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator manages an account under Settings > Accounts: changes its role, resets its
 * password (a common one is refused), signs it out everywhere, disables it (it can no longer sign
 * in) and enables it again; its owner then signs in with the password they were given and must
 * choose their own before anything else.
 */
class AccountJourneysBrowserTest extends BrowserJourney {

  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  @Autowired UserAccounts accounts;

  @Test
  @Submits({
    "POST /admin/users/{id}/role",
    "POST /admin/users/{id}/worker",
    "POST /admin/users/{id}/password",
    "POST /admin/users/{id}/sign-out",
    "POST /admin/users/{id}/disable",
    "POST /admin/users/{id}/enable",
    "POST /account/password"
  })
  void anAdministratorManagesAnAccountAndItsOwnerChoosesTheirPassword() throws Exception {
    String username = "journey-" + RUN;
    org.springframework.security.core.context.SecurityContextHolder.clearContext();
    long id =
        accounts
            .createAsSystem(
                new UserAccounts.NewAccount(
                    username, "Jo Journey", "first-secret-phrase", AccessRole.SOCIAL_WORKER, null))
            .id();
    assertThat(api(username, "first-secret-phrase")).isEqualTo(200);

    signInAsAdmin();
    open("/admin/users");
    browser.findElement(By.linkText("Jo Journey")).click();
    checkPage();
    assertThat(heading()).endsWith("Jo Journey");
    assertThat(text("status")).isEqualTo("Active");
    assertThat(text("last-sign-in")).isEqualTo("Never through the sign-in page");

    select("role", "Team manager");
    press("Change role");
    assertThat(text("done")).contains("now has the role Team manager");
    assertThat(text("account-details")).contains("Team manager");

    // Linked to a worker of the Child Protection Team: the team whose children they see.
    assertThat(text("linked-worker")).isEqualTo("Not linked to a worker.");
    var worker =
        org.safeload.app.access.SystemAccess.call(
            () ->
                accounts.workerChoices().stream()
                    .filter(w -> "Child Protection Team".equals(w.teamName()))
                    .findFirst()
                    .orElseThrow());
    select("workerId", worker.name() + " (Child Protection Team)");
    press("Link worker");
    assertThat(text("done")).isEqualTo("Account " + username + " linked to " + worker.name());
    assertThat(text("linked-worker")).isEqualTo("Linked to " + worker.name() + ".");

    type("password", "password1234");
    press("Reset password");
    assertThat(errorSummary()).singleElement().asString().contains("too common");
    type("password", "given-by-the-admin-2026");
    press("Reset password");
    assertThat(text("done")).contains("reset");
    assertThat(api(username, "first-secret-phrase")).isEqualTo(401);

    press("Sign out everywhere");
    assertThat(text("done")).startsWith("Signed out everywhere");

    press("Disable account");
    assertThat(text("status")).isEqualTo("Disabled");
    assertThat(api(username, "given-by-the-admin-2026")).isEqualTo(401);
    press("Enable account");
    assertThat(text("status")).isEqualTo("Active");
    screenshot("account-managed.png");

    // The owner signs in with the password they were given and must choose their own first.
    signIn(username, "given-by-the-admin-2026");
    assertThat(browser.getCurrentUrl()).endsWith("/account/password");
    open("/teams");
    assertThat(browser.getCurrentUrl()).endsWith("/account/password");
    type("password", "my-own-long-phrase-here");
    type("confirmation", "my-own-long-phrase-here");
    press("Save password");
    assertThat(browser.getCurrentUrl()).doesNotContain("/account/password");
    open("/teams");
    assertThat(browser.getCurrentUrl()).endsWith("/teams");
    assertThat(api(username, "my-own-long-phrase-here")).isEqualTo(200);

    signInAsAdmin();
    open("/admin/users/" + id);
    assertThat(text("last-sign-in")).isNotEqualTo("Never through the sign-in page");
    // The account keeps its history, newest first: every change above, and by whom.
    assertThat(texts("#history tbody tr td:nth-child(3)"))
        .containsSubsequence(
            "Password changed by its owner",
            "Account enabled again",
            "Account disabled: it cannot sign in",
            "Password reset: to be changed at the next sign-in",
            "Account linked to a worker",
            "Role changed from Social worker to Team manager",
            "Account added with the role Social worker");
    assertThat(texts("#history tbody tr td:nth-child(2)")).contains("Administrator", "Jo Journey");
  }

  /** GET /api/v1/teams over real HTTP with the account's password; the status. */
  private int api(String username, String password) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(base() + "/api/v1/teams"))
                  .header("Authorization", "Basic " + basic)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
