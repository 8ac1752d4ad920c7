package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.safeload.app.access.AccessRole;
import org.safeload.demo.DemoCouncil;

/**
 * A head of service looks at a service's capacity for the months ahead (its settings a GET form:
 * sent wrong, then right, with recruits), then plans the managed team's exit from its contract and
 * goes on to plan the handover of its cases for the team's last day.
 */
class PlanningJourneysBrowserTest extends BrowserJourney {

  private static final String SERVICE = "Child Protection and Court";

  @Test
  void aHeadOfServiceProjectsAServicesCapacityWithRecruits() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/services");
    browser.findElement(By.linkText(SERVICE)).click();
    checkPage();
    browser.findElement(By.id("service-capacity")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Capacity for the months ahead");
    assertThat(text("projected")).startsWith("12 months from November 2026, 2,000 runs (seed 1)");
    // The service's chart, then each of its three teams', each with its figures.
    assertThat(browser.findElements(By.cssSelector("section[data-chart] figure svg"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector("#figures-service tbody tr"))).hasSize(12);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView()",
            browser.findElement(By.cssSelector("section[data-chart=service]")));
    screenshot("capacity.png");

    // Thirty months is more than the page projects: the error names the box.
    type("months", "30");
    press("Project");
    assertThat(errorSummary()).containsExactly("Enter a whole number from 6 to 24");
    browser.findElement(By.linkText(errorSummary().getFirst())).click();
    assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("months");

    // Six months, 500 runs, and 5 recruits for the Child Protection Team who wait 8 to 26 weeks
    // (most likely 12) for registration and have 4 weeks' induction.
    type("months", "6");
    type("runs", "500");
    browser.findElement(By.cssSelector("#capacity-form details summary")).click();
    new Select(browser.findElement(By.id("recruitTeam")))
        .selectByVisibleText("Child Protection Team");
    type("recruitCount", "5");
    type("recruitMinWeeks", "8");
    type("recruitModeWeeks", "12");
    type("recruitMaxWeeks", "26");
    type("recruitInductionWeeks", "4");
    choose(browser.findElement(By.id("backfill")));
    press("Project");
    assertThat(errorSummary()).isEmpty();
    assertThat(text("projected")).isEqualTo("6 months from November 2026, 500 runs (seed 1)");
    assertThat(text("agency"))
        .isEqualTo("One for every vacancy, up to the budgeted posts of each team");
    assertThat(browser.findElement(By.id("backfill")).isSelected()).isTrue();
    assertThat(browser.findElements(By.cssSelector("#figures-service tbody tr"))).hasSize(6);
    // The recruits are kept in the form for the next change.
    assertThat(browser.findElement(By.id("recruitCount")).getAttribute("value")).isEqualTo("5");
  }

  @Test
  void aHeadOfServicePlansTheManagedTeamsExitThenItsHandover() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/contracts/" + DemoCouncil.contractCode());
    browser.findElement(By.id("exit-link")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Plan the exit");
    assertThat(text("last-day")).isEqualTo("4 July 2027");
    assertThat(text("notice")).isEqualTo("4 weeks");
    // Against the policy's target of 20 the service is over it already: no taper is safe.
    assertThat(text("cheapest-total")).isEqualTo("No taper keeps the chance low enough");
    assertThat(browser.findElement(By.id("unsafe")).getText())
        .startsWith("Even with the whole team");

    // An early exit that is not a date, then a target of 45 with 500 runs and no one leaving.
    type("exitOn", "31/2/2027");
    press("Plan the exit");
    assertThat(errorSummary()).containsExactly("Enter a real date, for example 31/3/2027");
    browser.findElement(By.id("exitOn")).clear();
    type("target", "45");
    type("turnoverPercent", "0");
    type("runs", "500");
    press("Plan the exit");
    assertThat(errorSummary()).isEmpty();
    assertThat(text("cheapest-total")).contains("(saves £");
    assertThat(browser.findElements(By.cssSelector("#taper tbody tr"))).hasSize(12);
    assertThat(browser.findElements(By.cssSelector("section[data-chart] figure svg"))).hasSize(2);
    screenshot("exit-plan.png");

    WebElement handover = browser.findElement(By.id("plan-handover"));
    assertThat(handover.getText()).isEqualTo("Plan the handover of its cases for 4 July 2027");
    handover.click();
    checkPage();
    assertThat(heading()).isEqualTo("Plan a handover");
    assertThat(browser.findElement(By.id("on")).getAttribute("value")).isEqualTo("4/7/2027");
    assertThat(
            browser
                .findElement(By.cssSelector("input[name=fromTeam]:checked"))
                .findElement(By.xpath("following-sibling::label"))
                .getText())
        .startsWith("Brightpath Project Team");
  }
}
