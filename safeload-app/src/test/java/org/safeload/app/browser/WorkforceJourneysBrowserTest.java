package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;

/**
 * The recruitment pipeline, supplier placements and sickness absence, filled and submitted in
 * Chromium as a head of service or team manager does (the test clock: 24 November 2026): each form
 * with one bad entry that shows the GOV.UK error summary. Every record is new and uniquely named;
 * the candidates and placements made here are deleted at the end, so the pipeline other journeys
 * see is as it was.
 */
class WorkforceJourneysBrowserTest extends BrowserJourney {

  @org.springframework.beans.factory.annotation.Autowired
  org.safeload.app.organisation.WorkforceService workforce;

  /** Letters only, so no name made here reads like "Team 5". */
  private static final String RUN = letters();

  private static String letters() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }

  @Test
  @Submits({
    "POST /workforce/recruitment/new",
    "POST /workforce/recruitment/{id}/edit",
    "POST /workers/new"
  })
  void aHeadOfServiceFollowsAnInternationalRecruitFromApplicationToTheirFirstDay()
      throws Exception {
    String name = "Recruit Journey " + RUN;
    try {
      signInAs(AccessRole.HEAD_OF_SERVICE);
      open("/workers");
      browser.findElement(By.linkText("Recruitment pipeline")).click();
      checkPage();
      assertThat(heading()).isEqualTo("Recruitment pipeline");
      browser.findElement(By.linkText("Add a candidate")).click();
      checkPage();

      // Registration dates for a permanent candidate awaiting registration: refused.
      type("name", name);
      select("role", "Social worker");
      select("route", "Permanent");
      select("stage", "Awaiting registration");
      typeDate("registrationApplied", 1, 9, 2026);
      press("Save candidate");
      assertThat(errorSummary())
          .containsExactly(
              "Enter the expected start date: the candidate has an offer",
              "Only an international recruit has registration dates: leave this empty",
              "Only an international recruit awaits registration");

      select("route", "International");
      typeDate("expectedStart", 4, 1, 2027);
      typeDate("registrationExpected", 14, 1, 2027);
      press("Save candidate");
      assertThat(text("done")).isEqualTo(name + " added to the pipeline");
      assertThat(texts("#candidates-awaiting-registration tbody tr td:nth-child(7)"))
          .contains("Applied 1 September 2026\nExpected 14 January 2027");
      screenshot("recruitment-pipeline.png");

      // Registered: accepted, to start on 18 January 2027 in the first team.
      browser.findElement(By.xpath("//a[normalize-space()='Change " + name + "']")).click();
      checkPage();
      assertThat(heading()).isEqualTo("Change " + name);
      select("stage", "Accepted");
      typeDate("expectedStart", 18, 1, 2027);
      select(
          "teamId", browser.findElement(By.cssSelector("#teamId option:nth-child(2)")).getText());
      press("Save candidate");
      assertThat(text("done")).isEqualTo("Changes to " + name + " saved");
      assertThat(texts("#candidates-accepted tbody tr td:first-child")).contains(name);

      // Their first day comes: the worker form is filled from the pipeline.
      browser
          .findElement(By.xpath("//a[normalize-space()='Add as a worker: " + name + "']"))
          .click();
      checkPage();
      assertThat(text("from-candidate")).startsWith("Filled from the recruitment pipeline");
      assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
      assertThat(browser.findElement(By.id("startDate")).getAttribute("value")).isEqualTo("18");
      typeDate("qualificationDate", 1, 7, 2020);
      type("sweRegistration", "SW" + (40_000_000 + ThreadLocalRandom.current().nextInt(1_000_000)));
      press("Save");
      assertThat(heading()).isEqualTo(name);
      open("/workforce/recruitment");
      assertThat(texts("#candidates-started tbody tr td:first-child")).contains(name);
    } finally {
      jdbc.sql("delete from recruitment_candidate where name = ?").param(name).update();
    }
  }

  @Test
  @Submits({"POST /workforce/placements/new", "POST /workforce/placements/{id}/edit"})
  void aTeamManagerRecordsARequestToASupplierAndThenItsFilling() throws Exception {
    String supplier = "Placement Journey " + RUN + " Agency";
    try {
      signInAs(AccessRole.TEAM_MANAGER);
      open("/workforce/placements");
      browser.findElement(By.linkText("Record a placement request")).click();
      checkPage();
      type("supplier", supplier);
      select("role", "Social worker");
      typeDate("requested", 2, 11, 2026);
      typeDate("filled", 1, 11, 2026);
      press("Save placement");
      assertThat(errorSummary())
          .containsExactly("The date filled must be on or after the request date");

      type("filled-year", "");
      type("filled-month", "");
      type("filled", "");
      press("Save placement");
      assertThat(text("done")).isEqualTo("Placement from " + supplier + " recorded");

      browser
          .findElement(
              By.xpath(
                  "//a[normalize-space()='Change the placement from "
                      + supplier
                      + " requested on 2 November 2026']"))
          .click();
      checkPage();
      type("brokeredFrom", "Northern Social Care");
      typeDate("filled", 23, 11, 2026);
      press("Save placement");
      assertThat(text("done")).isEqualTo("Placement from " + supplier + " saved");
      String row =
          browser
              .findElement(
                  By.xpath(
                      "//table[@id='by-supplier']//tr[th[normalize-space()='" + supplier + "']]"))
              .getText();
      // Asked on 2 November, filled on 23 November: 21 days, brokered from one other agency.
      assertThat(row).isEqualTo(supplier + " 1 1 0 1 from 1 agency 0 21 21");
      screenshot("supplier-placements.png");
    } finally {
      jdbc.sql("delete from supplier_placement where supplier = ?").param(supplier).update();
    }
  }

  @Test
  @Submits("POST /workers/{id}/sickness")
  void aTeamManagerRecordsAWorkersSicknessAbsence() throws Exception {
    long team = jdbc.sql("select min(id) from team").query(Long.class).single();
    String name = "Sickness Journey " + RUN;
    long id =
        org.safeload.app.access.SystemAccess.call(
                () ->
                    workforce.create(
                        new org.safeload.organisation.WorkerDetails(
                            name,
                            org.safeload.organisation.Role.SOCIAL_WORKER,
                            org.safeload.organisation.EmploymentType.PERMANENT,
                            java.math.BigDecimal.ONE,
                            java.time.LocalDate.of(2026, 9, 7),
                            null,
                            java.time.LocalDate.of(2015, 7, 1),
                            null,
                            "SW" + (30_000_000 + ThreadLocalRandom.current().nextInt(1_000_000))),
                        team))
            .id();
    signInAs(AccessRole.TEAM_MANAGER);
    open("/workers/" + id);
    assertThat(text("sickness-year"))
        .isEqualTo("Working days lost in the year to 30 September 2027: 0.");
    browser.findElement(By.partialLinkText("Record sickness absence")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Record sickness absence");

    typeDate("from", 13, 11, 2026);
    typeDate("to", 9, 11, 2026);
    press("Save absence");
    assertThat(errorSummary())
        .containsExactly("The last day off must be on or after the first", "Select the reason");

    // Monday 9 to Friday 13 November 2026: 5 working days, counted from the calendar.
    typeDate("from", 9, 11, 2026);
    typeDate("to", 13, 11, 2026);
    select("reason", "Cold, flu or other infection");
    press("Save absence");
    assertThat(text("done"))
        .isEqualTo("Sickness absence recorded: 9 November 2026 to 13 November 2026");
    assertThat(text("sickness-year"))
        .isEqualTo("Working days lost in the year to 30 September 2027: 5.");
    assertThat(texts("#sickness-absences tbody tr td"))
        .containsExactly(
            "9 November 2026", "13 November 2026", "5", "Cold, flu or other infection");
    screenshot("worker-sickness.png");
  }
}
