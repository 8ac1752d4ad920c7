package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * In Chromium: the navigation fits one row at 1366 px and marks where you are; Settings gathers the
 * set-up pages; failures are pages in the service's layout; and at 390 px no page is wider than the
 * screen (wide tables scroll inside themselves).
 */
class WayfindingBrowserTest extends BrowserJourney {

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @Test
  void theNavigationFitsOneRowAndMarksTheCurrentSection() {
    browser.manage().window().setSize(new Dimension(1366, 900));
    signInAsAdmin();
    open("/teams");
    List<WebElement> items =
        browser.findElements(By.cssSelector(".govuk-service-navigation__item"));
    assertThat(items.stream().map(WebElement::getText))
        .containsExactly(
            "Services",
            "Teams",
            "Workers",
            "Workforce",
            "Providers",
            "Caseloads",
            "Timeliness",
            "Contracts",
            "Settings");
    @SuppressWarnings("unchecked")
    List<Number> tops =
        (List<Number>)
            js(
                "return [...document.querySelectorAll('.govuk-service-navigation__item')]"
                    + ".map(e => Math.round(e.getBoundingClientRect().top))");
    assertThat(tops.stream().map(Number::intValue).distinct()).as("one row at 1366 px").hasSize(1);
    assertThat(texts(".govuk-service-navigation__item--active")).containsExactly("Teams");
    assertThat(
            browser
                .findElement(By.cssSelector(".govuk-service-navigation__item--active a"))
                .getAttribute("aria-current"))
        .isEqualTo("true");

    // Settings gathers accounts, audit, the allocation policy and the rule sets.
    browser.findElement(By.linkText("Settings")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Settings");
    assertThat(texts("#settings a"))
        .containsExactly(
            "Accounts",
            "Audit trail",
            "Allocation policy",
            "Timeliness rule sets",
            "API documentation");
    browser.findElement(By.linkText("Accounts")).click();
    checkPage();
    assertThat(texts(".govuk-service-navigation__item--active")).containsExactly("Settings");
  }

  @Test
  void settingsShowsOnlyWhatTheRoleMayOpen() {
    signInAs(org.safeload.app.access.AccessRole.SOCIAL_WORKER);
    open("/settings");
    assertThat(texts("#settings a"))
        .containsExactly("Allocation policy", "Timeliness rule sets", "API documentation");
    assertThat(texts(".govuk-service-navigation__item")).doesNotContain("Contracts");
  }

  @Test
  void anUnknownAddressAndAMistypedDateArePagesInTheServicesLayout() {
    signInAsAdmin();
    open("/no-such-page");
    assertThat(heading()).isEqualTo("Page not found");
    assertThat(text("main-content")).doesNotContain("null");
    assertThat(browser.findElement(By.cssSelector(".sl-header-council")).getText())
        .isEqualTo("Northbridge Council");

    open("/contracts");
    open("/contracts/NBC-BRIGHTPATH-2026?asOf=2026-13-45");
    assertThat(heading()).isEqualTo("There is a problem with what was asked for");
    assertThat(text("problem-message")).contains("\"2026-13-45\" is not a date");
  }

  @Test
  void atAPhonesWidthNoPageIsWiderThanTheScreen() {
    signInAsAdmin();
    long team =
        jdbc.sql("select id from team where name = 'Child Protection Team'")
            .query(Long.class)
            .single();
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      for (String path :
          List.of(
              "/",
              "/teams",
              "/teams/" + team,
              "/workers",
              "/caseloads",
              "/caseloads/teams/" + team,
              "/timeliness",
              "/contracts",
              "/contracts/NBC-BRIGHTPATH-2026",
              "/admin/audit")) {
        open(path);
        Number page = (Number) js("return document.documentElement.scrollWidth");
        Number screen = (Number) js("return document.documentElement.clientWidth");
        // What sticks out, to say why when it fails.
        Object wide =
            js(
                "return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                    + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)");
        assertThat(page.intValue())
            .as("width of %s at 390 px; too wide: %s", path, wide)
            .isLessThanOrEqualTo(screen.intValue());
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 1000));
    }
  }

  @Test
  void aWrongPasswordIsAnErrorSummaryAndSigningOutIsConfirmed() {
    browser.manage().deleteAllCookies();
    open("/sign-in");
    type("username", "admin");
    type("password", "not-the-password");
    press("Sign in");
    assertThat(heading()).isEqualTo("Sign in to Safeload");
    assertThat(errorSummary()).isNotEmpty();

    signInAsAdmin();
    open("/");
    browser.findElement(By.xpath("//header//button[normalize-space()='Sign out']")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().contains("signed-out"));
    checkPage();
    assertThat(texts(".govuk-notification-banner__heading"))
        .containsExactly("You have signed out.");
    open("/teams");
    assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
  }

  @Test
  void theWorkforceFiguresGoFromTheCouncilToAServiceAndATeamForAChosenYear() {
    signInAsAdmin();
    open("/");
    browser.findElement(By.linkText("Workforce")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Workforce figures: Northbridge Council");
    assertThat(texts(".govuk-service-navigation__item--active")).containsExactly("Workforce");
    select("year", "2025");
    press("Show the year");
    checkPage();
    assertThat(text("year-form")).contains("2025");
    assertThat(browser.getCurrentUrl()).endsWith("/workforce?year=2025");
    assertThat(texts(".govuk-caption-l"))
        .containsExactly("Census year 1 October 2024 to 30 September 2025");
    browser.findElement(By.linkText("Child Protection and Court")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Workforce figures: Child Protection and Court");
    assertThat(browser.getCurrentUrl()).endsWith("?year=2025");
    browser.findElement(By.linkText("Court and Permanence Team")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Workforce figures: Court and Permanence Team");
    // By hand, 30 September 2025: the Court team's 9 employed qualified workers (the leaver of
    // June 2026 still in post, the secondee who started on 1 September 2025), 1 + 1 + 6.8 = 8.8
    // FTE, against 1 + 1 + 6 budgeted: no vacancy (0.0%), no agency, no leaver.
    assertThat(texts("tr[data-figure=in-post] td")).containsExactly("8.8", "33,119.1");
    assertThat(texts("tr[data-figure=vacancy-rate] td")).containsExactly("0.0%", "18.9%");
  }
}
