package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.safeload.app.access.AccessRole;

/**
 * The caseload pages in Chromium, as a team manager and a head of service use them: reading the
 * caseloads, allocating a case from the queue, changing the allocation policy through its form and
 * as YAML and going back to the built-in one, and a handover form sent empty. Every page opened is
 * checked by axe. The journeys share the demo council with the others: the case allocated is one
 * outside the managed team (whose exit another journey applies), and the built-in policy is back in
 * force when the policy journey ends.
 */
class CaseloadJourneysBrowserTest extends BrowserJourney {

  private static final String MANAGED_TEAM = "Brightpath Project Team";

  private void follow(String linkText) {
    browser.findElement(By.linkText(linkText)).click();
    checkPage();
  }

  @Test
  void aHeadOfServiceReadsTheCaseloadsBoardAndThroughput() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/caseloads");
    assertThat(heading()).isEqualTo("Caseloads");
    // Each team's tag is its own figure against the target; workers over a cap are counted apart.
    assertThat(texts("#teams td[data-col=status] .govuk-tag"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t).isIn("Over target", "Within target"));
    WebElement cp =
        browser.findElement(
            By.xpath("//table[@id='teams']//tr[th/a[normalize-space()='Child Protection Team']]"));
    assertThat(Integer.parseInt(cp.findElement(By.cssSelector("td[data-col=over-cap]")).getText()))
        .isPositive();
    screenshot("caseloads-overview.png");

