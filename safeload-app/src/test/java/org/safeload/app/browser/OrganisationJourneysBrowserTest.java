package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;

/**
 * The organisation and access forms, filled and submitted in Chromium the way a council user does:
 * services, teams and establishment, workers (add, change, move, import), providers and accounts,
 * each with one bad entry that shows the GOV.UK error summary. Every record is new and uniquely
 * named, so the demo council other journeys rely on is left as it was.
 */
class OrganisationJourneysBrowserTest extends BrowserJourney {

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

  /** A Social Work England number no demo worker has (theirs run from SW100200). */
  private static String registration() {
    return "SW7" + (10000 + ThreadLocalRandom.current().nextInt(89999));
  }

  private long id() {
    String url = browser.getCurrentUrl();
    String path = url.replaceAll("[?#].*", "");
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  /** A team of this journey's own, made directly in the database (not the subject here). */
  private long team(String name) {
    long service = jdbc.sql("select min(id) from service").query(Long.class).single();
    jdbc.sql("insert into team (service_id, name, kind) values (?, ?, 'substantive')")
        .params(service, name)
        .update();
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  @Test
  @Submits({
    "POST /services/new",
    "POST /services/{id}/edit",
    "POST /teams/new",
    "POST /teams/{id}/edit",
    "POST /teams/{id}/establishment"
  })
  void aHeadOfServiceSetsUpAServiceAndATeamWithItsEstablishment() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    String service = "Early Help " + RUN;

    open("/services/new");
    press("Save");
    assertThat(errorSummary()).containsExactly("Enter the service's name");
    type("name", service);
    type("description", "Step-down from children in need");
    press("Save");
    assertThat(heading()).isEqualTo(service);
    assertThat(text("done")).isEqualTo(service + " added");
    long serviceId = id();

    browser.findElement(By.partialLinkText("Change the service")).click();
    type("name", "");
    press("Save");
    assertThat(errorSummary()).containsExactly("Enter the service's name");
    type("name", service + " East");
    press("Save");
    assertThat(heading()).isEqualTo(service + " East");
    assertThat(texts(".govuk-breadcrumbs__link")).containsExactly("Home", "Services");

    browser.findElement(By.partialLinkText("Add a team")).click();
    assertThat(heading()).isEqualTo("Add a team");
    press("Save");
    assertThat(errorSummary())
        .containsExactly(
            "Enter the team's name", "Select whether the team is substantive or managed");
    String team = "Early Help Team " + RUN;
    type("name", team);
    choose(browser.findElement(By.id("kind")));
    press("Save");
    assertThat(heading()).isEqualTo(team);
    assertThat(text("done")).isEqualTo(team + " added");
    long teamId = id();
    assertThat(browser.findElement(By.id("caseloads-link")).getAttribute("href"))
        .endsWith("/caseloads/teams/" + teamId);
    assertThat(browser.findElement(By.id("timeliness-link")).getAttribute("href"))
        .endsWith("/timeliness?team=" + teamId);

    open("/teams/" + teamId + "/edit");
    assertThat(browser.findElement(By.id("serviceId")).getAttribute("value"))
        .isEqualTo(String.valueOf(serviceId));
    choose(browser.findElement(By.id("kind-managed")));
    press("Save");
    assertThat(errorSummary()).containsExactly("Select the provider of the managed team");
    choose(browser.findElement(By.id("kind")));
    type("name", team + " East");
    press("Save");
    assertThat(heading()).isEqualTo(team + " East");
    assertThat(text("done")).isEqualTo("Changes to " + team + " East saved");

    browser.findElement(By.partialLinkText("Change establishment")).click();
    type("social-worker", "six");
    press("Save");
    assertThat(errorSummary()).containsExactly("Social worker FTE must be a number, like 7 or 6.5");
    type("social-worker", "6.5");
    type("team-manager", "1");
    press("Save");
    assertThat(text("done")).isEqualTo("Establishment of " + team + " East saved");
    // No one in post yet: 6.5 + 1 = 7.5 FTE budgeted, all vacant.
    assertThat(texts("#staffing tr[data-role=social-worker] td"))
        .containsExactly("6.5", "0", "0", "6.5", "0", "0");
    assertThat(texts("#staffing-total td")).containsExactly("7.5", "0", "0", "7.5", "0", "0");
    screenshot("organisation-team.png");
  }

  @Test
  @Submits({"POST /workers/new", "POST /workers/{id}/edit", "POST /workers/{id}/move"})
  void aTeamManagerAddsAWorkerChangesTheirHoursAndMovesThem() throws Exception {
    long first = team("Journey First Team " + RUN);
    long second = team("Journey Second Team " + RUN);
    signInAs(AccessRole.TEAM_MANAGER);
    String name = "Wren Journey " + RUN;

    open("/workers/new?teamId=" + first);
    press("Save");
    assertThat(errorSummary()).contains("Enter the worker's name");
    type("name", name);
    select("role", "Social worker");
    select("employmentType", "Agency");
    select("teamId", "Journey First Team " + RUN);
    type("fte", "0.8");
    typeDate("startDate", 2, 3, 2026);
    typeDate("qualificationDate", 1, 7, 2019);
    type("sweRegistration", registration());
    press("Save");
    assertThat(heading()).isEqualTo(name);
    assertThat(text("done")).isEqualTo(name + " added to Journey First Team " + RUN);
    assertThat(text("status")).isEqualTo("Current");
    assertThat(text("team")).isEqualTo("Journey First Team " + RUN);
    long workerId = id();
    assertThat(browser.findElement(By.id("caseload-link")).getAttribute("href"))
        .endsWith("/caseloads/teams/" + first + "#worker-" + workerId);

    browser.findElement(By.partialLinkText("Change details")).click();
    type("fte", "1.5");
    press("Save");
    assertThat(errorSummary()).containsExactly("FTE must be more than 0 and at most 1");
    type("fte", "1");
    press("Save");
    assertThat(text("done")).isEqualTo("Changes to " + name + " saved");
    assertThat(text("fte")).isEqualTo("1");

    browser.findElement(By.partialLinkText("Move to another team")).click();
    press("Move");
    assertThat(errorSummary())
        .containsExactly("Select the team to move to", "Enter the date the move takes effect");
    select("teamId", "Journey Second Team " + RUN);
    typeDate("from", 1, 12, 2026);
    press("Move");
    assertThat(text("done"))
        .isEqualTo(name + " moves to Journey Second Team " + RUN + " from 1 December 2026");
    // Today (24 November 2026) they are still in the first team; the move is in their history.
    assertThat(text("team")).isEqualTo("Journey First Team " + RUN);
    assertThat(texts("#history tbody tr"))
        .containsExactly(
            "Journey First Team " + RUN + " From 2 March 2026 to 30 November 2026",
            "Journey Second Team " + RUN + " From 1 December 2026");
    assertThat(second).isPositive();
  }

  /**
   * A new permanent social worker in the first team, qualified in 2015, starting on 2 November
   * 2026, with nothing checked yet.
   */
  private long newSocialWorker(String name, String swe) {
    long team = jdbc.sql("select min(id) from team").query(Long.class).single();
    return org.safeload.app.access.SystemAccess.call(
            () ->
                workforce.create(
                    new org.safeload.organisation.WorkerDetails(
                        name,
                        org.safeload.organisation.Role.SOCIAL_WORKER,
                        org.safeload.organisation.EmploymentType.PERMANENT,
                        java.math.BigDecimal.ONE,
                        java.time.LocalDate.of(2026, 11, 2),
                        null,
                        java.time.LocalDate.of(2015, 7, 1),
                        null,
                        swe),
                    team))
        .id();
  }

  @Test
  @Submits("POST /workers/{id}/vetting")
  void aTeamManagerRecordsAWorkersChecksUntilTheyAreCleared() throws Exception {
    // A new permanent social worker, nothing checked yet.
    long id =
        newSocialWorker(
            "Vetting Journey " + RUN,
            "SW" + (70_000_000 + ThreadLocalRandom.current().nextInt(1_000_000)));
    signInAs(AccessRole.TEAM_MANAGER);
    open("/workers/" + id);
    assertThat(text("clearance")).startsWith("Blocked");
    assertThat(texts("#clearance-failures tbody tr td:nth-child(2)"))
        .containsExactly(
            "No enhanced DBS check with the children's barred list is recorded",
            "No Social Work England registration is recorded",
            "No right-to-work check is recorded");
    browser.findElement(By.partialLinkText("Record checks")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Record checks");

    // A certificate number too short, and no issue date or outcome: refused, nothing recorded.
    type("dbsCertificate", "123");
    press("Save checks");
    assertThat(errorSummary())
        .containsExactly(
            "A DBS certificate number is 12 digits",
            "Enter the date the certificate was issued",
            "Select the outcome");

    type("dbsCertificate", "001234567890");
    typeDate("dbsIssued", 1, 10, 2026);
    select("dbsOutcome", "Clear");
    choose(browser.findElement(By.id("dbsUpdateService")));
    typeDate("dbsLastStatusCheck", 1, 10, 2026);
    select("registrationStatus", "Registered");
    typeDate("registrationCheckedOn", 1, 11, 2026);
    typeDate("rightToWorkCheckedOn", 1, 10, 2026);
    type("rightToWorkCheckedBy", "HR business partner");
    press("Save checks");
    assertThat(text("done-title")).isNotEmpty();
    assertThat(text("clearance")).startsWith("Cleared");
    assertThat(browser.findElements(By.id("clearance-failures"))).isEmpty();
    screenshot("worker-vetting.png");
  }

  @Test
  @Submits("POST /workers/register-extract")
  void aHeadOfServiceImportsARegisterExtractThatSuspendsAWorker() throws Exception {
    String swe = "SW" + (60_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    long id = newSocialWorker("Register Journey " + RUN, swe);
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/workers/import");
    browser.findElement(By.linkText("import a register extract")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Import a Social Work England register extract");

    // A status the register does not have: refused with its line, nothing recorded.
    browser
        .findElement(By.id("file"))
        .sendKeys(
            file(
                "register-bad.csv",
                "registration_number,status,conditions,checked_on\n"
                    + swe
                    + ",struck-off,,2026-11-20\n"));
    press("Import");
    assertThat(errorSummary()).containsExactly("The file has 1 problem: nothing was recorded");
    assertThat(texts("#register-errors tbody tr td").get(0)).isEqualTo("2");

    browser
        .findElement(By.id("file"))
        .sendKeys(
            file(
                "register.csv",
                "registration_number,status,conditions,checked_on\n"
                    + swe
                    + ",suspended,,2026-11-20\nSW1,registered,,2026-11-20\n"));
    press("Import");
    assertThat(text("recorded"))
        .isEqualTo("1 register entry recorded, 0 unchanged, 1 not for our workers");
    open("/workers/" + id);
    assertThat(texts("#clearance-failures tbody tr td:nth-child(2)"))
        .contains(
            "Social Work England registration " + swe + " is suspended (checked 20 November 2026)");
  }

  @Test
  @Submits("POST /workers/import")
  void aHeadOfServiceImportsATeamAndFindsItsLeaverAndStartersByFilter() throws Exception {
    String team = "Journey Import Team " + RUN;
    team(team);
    signInAs(AccessRole.HEAD_OF_SERVICE);

    open("/workers/import");
    press("Import");
    assertThat(errorSummary()).containsExactly("Select a CSV file");
    String header =
        "name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,"
            + "swe_registration,team\n";
    browser
        .findElement(By.id("file"))
        .sendKeys(
            file(
                "bad-" + RUN + ".csv",
                header
                    + "Bad Row "
                    + RUN
                    + ",business-support,permanent,2,2025-01-06,,,,,"
                    + team));
    press("Import");
    assertThat(errorSummary()).containsExactly("The file has errors: nothing was imported");
    assertThat(texts("#import-errors tbody tr"))
        .containsExactly("2 fte FTE must be more than 0 and at most 1");

    // 50 in post, 1 leaver, 2 future starters: 53 workers, so two pages of 50 and 3.
    StringBuilder csv = new StringBuilder(header);
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      rows.add(
          String.format(
              "Support %02d %s,business-support,permanent,1,2025-01-06,,,,,%s", i, RUN, team));
    }
    rows.add("Zeta Leaver " + RUN + ",business-support,agency,1,2024-01-08,2026-06-30,,,," + team);
    rows.add("Zeta Starter " + RUN + ",business-support,permanent,0.5,2026-12-01,,,,," + team);
    rows.add("Zeta Later " + RUN + ",business-support,permanent,1,2027-01-04,,,,," + team);
    rows.forEach(r -> csv.append(r).append('\n'));
    browser.findElement(By.id("file")).sendKeys(file("team-" + RUN + ".csv", csv.toString()));
    press("Import");
    assertThat(heading()).isEqualTo("Workers");
    assertThat(text("import-result")).isEqualTo("Imported: 53 created, 0 updated, 0 unchanged");

    select("team", team);
    press("Apply filters");
    assertThat(text("showing")).isEqualTo("Showing 1 to 50 of 53 workers");
    assertThat(texts("#workers tbody tr")).hasSize(50);
    browser.findElement(By.cssSelector("a[rel=next]")).click();
    checkPage();
    assertThat(text("showing")).isEqualTo("Showing 51 to 53 of 53 workers");
    // By name: the three Zetas come last.
    assertThat(texts("#workers tbody tr td:first-child"))
        .containsExactly("Zeta Later " + RUN, "Zeta Leaver " + RUN, "Zeta Starter " + RUN);
    assertThat(texts("#workers tbody tr td:last-child"))
        .containsExactly(
            "Starts on 4 January 2027", "Left on 30 June 2026", "Starts on 1 December 2026");

    select("status", "Leaver");
    press("Apply filters");
    assertThat(text("showing")).isEqualTo("Showing 1 to 1 of 1 worker");
    assertThat(texts("#workers tbody tr td"))
        .containsExactly(
            "Zeta Leaver " + RUN,
            "Business support",
            "Agency",
            "1",
            "",
            "None",
            "Left on 30 June 2026");

    select("status", "Future starter");
    select("employment", "Permanent");
    press("Apply filters");
    assertThat(texts("#workers tbody tr td:first-child"))
        .containsExactly("Zeta Later " + RUN, "Zeta Starter " + RUN);
    screenshot("workers-filtered.png");

    // On a 390 px phone the list scrolls within its own region, not the page.
    org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
      browser.navigate().refresh();
      checkPage();
      Long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
      assertThat(pageWidth).isLessThanOrEqualTo(390L);
      screenshot("workers-filtered-390.png");
    } finally {
      browser.manage().window().setSize(wide);
    }
  }

  @Test
  @Submits({"POST /providers", "POST /admin/users/new"})
  void anAdministratorAddsAProviderAndAnAccountForItAndFindsThemInTheAuditTrail() throws Exception {
    signInAsAdmin();
    String provider = "Journey Care " + RUN + " Ltd";

    open("/providers");
    press("Add provider");
    assertThat(errorSummary()).containsExactly("Enter the provider's name");
    type("name", provider);
    press("Add provider");
    assertThat(text("done")).isEqualTo(provider + " added");
    assertThat(texts("#providers dt")).contains(provider);

    open("/admin/users/new");
    type("username", "no spaces allowed");
    select("role", "Provider");
    press("Create account");
    assertThat(errorSummary())
        .containsExactly(
            "Username must be 2 to 100 letters, digits or . _ @ - (no spaces)",
            "Select the provider this account belongs to");
    String username = "journey." + RUN.toLowerCase();
    type("username", username);
    type("displayName", "Jo Journey " + RUN);
    type("password", "a-long-journey-password");
    select("role", "Provider");
    select("providerId", provider);
    press("Create account");
    assertThat(heading()).isEqualTo("Accounts");
    assertThat(text("done")).isEqualTo("Account " + username + " added with the role Provider");
    assertThat(texts("#users tbody tr"))
        .anyMatch(
            row -> row.startsWith("Jo Journey " + RUN + " " + username + " Provider " + provider));

    open("/admin/audit");
    select("who", "Administrator");
    select("action", "Added");
    type("from", "24/11/2026");
    type("to", "24/11/2026");
    press("Apply filters");
    // Newest first: the account, then the provider.
    List<String> rows = texts("#audit tbody tr");
    assertThat(rows.get(0))
        .endsWith(
            "Administrator Account: Jo Journey "
                + RUN
                + " Added Account added with the role Provider.");
    assertThat(rows.get(1))
        .endsWith("Administrator Provider: " + provider + " Added Provider added.");
    screenshot("audit-trail.png");
    type("from", "31/11/2026");
    press("Apply filters");
    assertThat(errorSummary())
        .containsExactly("The “from” date must be a real date, like 24/11/2026");

    // Search the details, any case: the account's entry, not the provider's.
    type("from", "");
    type("q", "ROLE PROVIDER");
    press("Apply filters");
    assertThat(texts("#audit tbody tr"))
        .singleElement()
        .satisfies(row -> assertThat(row).contains("Account added with the role Provider."));
    assertThat(browser.findElement(org.openqa.selenium.By.id("export")).getAttribute("href"))
        .contains("/admin/audit.csv?")
        .contains("q=ROLE%20PROVIDER");

    // The whole trail checked against its keyed hashes.
    browser.findElement(org.openqa.selenium.By.linkText("check the trail")).click();
    assertThat(heading()).isEqualTo("Check the audit trail");
    checkPage();
    assertThat(text("intact")).startsWith("The trail is intact");
  }
}
