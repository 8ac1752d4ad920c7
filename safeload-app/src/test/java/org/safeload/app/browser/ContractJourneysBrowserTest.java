package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.TestAccounts;

/**
 * A finance officer adds a contract with the form, changes its terms, imports one from YAML and
 * exports it, records an invoice and a roster change: each form submitted in Chromium, once well
 * and once badly. Each journey makes its own contract (the demo's is left as it is); the figures
 * are worked out by hand from the terms typed.
 */
class ContractJourneysBrowserTest extends BrowserJourney {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  /** A reference no other journey (or earlier run against the same database) has used. */
  private static String reference(String what) {
    return "JOURNEY-"
        + what
        + "-"
        + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase()
        + UNIQUE.incrementAndGet();
  }

  /**
   * A contract added through the API as finance: three social workers at £300 a calendar day from 1
   * December 2026 to 31 January 2027, with a £60,000 ceiling.
   */
  private String contractThroughTheApi(String what) throws Exception {
    String reference = reference(what);
    String document =
        "id: "
            + reference
            + "\nprovider: Brightpath Social Work Ltd\nstart: 2026-12-01\nend: 2027-01-31\n"
            + "ceiling: 60000\nroster:\n"
            + "  - {role: social-worker, count: 3, rate: {amount: 300, per: calendar-day}}\n";
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TestAccounts.username(AccessRole.FINANCE) + ":" + TestAccounts.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/contracts"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(document))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return reference;
  }

  private List<String> months() {
    return texts("#months tbody tr");
  }

