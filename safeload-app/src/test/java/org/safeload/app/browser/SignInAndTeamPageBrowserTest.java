package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded): sign in
 * as the administrator, open the managed team's page, its contract, timeliness and caseloads, and
 * plan and apply the managed team's exit. Applying moves over a hundred cases, so the app context
 * (and its database) is not handed on to other journeys.
 */
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class SignInAndTeamPageBrowserTest extends BrowserJourney {

  @Test
  @Submits({"POST /caseloads/handover", "POST /caseloads/handover/apply"})
  void anAdministratorSignsInAndOpensTheManagedTeamsPage() throws Exception {
    long teamId =
        jdbc.sql("select id from team where name = 'Brightpath Project Team'")
            .query(Long.class)
            .single();
    String base = base();

    browser.manage().deleteAllCookies();
    browser.get(base + "/teams/" + teamId);
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/sign-in");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Safeload");

    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("test-admin-password");
    browser.findElement(By.cssSelector("button.govuk-button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/teams/" + teamId));
    checkPage();
    WebElement heading = browser.findElement(By.tagName("h1"));
    assertThat(heading.getText()).isEqualTo("Brightpath Project Team");
    assertThat(browser.findElement(By.id("managed-tag")).getText())
        .isEqualTo("Managed team: Brightpath Social Work Ltd");
    // The demo's managed team: 10 workers, 7 social workers filling 7 budgeted posts.
    assertThat(browser.findElements(By.cssSelector("#workers tbody tr"))).hasSize(10);
    assertThat(
            browser
                .findElements(By.cssSelector("#staffing tr[data-role=social-worker] td"))
                .stream()
                .map(WebElement::getText)
                .toList())
        // 7 budgeted, none employed, 7 managed-team (agency) workers: on the census's basis all
        // 7 posts are vacant and all 7 covered.
        .containsExactly("7", "0", "7", "7", "7", "7");

    JavascriptExecutor js = browser;
    // The GOV.UK Frontend styles and scripts loaded under the content security policy...
    assertThat(
            (Boolean)
                js.executeScript(
                    "return document.body.classList.contains('govuk-frontend-supported')"))
        .isTrue();
    assertThat(
            (String)
                js.executeScript(
                    "return getComputedStyle(document.querySelector('.govuk-table')).borderCollapse"))
        .isEqualTo("collapse");
    // ...and the council's font is Arial, not GDS Transport.
    assertThat(
            (String) js.executeScript("return getComputedStyle(arguments[0]).fontFamily", heading))
        .startsWith("Arial");

    screenshot("team-page.png");

    // The browsable API documentation works under the same policy, in the same session.
    browser.get(base + "/swagger-ui");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".swagger-ui .info .title")));
    assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText())
        .startsWith("Safeload API");
    screenshot("swagger-ui.png");

    // The demo's contract: its ten months (October 2026 to July 2027, as its extension left it)
    // and the spend chart drawn on the server.
    open("/contracts/NBC-BRIGHTPATH-2026");
    assertThat(browser.findElements(By.cssSelector("#months tbody tr"))).hasSize(10);
    assertThat(browser.findElements(By.cssSelector("#spend-chart circle"))).hasSize(10);
    assertThat(browser.findElement(By.id("spend-chart")).getSize().getWidth()).isGreaterThan(600);
    screenshot("contract-page.png");

    // The timeliness dashboard over the demo's six months of activity.
    open("/timeliness");
    assertThat(browser.findElements(By.cssSelector("#kpis tbody tr"))).hasSize(7);
    assertThat(browser.findElements(By.cssSelector("#by-team tbody tr .govuk-tag"))).hasSize(1);
    screenshot("timeliness.png");

    // Caseloads: the overloaded Child Protection Team's board, status in words beside colours...
    open("/caseloads");
    browser.findElement(By.linkText("Child Protection Team")).click();
    checkPage();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Child Protection Team: caseloads");
    assertThat(
            browser.findElements(By.cssSelector("#board tbody tr td strong.govuk-tag")).stream()
                .map(WebElement::getText)
                .toList())
        .contains("Over cap");
    screenshot("caseload-board.png");

    // ...and the managed team's exit, planned onto the four council teams and applied. The plan
    // takes some council workers over their soft targets, so applying needs a reason: without
    // one, nothing moves and the error summary says why.
    planTheExit(teamId);
    assertThat(browser.findElements(By.cssSelector("#receivers .govuk-tag--yellow"))).isNotEmpty();
    press("Apply this plan");
    assertThat(errorSummary()).isNotEmpty();
    assertThat(
            jdbc.sql("select count(*) from allocation_decision where reason like 'Brightpath%'")
                .query(Long.class)
                .single())
        .isZero();

    int moves = planTheExit(teamId);
    screenshot("handover-plan.png");
    type("reason", "Brightpath's contract ends; agreed at the exit meeting");
    press("Apply this plan");
    assertThat(text("handover-result")).endsWith(": " + moves + " cases moved");
  }

  /** Plans the managed team's handover onto every other team; returns the number of moves. */
  private int planTheExit(long teamId) {
    open("/caseloads/handover");
    choose(browser.findElement(By.cssSelector("input[name=fromTeam][value='" + teamId + "']")));
    for (WebElement box : browser.findElements(By.cssSelector("input[name=toTeams]"))) {
      if (!box.getAttribute("value").equals(String.valueOf(teamId))) {
        choose(box);
      }
    }
    press("Plan the handover");
    assertThat(heading()).isEqualTo("Handover plan");
    assertThat(text("plan-status")).isIn("Optimal", "Feasible, not proven best");
    int moves = browser.findElements(By.cssSelector("#moves tbody tr")).size();
    assertThat(moves).isGreaterThan(100);
    return moves;
  }
}
