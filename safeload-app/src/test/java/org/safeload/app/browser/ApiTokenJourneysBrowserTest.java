package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.TestAccounts;

/**
 * An administrator creates an API token for an account under Settings > Accounts, copies it from
 * the page that shows it once, sees it work over HTTP, and revokes it.
 */
class ApiTokenJourneysBrowserTest extends BrowserJourney {

  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  @Test
  @Submits({"POST /admin/users/{id}/tokens", "POST /admin/users/{id}/tokens/{tokenId}/revoke"})
  void anAdministratorCreatesAnApiTokenForAnAccountAndRevokesIt() throws Exception {
    signInAsAdmin();
    long account =
        jdbc.sql("select id from app_user where username = ?")
            .param(TestAccounts.username(AccessRole.SOCIAL_WORKER))
            .query(Long.class)
            .single();

    open("/admin/users");
    assertThat(browser.findElements(By.cssSelector("#users a[href$='/tokens']"))).isNotEmpty();

    open("/admin/users/" + account + "/tokens");
    assertThat(heading()).endsWith("API tokens").contains("Test Social worker");

    press("Create token");
    assertThat(errorSummary())
        .containsExactly("Enter a label for the token, like “Nightly import”");

    String label = "Journey import " + RUN;
    type("label", label);
    press("Create token");
    assertThat(text("new-token-panel")).contains("API token created").contains(label);
    String token = browser.findElement(By.id("new-token")).getAttribute("value");
    assertThat(token).startsWith("slt_");
    assertThat(texts("#tokens tbody tr"))
        .anyMatch(r -> r.startsWith(label) && r.contains("Active"));
    screenshot("api-token-created.png");

    assertThat(teams(token)).isEqualTo(200);

    press("Revoke " + label);
    assertThat(text("done")).isEqualTo("API token “" + label + "” revoked");
    assertThat(texts("#tokens tbody tr"))
        .anyMatch(r -> r.startsWith(label) && r.contains("Revoked"));
    assertThat(browser.getPageSource()).doesNotContain(token);
    assertThat(teams(token)).isEqualTo(401);

    // A token that may only read, for 30 days.
    String reader = "Journey reader " + RUN;
    type("label", reader);
    choose(browser.findElement(By.id("access-read")));
    select("days", "30 days");
    press("Create token");
    String readOnly = browser.findElement(By.id("new-token")).getAttribute("value");
    assertThat(texts("#tokens tbody tr"))
        .anyMatch(r -> r.startsWith(reader) && r.contains("Only read") && r.contains("Active"));
    assertThat(teams(readOnly)).isEqualTo(200);
    assertThat(newService(readOnly)).isEqualTo(403);
  }

  /** POST /api/v1/services over real HTTP with the token; the status. */
  private int newService(String token) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(base() + "/api/v1/services"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Not by a reader\"}"))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  /** GET /api/v1/teams over real HTTP with the token; the status. */
  private int teams(String token) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(base() + "/api/v1/teams"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
