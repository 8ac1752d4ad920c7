package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;

/**
 * A finance officer compares a team's options from the Contracts page: the GET form filled badly
 * (every box says what is wrong) and then well, in Chromium, with the demo council's example
 * figures; the figures are the ones worked out by hand in the core's TeamAppraisalTest.
 */
class AppraisalJourneysBrowserTest extends BrowserJourney {

  @Test
  void financeComparesATeamsOptions() throws Exception {
    signInAs(AccessRole.FINANCE);
    open("/contracts");
    browser.findElement(By.id("appraisal-link")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Team options appraisal");
    assertThat(text("example-figures")).contains("example figures");

    // Badly: a fraction of a penny, no months and a vacancy rate over 100%.
    type("price", "14230.775");
    type("months", "");
    type("vacancy", "150");
    press("Compare the options");
    assertThat(errorSummary())
        .containsExactly(
            "Enter the number of months",
            "Enter the vacancy rate as a percentage from 0 to 100, like 10",
            "The managed team's price per team-week must be in pounds and pence, with no more than 2"
                + " decimal places (not 14230.775)");
    assertThat(browser.findElements(By.id("options"))).isEmpty();
    assertThat(browser.findElement(By.id("price")).getAttribute("value")).isEqualTo("14230.775");
    screenshot("appraisal-errors.png");

    // Well: a year of 1 team manager and 6 social workers at £14,230.77 a team-week.
    type("teamManager", "1");
    type("socialWorker", "6");
    type("months", "12");
    type("price", "£14,230.77");
    type("vacancy", "0");
    press("Compare the options");
    assertThat(errorSummary()).isEmpty();
    assertThat(texts("#options #row-period td"))
        .containsExactly("£740,000.04", "£609,908.00", "£375,700.00");
    assertThat(texts("#options #row-above td"))
        .containsExactly("£364,300.04", "£234,208.00", "Cheapest");

    // Between two dates, with 10% of posts vacant and backfilled by agency.
    choose(browser.findElement(By.id("period-dates")));
    typeDate("start", 1, 4, 2026);
    typeDate("end", 30, 9, 2026);
    type("vacancy", "10");
    press("Compare the options");
    assertThat(errorSummary()).isEmpty();
    assertThat(text("period-summary")).contains("1 April 2026 to 30 September 2026 (183 days");
    assertThat(texts("#options #row-period td"))
        .containsExactly("£372,032.99", "£306,629.57", "£200,656.88");
    screenshot("appraisal.png");
  }
}
