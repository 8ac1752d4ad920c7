package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Timeliness in headless Chromium, as a head of service's administrator uses it: importing case
 * activity (a small file of new cases, unique to this journey) and reading a case's timeline;
 * making the council's own rule set through the forms (copy, rename, add, change and remove KPIs)
 * and through the YAML page; each with the GOV.UK error summary for a mistake first.
 */
class TimelinessJourneysBrowserTest extends BrowserJourney {

  private static final String HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  private String teamId(String name) {
    return String.valueOf(
        jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single());
  }

  /** A worker in the team today: their id and name. */
  private String[] workerIn(String team) {
    long id =
        jdbc.sql(
                "select min(a.worker_id) from worker_assignment a join team t on t.id = a.team_id"
                    + " where t.name = ? and a.to_date is null")
            .param(team)
            .query(Long.class)
            .single();
    String name =
        jdbc.sql("select name from worker where id = ?").param(id).query(String.class).single();
    return new String[] {String.valueOf(id), name};
  }

  private List<String> cells(String rowCss) {
    return browser.findElement(By.cssSelector(rowCss)).findElements(By.tagName("td")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void scrollTo(String id) {
    browser.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id(id)));
  }

  private void upload(String name, String content) throws Exception {
    browser.findElement(By.id("file")).sendKeys(file(name, content));
  }