  @Test
  @Submits({"POST /contracts/new"})
  void financeAddsAContractWithTheForm() throws Exception {
    signInAs(AccessRole.FINANCE);
    String reference = reference("FORM");
    open("/contracts");
    browser.findElement(By.linkText("Add a contract")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Add a contract");
    assertThat(texts(".govuk-breadcrumbs__list-item")).containsExactly("Home", "Contracts");

    // Nothing chosen and a fraction of a penny: every box says what is wrong, nothing is saved.
    type("reference", reference);
    type("ceiling", "80000.005");
    press("Save contract");
    assertThat(errorSummary())
        .contains(
            "Select the provider",
            "Enter the start date",
            "Enter the end date",
            "The ceiling must be in pounds and pence, with no more than 2 decimal places (not"
                + " 80000.005)",
            "Enter at least one roster line: a role, the number of people and their rate");
    assertThat(browser.findElement(By.id("reference")).getAttribute("value")).isEqualTo(reference);
    screenshot("contract-form-errors.png");

    select("provider", "Brightpath Social Work Ltd");
    typeDate("start", 1, 12, 2026);
    typeDate("end", 31, 1, 2027);
    select("status", "Active");
    select("route", "Framework call-off");
    type("ceiling", "£80,000");
    select("lines-0-role", "Social worker");
    type("lines-0-count", "3");
    type("lines-0-amount", "300");
    select("lines-0-per", "calendar day");
    // Another line, without JavaScript: the page comes back with what was typed and a spare line.
    int lines = browser.findElements(By.cssSelector("fieldset.sl-roster-line")).size();
    press("Add another roster line");
    assertThat(browser.findElements(By.cssSelector("fieldset.sl-roster-line"))).hasSize(lines + 1);
    assertThat(errorSummary()).isEmpty();
    assertThat(browser.findElement(By.id("lines-0-count")).getAttribute("value")).isEqualTo("3");
    select("lines-1-role", "Team manager");
    type("lines-1-count", "1");
    type("lines-1-amount", "450");
    select("lines-1-per", "working day");
    type("extensions-0-months", "3");
    type("extensions-0-value", "30000");
    typeDate("extensions-0-decide-by", 15, 1, 2027);
    press("Save contract");

    assertThat(heading()).isEqualTo("Contract " + reference);
    assertThat(text("status")).isEqualTo("Active");
    assertThat(text("route")).isEqualTo("Framework call-off");
    assertThat(text("period")).isEqualTo("1 December 2026 to 31 January 2027");
    assertThat(texts("#roster tbody tr"))
        .containsExactly(
            "Social worker 3 £300.00 per calendar day", "Team manager 1 £450.00 per working day");
    // December: 31 days × 3 × £300 = £27,900 and 21 working days (25 and 28 December are bank
    // holidays) × £450 = £9,450. January: £27,900 and 20 working days (1 January) × £450 = £9,000.
    assertThat(months())
        .containsExactly(
            "December 2026 £37,350.00 £0.00 £37,350.00 £37,350.00",
            "January 2027 £36,900.00 £0.00 £36,900.00 £36,900.00");
    assertThat(text("total")).isEqualTo("£74,250.00");
    assertThat(text("ceiling")).isEqualTo("£80,000.00");
    assertThat(text("headroom")).isEqualTo("£5,750.00");
    assertThat(text("potential")).isEqualTo("£110,000.00");
    assertThat(text("extension-0"))
        .isEqualTo("Up to £30,000.00; decide by 15 January 2027 (52 days left)");
    assertThat(browser.findElements(By.cssSelector("#spend-chart circle"))).hasSize(2);
    assertThat(browser.findElement(By.id("spend-chart")).getSize().getWidth()).isGreaterThan(600);
    assertThat(texts("#history tbody tr td:nth-child(3)"))
        .containsExactly("contract " + reference + " created");
    assertThat(texts("#history tbody tr td:nth-child(2)")).containsExactly("Test Finance");
    screenshot("contract-added.png");
  }

  @Test
  @Submits({"POST /contracts/{id}/edit"})
  void financeChangesAContractsTerms() throws Exception {
    String reference = contractThroughTheApi("EDIT");
    signInAs(AccessRole.FINANCE);
    open("/contracts/" + reference);
    browser.findElement(By.id("change-terms")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Change contract " + reference);
    assertThat(texts(".govuk-breadcrumbs__list-item"))
        .containsExactly("Home", "Contracts", reference);
    assertThat(browser.findElement(By.id("ceiling")).getAttribute("value")).isEqualTo("60000");

    type("ceiling", "lots");
    type("start", "");
    press("Save contract");
    assertThat(errorSummary())
        .containsExactly(
            "The start date must be a real date",
            "The ceiling must be an amount in pounds, like 1250.50 (not lots)");
    assertThat(text("ceiling-error")).contains("not lots");

    type("start", "1");
    type("ceiling", "75000.50");
    type("lines-0-count", "2");
    press("Save contract");
    assertThat(heading()).isEqualTo("Contract " + reference);
    assertThat(text("ceiling")).isEqualTo("£75,000.50");
    // 2 × £300 a day: December and January, 31 days each, £18,600.
    assertThat(months())
        .containsExactly(
            "December 2026 £18,600.00 £0.00 £18,600.00 £18,600.00",
            "January 2027 £18,600.00 £0.00 £18,600.00 £18,600.00");
    assertThat(text("total")).isEqualTo("£37,200.00");
    assertThat(texts("#history tbody tr td:nth-child(3)"))
        .containsExactly(
            "changed ceiling, roster lines: ceiling £75,000.50, was £60,000.00",
            "contract " + reference + " created");
    assertThat(text("last-changed")).endsWith(" by Test Finance");
  }

  @Test
  @Submits({"POST /contracts/import"})
  void financeImportsAContractFromYamlAndExportsIt() throws Exception {
    String reference = reference("IMPORT");
    signInAs(AccessRole.FINANCE);
    open("/contracts");
    browser.findElement(By.linkText("Import a contract (YAML)")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Import a contract (YAML)");

    type("document", "id: " + reference + "\nprovider: P\nstart: soon\n");
    press("Import contract");
    assertThat(errorSummary())
        .containsExactly("The contract has 3 problems, listed below: nothing was saved");
    assertThat(texts("#document-errors tbody tr"))
        .containsExactly(
            "3 start must be a date like 2025-01-31 (not soon)",
            "1 end is required",
            "1 roster a contract is priced by a roster, a teamUnit, or both");

    String document =
        "id: "
            + reference
            + "\nprovider: Brightpath Social Work Ltd\nroute: competitive-tender\n"
            + "start: 2027-01-01\nend: 2027-03-31\nceiling: 100000\nroster:\n"
            + "  - {role: advanced-practitioner, count: 1, rate: {amount: 2000, per: week}}\n";
    type("document", document);
    press("Import contract");
    assertThat(heading()).isEqualTo("Contract " + reference);
    assertThat(text("route")).isEqualTo("Competitive tender");
    // £2,000 a week is £2,000 / 7 a day: January and March 31 days (£8,857.14), February 28.
    assertThat(months())
        .containsExactly(
            "January 2027 £8,857.14 £0.00 £8,857.14 £8,857.14",
            "February 2027 £8,000.00 £0.00 £8,000.00 £8,000.00",
            "March 2027 £8,857.14 £0.00 £8,857.14 £8,857.14");
    assertThat(text("total")).isEqualTo("£25,714.28");

    // The export is the document as YAML, as the import reads it.
    String href = browser.findElement(By.id("export")).getAttribute("href");
    String exported =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done);",
                    href);
    assertThat(exported)
        .isEqualTo(
            "id: "
                + reference
                + "\nprovider: Brightpath Social Work Ltd\nroute: competitive-tender\n"
                + "start: 2027-01-01\nend: 2027-03-31\nceiling: 100000\nstatus: active\n"
                + "roster:\n  - role: advanced-practitioner\n    count: 1\n    rate:\n"
                + "      amount: 2000\n      per: week\n");
  }

  @Test
  @Submits({"POST /contracts/{id}/invoices"})
  void financeRecordsAnInvoice() throws Exception {
    String reference = contractThroughTheApi("INVOICE");
    signInAs(AccessRole.FINANCE);
    open("/contracts/" + reference);

    select("invoice-month", "December 2026");
    type("invoice-amount", "27000.005");
    press("Record invoice");
    assertThat(errorSummary())
        .containsExactly(
            "The amount invoiced must be in pounds and pence, with no more than 2 decimal places"
                + " (not 27000.005)");

    select("invoice-month", "December 2026");
    type("invoice-amount", "£27,000.00");
    type("invoice-reference", "BP-2026-12");
    press("Record invoice");
    assertThat(errorSummary()).isEmpty();
    // December's forecast, 31 × 3 × £300 = £27,900, against the £27,000 invoiced.
    assertThat(text("months").lines().filter(l -> l.startsWith("December 2026")))
        .containsExactly(
            "December 2026 £27,900.00 £0.00 £27,900.00 £27,000.00 -£900.00 £27,000.00");
    assertThat(text("total")).isEqualTo("£54,900.00");
    assertThat(texts("#history tbody tr td:nth-child(3)").getFirst())
        .isEqualTo(
            "invoice recorded for December 2026: invoice for December 2026 £27,000.00 added");
  }

  @Test
  @Submits({"POST /contracts/{id}/changes"})
  void financeAddsARosterChange() throws Exception {
    String reference = contractThroughTheApi("CHANGE");
    signInAs(AccessRole.FINANCE);
    open("/contracts/" + reference);

    select("change-role", "Social worker");
    type("change-count", "2");
    press("Add change");
    assertThat(errorSummary()).containsExactly("Enter the date the change applies from");

    typeDate("change-from", 1, 1, 2027);
    select("change-role", "Social worker");
    type("change-count", "2");
    press("Add change");
    assertThat(errorSummary()).isEmpty();
    assertThat(texts("#changes li")).containsExactly("From 1 January 2027: 2 social workers");
    // January with two social workers: 31 × 2 × £300 = £18,600.
    assertThat(months())
        .containsExactly(
            "December 2026 £27,900.00 £0.00 £27,900.00 £27,900.00",
            "January 2027 £18,600.00 £0.00 £18,600.00 £18,600.00");
    assertThat(texts("#history tbody tr td:nth-child(3)").getFirst())
        .isEqualTo("roster change added from 1 January 2027");
  }

  @Test
  void theContractPageFitsAPhone() throws Exception {
    signInAs(AccessRole.FINANCE);
    Dimension desktop = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      for (String path :
          List.of(
              "/contracts",
              "/contracts/NBC-BRIGHTPATH-2026",
              "/contracts/new",
              "/contracts/import",
              "/contracts/NBC-BRIGHTPATH-2026/edit")) {
        open(path);
        Number overflow =
            (Number)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return document.documentElement.scrollWidth"
                            + " - document.documentElement.clientWidth;");
        assertThat(overflow.intValue())
            .as("%s scrolls sideways at 390 px", path)
            .isLessThanOrEqualTo(0);
      }
      screenshot("contract-page-390.png");
    } finally {
      browser.manage().window().setSize(desktop);
    }
  }

  @Test
  @Submits({"POST /contracts/{id}/readiness/propose"})
  void theProviderProposesAWorkerAndSeesWhatTheyStillNeed() throws Exception {
    signInAs(AccessRole.PROVIDER);
    String name = "Quin " + reference("P").replaceAll("[^A-Za-z]", "");
    try {
      open("/contracts/NBC-BRIGHTPATH-2026");
      browser.findElement(By.partialLinkText("See who is missing what")).click();
      checkPage();
      assertThat(heading()).isEqualTo("Mobilisation: contract NBC-BRIGHTPATH-2026");
      browser.findElement(By.id("propose")).click();
      checkPage();
      assertThat(text("propose-team")).startsWith("They join Brightpath Project Team");
      // A start after the contract's end (4 July 2027, as its extension left it) is refused,
      // with the form kept.
      type("name", name);
      select("role", "Social worker");
      type("fte", "1");
      typeDate("startDate", 5, 7, 2027);
      typeDate("qualificationDate", 1, 7, 2016);
      type("sweRegistration", "SW" + (50_000_000 + System.nanoTime() % 10_000_000));
      press("Propose");
      assertThat(errorSummary())
          .containsExactly("The start date must be on or before the contract's end");
      assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
      typeDate("startDate", 7, 12, 2026);
      press("Propose");
      checkPage();
      assertThat(text("done-title")).isEqualTo("Success");
      assertThat(heading()).isEqualTo("Mobilisation: contract NBC-BRIGHTPATH-2026");
      org.openqa.selenium.WebElement row =
          browser.findElement(
              By.xpath("//table[@data-role='social-worker']//tr[.//a[text()='" + name + "']]"));
      assertThat(row.getText()).contains("Not cleared", "No enhanced DBS check");
      // Added as the provider's user, as a managed-service worker in the team.
      assertThat(
              jdbc.sql("select employment_type from worker where name = ?")
                  .param(name)
                  .query(String.class)
                  .single())
          .isEqualTo("managed-service");
    } finally {
      // The shared demo's managed team as it came.
      for (Long id :
          jdbc.sql("select id from worker where name = ?").param(name).query(Long.class).list()) {
        jdbc.sql("delete from worker_vetting where worker_id = ?").param(id).update();
        jdbc.sql("delete from worker_assignment where worker_id = ?").param(id).update();
        jdbc.sql("delete from worker where id = ?").param(id).update();
      }
    }
  }
}