    follow("Child Protection Team");
    assertThat(heading()).isEqualTo("Child Protection Team: caseloads");
    assertThat(texts("nav.govuk-breadcrumbs a"))
        .containsExactly("Home", "Caseloads", "Child Protection Team");
    List<WebElement> rows = browser.findElements(By.cssSelector("#board tbody tr"));
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getAttribute("id")).startsWith("worker-"));
    assertThat(texts("#board tbody td[data-col=weighted-cap]")).isNotEmpty();
    // The caseload-per-FTE chart: six months, the team target, and its figures as a table.
    assertThat(browser.findElements(By.cssSelector("svg#caseload-chart circle"))).hasSize(6);
    assertThat(text("caseload-chart-figure")).contains("Team target: 16");
    assertThat(texts("#caseload-chart-table tbody td").getLast()).isEqualTo(text("team-per-fte"));
    // The worker page's link lands on the worker's row.
    String firstRow = rows.getFirst().getAttribute("id");
    String workerId = firstRow.substring("worker-".length());
    String board = browser.getCurrentUrl().replace(base(), "").replaceAll("\\?.*", "");
    open(board + "#" + firstRow);
    assertThat(browser.findElement(By.id(firstRow)).getAttribute("data-worker"))
        .isEqualTo(workerId);
    screenshot("caseload-board-chart.png");

    // At 390 px the wide tables scroll inside their own region, not the page.
    browser.manage().window().setSize(new Dimension(390, 900));
    try {
      open(board);
      JavascriptExecutor js = browser;
      long pageWidth =
          ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
      long viewport =
          ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
      assertThat(pageWidth).isLessThanOrEqualTo(viewport);
      screenshot("caseload-board-390.png");
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    open(board);
    follow("Throughput");
    assertThat(heading()).isEqualTo("Child Protection Team: throughput");
    assertThat(texts("#months tbody th")).last().isEqualTo("November 2026");
    assertThat(texts("#caseload-chart-table tbody td"))
        .isEqualTo(texts("#months tbody td:nth-of-type(4)"));
    type("from", "1/9/2026");
    type("to", "31/10/2026");
    press("Show");
    assertThat(texts("#months tbody th")).containsExactly("September 2026", "October 2026");
    screenshot("caseload-throughput.png");
    type("to", "31/13/2026");
    press("Show");
    assertThat(errorSummary()).containsExactly("Enter a real date, for example 24/11/2026");
  }

  @Test
  @Submits({"POST /caseloads/cases/{caseRef}"})
  void aTeamManagerAllocatesACaseFromTheQueue() throws Exception {
    signInAs(AccessRole.TEAM_MANAGER);
    open("/caseloads/unallocated");
    assertThat(heading()).isEqualTo("Unallocated cases");
    assertThat(text("showing")).startsWith("Showing 1 to ");
    // The newest case waiting outside the managed team: on the last page of the queue.
    List<String> pages = texts(".govuk-pagination__item a");
    if (!pages.isEmpty()) {
      open("/caseloads/unallocated?page=" + pages.getLast());
      assertThat(text("showing")).endsWith(" of " + text("waiting-count").split(" ")[0]);
    }
    List<WebElement> rows =
        browser.findElements(By.cssSelector("#queue tbody tr")).stream()
            .filter(
                r ->
                    !r.findElement(By.cssSelector("td[data-col=team]"))
                        .getText()
                        .equals(MANAGED_TEAM))
            .toList();
    assertThat(rows).as("cases waiting outside the managed team").isNotEmpty();
    WebElement row = rows.getLast();
    String caseRef = row.getAttribute("data-case");
    String type = row.findElement(By.cssSelector("td[data-col=type]")).getText();
    row.findElement(By.linkText(caseRef)).click();
    checkPage();
    assertThat(heading()).isEqualTo("Allocate case " + caseRef);
    assertThat(text("case-type")).isEqualTo(type);
    assertThat(texts("nav.govuk-breadcrumbs a"))
        .containsExactly("Home", "Caseloads", "Unallocated cases");

    // Sent without choosing a worker: the error summary says so, and nothing is allocated.
    press("Allocate");
    assertThat(heading()).isEqualTo("Allocate case " + caseRef);
    assertThat(errorSummary()).containsExactly("Select a worker");
    screenshot("allocate-error.png");

    // The best worker the policy allows; a reason when they would go over a soft target.
    List<WebElement> options =
        browser.findElements(
            By.cssSelector("#recommendation .govuk-radios__item[data-eligible=true]"));
    if (options.isEmpty()) {
      follow("Workers in every team");
      options =
          browser.findElements(
              By.cssSelector("#recommendation .govuk-radios__item[data-eligible=true]"));
    }
    assertThat(options).as("a worker the policy allows").isNotEmpty();
    WebElement chosen =
        options.stream()
            .filter(o -> o.findElements(By.cssSelector(".govuk-tag--yellow")).isEmpty())
            .findFirst()
            .orElse(options.getFirst());
    String worker = chosen.findElement(By.cssSelector("label span")).getText();
    choose(chosen.findElement(By.cssSelector("input[type=radio]")));
    if (!chosen.findElements(By.cssSelector(".govuk-tag--yellow")).isEmpty()) {
      type("reason", "Journey test: the team's duty worker this week");
    }
    press("Allocate");

    assertThat(heading()).isEqualTo("Unallocated cases");
    assertThat(text("allocation-result")).isEqualTo("Case " + caseRef + " allocated to " + worker);
    screenshot("allocated.png");
    assertThat(browser.findElements(By.cssSelector("#queue tr[data-case='" + caseRef + "']")))
        .isEmpty();
    follow("See the case's allocations");
    assertThat(text("worker-now")).isEqualTo(worker);
    assertThat(texts("#decisions tbody tr").getLast())
        .contains(worker)
        .contains("Test " + AccessRole.TEAM_MANAGER.label());
  }

  @Test
  @Submits({
    "POST /caseloads/policy/change",
    "POST /caseloads/policy/edit",
    "POST /caseloads/policy/built-in"
  })
  void aHeadOfServiceChangesThePolicyByFormAndAsYamlThenGoesBackToTheBuiltInOne() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    try {
      open("/settings");
      follow("Allocation policy");
      assertThat(heading()).isEqualTo("Allocation policy");
      assertThat(text("policy-name")).isEqualTo("Common English practice");
      follow("Make the council's own policy");
      assertThat(heading()).isEqualTo("Change the allocation policy");
      assertThat(texts("nav.govuk-breadcrumbs a"))
          .containsExactly("Home", "Settings", "Allocation policy");

      // A cap that is not a number: the core's check, shown at the field.
      type("id", "journey");
      type("name", "Journey allocation policy");
      type("groups-1-maxCasesPerFte", "lots");
      press("Save and put in force");
      assertThat(heading()).isEqualTo("Change the allocation policy");
      assertThat(errorSummary())
          .containsExactly(
              "Social worker: cap on cases per FTE must be a number, like 1.5 (not lots)");
      browser.findElement(By.linkText(errorSummary().getFirst())).click();
      assertThat(browser.switchTo().activeElement().getAttribute("id"))
          .isEqualTo("groups-1-maxCasesPerFte");
      screenshot("policy-form-error.png");

      // Fixed, with the social workers' target at 17: saved and in force.
      type("groups-1-maxCasesPerFte", "22");
      type("groups-1-targetCasesPerFte", "17");
      press("Save and put in force");
      assertThat(heading()).isEqualTo("Allocation policy");
      assertThat(text("policy-saved"))
          .isEqualTo("The allocation policy Journey allocation policy is in force");
      assertThat(text("policy-name")).isEqualTo("Journey allocation policy");
      assertThat(
              browser.findElement(By.cssSelector("#groups tr[data-group=social-worker]")).getText())
          .contains("17 cases per FTE");
      screenshot("policy-saved.png");
      assertThat(browser.findElement(By.id("export-policy")).getAttribute("href"))
          .endsWith("/caseloads/policy.yaml");

      // As YAML: a broken document is refused with each problem named...
      follow("Edit or import it as YAML");
      assertThat(heading()).isEqualTo("Edit the allocation policy as YAML");
      String document = browser.findElement(By.id("document")).getAttribute("value");
      assertThat(document).contains("id: journey").contains("targetCasesPerFte: 17");
      type("document", "id: journey\ngroups:\n  - id: sw\n    maxCasesPerFte: lots\n");
      press("Save and put in force");
      assertThat(errorSummary()).containsExactly("The policy has errors: nothing was saved");
      assertThat(text("policy-errors"))
          .contains("groups[0].maxCasesPerFte")
          .contains("must be a number");
      // ...and a good one saved.
      type("document", document.replace("Journey allocation policy", "Journey policy from YAML"));
      press("Save and put in force");
      assertThat(text("policy-name")).isEqualTo("Journey policy from YAML");

      // Back to the built-in policy: the question must be answered.
      follow("Use the built-in policy");
      assertThat(heading()).isEqualTo("Use the built-in allocation policy?");
      press("Continue");
      assertThat(errorSummary())
          .containsExactly("Select yes to use the built-in policy, or no to keep the one in force");
      choose(browser.findElement(By.id("confirm")));
      press("Continue");
      assertThat(heading()).isEqualTo("Allocation policy");
      assertThat(text("policy-name")).isEqualTo("Common English practice");
    } finally {
      // Whatever happened above, the other journeys' figures use the built-in policy.
      jdbc.sql("update caseload_policy set active = false").update();
    }
  }

  @Test
  @Submits({"POST /caseloads/handover"})
  void aHandoverFormSentWithNothingChosenSaysWhatIsMissing() {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/caseloads");
    follow("Plan a handover");
    assertThat(heading()).isEqualTo("Plan a handover");
    assertThat(texts("nav.govuk-breadcrumbs a")).containsExactly("Home", "Caseloads");
    press("Plan the handover");
    assertThat(heading()).isEqualTo("Plan a handover");
    assertThat(errorSummary()).containsExactly("Choose the cases to hand over: a team or cases");
    browser.findElement(By.linkText(errorSummary().getFirst())).click();
    assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("fromTeam");
  }

  @Test
  @Submits({"POST /caseloads/handover"})
  void aHeadOfServicePlansTheManagedTeamsExitForALaterDateAndRanksWorkersForThen()
      throws Exception {
    long teamId =
        jdbc.sql("select id from team where name = ?")
            .param(MANAGED_TEAM)
            .query(Long.class)
            .single();
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/caseloads/handover");
    choose(browser.findElement(By.cssSelector("input[name=fromTeam][value='" + teamId + "']")));
    for (WebElement box : browser.findElements(By.cssSelector("input[name=toTeams]"))) {
      if (!box.getAttribute("value").equals(String.valueOf(teamId))) {
        choose(box);
      }
    }
    // A date that is not one first: the form says so and keeps what was chosen.
    type("on", "31/2/2027");
    press("Plan the handover");
    assertThat(heading()).isEqualTo("Plan a handover");
    assertThat(errorSummary()).containsExactly("Enter a real date, for example 31/3/2027");
    browser.findElement(By.id("on")).clear();
    // The day the contract ends, 4 July 2027: the demo's managed team stays till then, so every
    // case moves that day, to the workers in post then.
    type("on", "4/7/2027");
    press("Plan the handover");
    assertThat(heading()).isEqualTo("Handover plan");
    assertThat(text("plan-date")).isEqualTo("4 July 2027");
    assertThat(texts("#moves tbody tr td:last-child")).isNotEmpty().containsOnly("4 July 2027");
    screenshot("handover-plan-later.png");

    // A waiting case's recommendations for a later date: the workers in post then, no form to
    // allocate (a case is allocated today).
    open("/caseloads/unallocated");
    String caseRef =
        browser.findElement(By.cssSelector("#queue tbody tr")).getAttribute("data-case");
    open("/caseloads/cases/" + caseRef);
    type("on", "1/3/2027");
    press("Show");
    assertThat(heading()).isEqualTo("Allocate case " + caseRef);
    assertThat(text("later")).contains("Recommendations for 1 March 2027");
    assertThat(browser.findElements(By.xpath("//button[normalize-space()='Allocate']"))).isEmpty();
    type("on", "1/11/2026");
    press("Show");
    assertThat(errorSummary()).containsExactly("Recommendations are for today or a later date");
  }
}