  @Test
  @Submits("POST /timeliness/import")
  void importCaseActivityAndReadTheNewCasesTimeline() throws Exception {
    signInAsAdmin();
    open("/timeliness");
    browser.findElement(By.linkText("Import case activity")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Import case activity");
    assertThat(texts("nav.govuk-breadcrumbs a")).containsExactly("Home", "Timeliness");

    // No file: the error summary says so.
    press("Import");
    assertThat(errorSummary()).containsExactly("Select a CSV file");

    String team = teamId("Assessment Team South");
    String[] worker = workerIn("Assessment Team South");
    // A file with a mistake: an hour that does not exist. Nothing is imported.
    upload(
        "timeliness-journey-bad.csv",
        HEADER
            + "tj-visit-1,2026-11-20T10:00,visit,TJ-CASE-1,TJ-CHILD-1,"
            + worker[0]
            + ","
            + team
            + ",seen,,\n"
            + "tj-write-1,2026-11-23T25:00,visit-write-up,TJ-CASE-1,TJ-CHILD-1,"
            + worker[0]
            + ","
            + team
            + ",,tj-visit-1,\n");
    press("Import");
    assertThat(errorSummary()).containsExactly("The file has 1 problem: nothing was imported");
    assertThat(texts("#import-errors tbody tr")).hasSize(1);
    assertThat(texts("#import-errors tbody tr td").get(0)).isEqualTo("3");
    assertThat(
            jdbc.sql("select count(*) from case_event where case_ref = 'TJ-CASE-1'")
                .query(Long.class)
                .single())
        .isZero();

    // Put right: a visit on Friday 20 November, written up on Monday 23 November.
    upload(
        "timeliness-journey.csv",
        HEADER
            + "tj-visit-1,2026-11-20T10:00,visit,TJ-CASE-1,TJ-CHILD-1,"
            + worker[0]
            + ","
            + team
            + ",seen,,\n"
            + "tj-write-1,2026-11-23T09:30,visit-write-up,TJ-CASE-1,TJ-CHILD-1,"
            + worker[0]
            + ","
            + team
            + ",,tj-visit-1,\n");
    press("Import");
    assertThat(heading()).isEqualTo("Timeliness");
    assertThat(text("import-result")).isEqualTo("Imported 2 events; 0 were already there");

    open("/cases/TJ-CASE-1");
    assertThat(heading()).isEqualTo("Case TJ-CASE-1");
    assertThat(text("child")).isEqualTo("Child TJ-CHILD-1");
    assertThat(texts("nav.govuk-breadcrumbs a")).containsExactly("Home", "Timeliness");
    // An administrator may correct each event: the last cell is its link.
    assertThat(cells("#timeline tr[data-event='tj-visit-1']").getLast())
        .isEqualTo("Correct\nthe visit on 20 November 2026 at 10:00am");
    assertThat(cells("#timeline tr[data-event='tj-visit-1']"))
        .startsWith(
            "20 November 2026 at 10:00am",
            "Visit",
            "Assessment Team South",
            worker[1],
            "Child seen");
    assertThat(cells("#timeline tr[data-event='tj-write-1']"))
        .startsWith(
            "23 November 2026 at 9:30am",
            "Visit written up",
            "Assessment Team South",
            worker[1],
            "For the visit on 20 November 2026 at 10:00am");
    screenshot("timeliness-case.png");
  }

  @Test
  @Submits({"POST /cases/{caseRef}/events/{eventId}/correct", "POST /timeliness/corrections"})
  void correctAnEventOnItsCasePageAndWithdrawAnotherWithAFile() throws Exception {
    signInAsAdmin();
    String team = teamId("Assessment Team South");
    String[] worker = workerIn("Assessment Team South");
    String row = "," + "TJC-CASE-1,TJC-CHILD-1," + worker[0] + "," + team;
    open("/timeliness/import");
    upload(
        "timeliness-corrections-events.csv",
        HEADER
            + "tjc-alloc,2026-11-19T09:00,allocated"
            + row
            + ",,,\n"
            + "tjc-visit,2026-11-20T10:00,visit"
            + row
            + ",seen,,\n"
            + "tjc-dup,2026-11-20T10:00,visit"
            + row
            + ",seen,,\n"
            + "tjc-closed,2026-11-25T16:00,closed"
            + row
            + ",,,\n");
    press("Import");
    assertThat(text("import-result")).isEqualTo("Imported 4 events; 0 were already there");

    // The visit was on Saturday the 21st, and the child was not seen.
    open("/cases/TJC-CASE-1");
    browser.findElement(By.cssSelector("#timeline tr[data-event='tjc-visit'] a")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Correct an event");
    assertThat(texts("nav.govuk-breadcrumbs a"))
        .containsExactly("Home", "Timeliness", "Case TJC-CASE-1");
    type("when", "21");
    select("detail", "Child not seen");
    press("Save the correction");
    assertThat(errorSummary()).containsExactly("Enter why the event is corrected or withdrawn");
    type("reason", "The visit was on the 21st and the child was not seen");
    press("Save the correction");
    assertThat(heading()).isEqualTo("Case TJC-CASE-1");
    assertThat(text("corrected")).isEqualTo("The event was corrected");
    assertThat(cells("#timeline tr[data-event='tjc-visit']"))
        .startsWith(
            "21 November 2026 at 10:00am",
            "Visit",
            "Assessment Team South",
            worker[1],
            "Child not seen");
    assertThat(cells("#corrections tr[data-event='tjc-visit']"))
        .contains(
            "Administrator",
            "Corrected",
            "The visit was on the 21st and the child was not seen",
            "Visit on 20 November 2026 at 10:00am; "
                + worker[1]
                + "; Assessment Team South; Child seen");

    // The duplicate goes with a corrections file, from the import page.
    open("/timeliness/import");
    browser.findElement(By.linkText("a corrections file")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Correct or withdraw events");
    press("Apply the corrections");
    assertThat(errorSummary()).containsExactly("Select a CSV file");
    upload(
        "timeliness-corrections.csv",
        "event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,"
            + "due_date\n"
            + "tjc-dup,withdraw,Recorded twice,,,,,,,,,\n");
    press("Apply the corrections");
    assertThat(text("corrected"))
        .isEqualTo("0 events corrected, 1 withdrawn; 0 already as the file has them");
    open("/cases/TJC-CASE-1");
    assertThat(browser.findElements(By.cssSelector("#timeline tr[data-event='tjc-dup']")))
        .isEmpty();
    assertThat(cells("#corrections tr[data-event='tjc-dup']"))
        .contains("Withdrawn", "Recorded twice", "No longer counts");
    screenshot("timeliness-corrections.png");
  }

  @Test
  @Submits({"POST /timeliness/rules/new", "POST /timeliness/rules/{id}/name"})
  void copyABuiltInRuleSetAndRenameIt() throws Exception {
    signInAsAdmin();
    open("/settings");
    browser.findElement(By.linkText("Timeliness rule sets")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Timeliness rule sets");
    assertThat(texts("nav.govuk-breadcrumbs a")).containsExactly("Home", "Settings");
    browser.findElement(By.linkText("Create a rule set")).click();
    checkPage();

    // A short code with capitals and spaces is refused, and what was typed stays.
    type("setName", "Journey standards");
    type("setId", "Journey Standards");
    choose(browser.findElement(By.cssSelector("input[name=from][value=contract]")));
    press("Create rule set");
    assertThat(errorSummary())
        .containsExactly("A rule set's id is 1 to 64 lower-case letters, digits or hyphens");
    assertThat(browser.findElement(By.id("setName")).getAttribute("value"))
        .isEqualTo("Journey standards");

    type("setId", "journey-standards");
    press("Create rule set");
    assertThat(heading()).isEqualTo("Journey standards");
    assertThat(text("saved")).isEqualTo("Rule set created");
    assertThat(texts("nav.govuk-breadcrumbs a"))
        .containsExactly("Home", "Settings", "Timeliness rule sets");
    assertThat(texts("#kpis tbody tr")).hasSize(7);

    browser.findElement(By.cssSelector("#set-details a[href$='/name']")).click();
    checkPage();
    type("setName", "");
    press("Save name");
    assertThat(errorSummary()).containsExactly("Enter the rule set's name");
    type("setName", "Journey local standards");
    press("Save name");
    assertThat(heading()).isEqualTo("Journey local standards");
    assertThat(text("saved")).isEqualTo("Name changed");
    // Each change is recorded with who and when.
    assertThat(texts("#changes tbody tr")).hasSize(2);
    assertThat(cells("#changes tbody tr:first-child"))
        .containsExactly("24 November 2026 at 12:00pm", "Administrator", "Name changed");
  }

  @Test
  @Submits({
    "POST /timeliness/rules/{id}/kpis/new",
    "POST /timeliness/rules/{id}/kpis/{rule}/edit",
    "POST /timeliness/rules/{id}/kpis/{rule}/remove"
  })
  void addChangeAndRemoveKpisAndSeeTheTrendAgainstTheTarget() throws Exception {
    // Two of the council's sets to work on, pasted in through the YAML page (ids of their own
    // each run): one with the seven contract KPIs, one with a single KPI.
    String run = Long.toString(System.nanoTime(), 36);
    String kpis = "journey-kpis-" + run;
    String single = "journey-single-" + run;
    signInAsAdmin();
    paste(
        org.safeload.timeliness.KpiRuleSet.builtInText("contract")
            .replace("id: contract", "id: " + kpis)
            .replace("name: Managed team contract KPIs", "name: Journey KPIs " + run));
    paste(
        """
        id: %s
        name: Journey single KPI %s
        rules:
          - id: supervision-4w
            name: Supervision every 4 weeks
            scope: worker
            target: {type: supervision}
            every: {weeks: 4}
        """
            .formatted(single, run));

    open("/timeliness/rules/" + kpis);
    browser.findElement(By.linkText("Add a KPI")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Add a KPI");
    type("name", "Child seen within 2 working days of a referral");
    type("ruleId", "seen-2wd");
    choose(browser.findElement(By.id("kind")));
    select("anchorType", "Referral");
    select("targetType", "Visit");
    choose(browser.findElement(By.id("targetDetails"))); // Child seen
    type("amount", "0");
    select("unit", "Working days");
    type("goal", "90");
    press("Add KPI");
    assertThat(errorSummary()).containsExactly("The time limit must be at least 1 (not 0)");
    assertThat(browser.findElement(By.id("targetDetails")).isSelected()).isTrue();
    type("amount", "2");
    press("Add KPI");
    assertThat(text("saved")).isEqualTo("KPI added");
    scrollTo("kpis-heading");
    screenshot("timeliness-rule-set.png");
    assertThat(cells("#kpis tr[data-kpi='seen-2wd']"))
        .startsWith(
            "Starts with: Referral\nThen: Visit (Child seen)\nWithin: 2 working days", "90%");

    // The figures: its trend by month with the 90% target line, and its overdue items.
    open("/timeliness?rules=" + kpis + "&trend=seen-2wd");
    assertThat(text("trend-chart-title"))
        .isEqualTo("Child seen within 2 working days of a referral: % on time by month");
    assertThat(
            browser.findElement(By.cssSelector("#trend-chart .sl-chart__reference text")).getText())
        .isEqualTo("Target: 90%");
    assertThat(browser.findElements(By.cssSelector("#trend-chart circle"))).isNotEmpty();
    scrollTo("trend-heading");
    screenshot("timeliness-trend.png");
    scrollTo("items-heading");
    screenshot("timeliness-items.png");
    scrollTo("pagination");
    screenshot("timeliness-pages.png");

    // Changed: a short code left blank is asked for; then 3 working days.
    open("/timeliness/rules/" + kpis);
    browser.findElement(By.cssSelector("#kpis tr[data-kpi='seen-2wd'] a[href$='/edit']")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Change a KPI");
    assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("2");
    type("ruleId", "");
    type("amount", "3");
    press("Save KPI");
    assertThat(errorSummary()).containsExactly("Enter a short code for the KPI");
    type("ruleId", "seen-3wd");
    press("Save KPI");
    assertThat(text("saved")).isEqualTo("KPI changed");
    assertThat(cells("#kpis tr[data-kpi='seen-3wd']").getFirst())
        .endsWith("Within: 3 working days");

    // Removed.
    browser
        .findElement(By.cssSelector("#kpis tr[data-kpi='documents-3wd'] a[href$='/remove']"))
        .click();
    checkPage();
    assertThat(heading()).isEqualTo("Remove this KPI?");
    assertThat(text("kpi-name"))
        .isEqualTo("Key documents to the manager 3 working days before they are due");
    press("Remove KPI");
    assertThat(text("saved")).isEqualTo("KPI removed");
    assertThat(texts("#kpis tbody tr")).hasSize(7);
    assertThat(browser.findElements(By.cssSelector("#kpis tr[data-kpi='documents-3wd']")))
        .isEmpty();

    // A set's last KPI cannot go.
    open("/timeliness/rules/" + single + "/kpis/supervision-4w/remove");
    press("Remove KPI");
    assertThat(errorSummary())
        .containsExactly("A rule set has at least one KPI: add another before removing this one");
    screenshot("timeliness-kpi-remove-refused.png");
  }

  @Test
  @Submits("POST /timeliness/rules/edit")
  void pasteARuleSetAsYamlAndDownloadIt() throws Exception {
    signInAsAdmin();
    open("/timeliness/rules/statutory");
    assertThat(heading()).isEqualTo("Statutory timescales");
    assertThat(browser.findElement(By.id("export")).getAttribute("href"))
        .endsWith("/timeliness/rules/statutory.yaml");
    browser.findElement(By.linkText("Copy and edit as YAML")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Edit a rule set as YAML");
    String copy = browser.findElement(By.id("document")).getAttribute("value");
    assertThat(copy).contains("id: my-statutory");
    String mine =
        copy.replace("id: my-statutory", "id: journey-yaml")
            .replace("name: Statutory timescales", "name: Journey YAML timescales");

    type("document", mine.replace("every: {workingDays: 10}", "every: {fortnights: 1}"));
    press("Save rule set");
    assertThat(errorSummary()).hasSize(1);
    assertThat(errorSummary().getFirst()).endsWith(": nothing was saved");
    assertThat(texts("#rule-errors tbody tr")).anyMatch(r -> r.contains("fortnights"));

    type("document", mine.replace("every: {workingDays: 10}", "every: {workingDays: 15}"));
    press("Save rule set");
    assertThat(heading()).isEqualTo("Journey YAML timescales");
    assertThat(text("saved")).isEqualTo("Rule set saved from YAML");
    assertThat(cells("#kpis tr[data-kpi='cp-visit-10wd']").getFirst())
        .contains("Every: 15 working days");
    // The download is the YAML saved.
    String href = browser.findElement(By.id("export")).getAttribute("href");
    assertThat(href).endsWith("/timeliness/rules/journey-yaml.yaml");
    String downloaded =
        (String)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done);",
                href);
    assertThat(downloaded).contains("id: journey-yaml", "every: {workingDays: 15}");
  }

  /** Saves a rule set through the YAML page, as a power user pastes one. */
  private void paste(String yaml) {
    open("/timeliness/rules/edit");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('document').value = arguments[0]", yaml);
    press("Save rule set");
    assertThat(errorSummary()).isEmpty();
  }
}
