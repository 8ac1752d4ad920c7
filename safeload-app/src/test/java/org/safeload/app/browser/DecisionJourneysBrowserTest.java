package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.TestAccounts;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.ScenarioReader;

/**
 * A finance officer records an award from the contract page, with the council's printed table typed
 * in, once badly and once well; previews its report and downloads it as Word and PDF from the
 * browser, each figure checked against the money engine's for the same terms.
 */
class DecisionJourneysBrowserTest extends BrowserJourney {

  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private static final String SIX =
      """
      id: %s
      provider: Brightpath Social Work Ltd
      route: framework
      start: 2025-04-01
      end: 2025-09-30
      ceiling: 400000
      roster:
        - {role: team-manager, count: 1, rate: {amount: 500, per: calendar-day}}
        - {role: social-worker, count: 4, rate: {amount: 400, per: calendar-day}}
      changes:
        - {from: 2025-09-01, role: social-worker, count: 2}
      """;

  private String contract() throws Exception {
    String id =
        "JOURNEY-DECISION-"
            + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase()
            + UNIQUE.incrementAndGet();
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
                    .POST(HttpRequest.BodyPublishers.ofString(SIX.formatted(id)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return id;
  }

  /** Fetches a link as the signed-in browser and gives its bytes. */
  private byte[] download(String id) {
    String href = browser.findElement(By.id(id)).getAttribute("href");
    String base64 =
        (String)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                    + " let s = ''; const a = new Uint8Array(b);"
                    + " for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                    + " done(btoa(s)); });",
                href);
    return Base64.getDecoder().decode(base64);
  }

  private static String pounds(BigDecimal amount) {
    return String.format(Locale.UK, "£%,.2f", amount);
  }

  @Test
  @Submits({"POST /contracts/{id}/decisions/new"})
  void financeRecordsAnAwardAndDownloadsItsReport() throws Exception {
    String id = contract();
    signInAs(AccessRole.FINANCE);
    open("/contracts/" + id);
    browser.findElement(By.id("record-decision")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Record a decision");

    // Nothing chosen: each box says what is missing, nothing is recorded.
    for (String box : new String[] {"date", "date-month", "date-year"}) {
      browser.findElement(By.id(box)).clear();
    }
    press("Record the decision");
    assertThat(errorSummary())
        .contains(
            "What was decided is required",
            "The date of the decision is required",
            "The decision maker is required",
            "The route is required");

    choose(browser.findElement(By.id("kind")));
    typeDate("date", 20, 3, 2025);
    type("decisionMaker", "Cllr A. Member");
    type("makerRole", "Cabinet Member for Children's Services");
    choose(browser.findElement(By.id("route-executive")));
    type("optionNames[0]", "Do nothing");
    type("optionCosts[0]", "0");
    type("optionNames[1]", "Managed team");
    type("optionCosts[1]", "£360,300");
    choose(browser.findElement(By.id("chosen-2")));
    type("purpose", "To hold 140 children's cases safely for six months.");
    type("risks[0]", "The team leaves before its cases are handed over");
    type("mitigations[0]", "A taper from September");
    // The council's printed table: September at the old roster, a total £2 over its rows.
    String[] printed = {"63000", "65100", "63000", "65100", "65100", "52000"};
    for (int i = 0; i < printed.length; i++) {
      type("printedAmounts[" + i + "]", printed[i]);
      type("printedWorkers[" + i + "]", "4");
    }
    type("printedSource", "Cabinet report, table 2");
    type("printedTotal", "373,302");
    press("Record the decision");

    assertThat(heading()).isEqualTo("Award on 20 March 2025");
    assertThat(text("done")).isEqualTo("Award on 20 March 2025 recorded");
    // Value: the ceiling, £400,000, below the £500,000 threshold.
    assertThat(text("decision-value")).isEqualTo("£400,000.00");
    assertThat(text("key-decision")).startsWith("This is not a key decision");
    assertThat(texts("#printed-differences li"))
        .contains(
            "The printed total, £373,302.00, is not the sum of its months, £373,300.00: £2.00"
                + " more");

    // The money engine's figures for the same terms, worked out here.
    Costing cost =
        new ContractCosting(WorkingCalendar.englandAndWales())
            .cost(ScenarioReader.contract(SIX.formatted(id)), LocalDate.of(2025, 3, 20));

    browser.findElement(By.id("preview-report")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Award of a contract for a managed social work team");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains(pounds(cost.total()), "£2.00 more");

    byte[] docx = download("download-docx");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable monthly =
          doc.getTables().stream()
              .filter(t -> t.getRow(0).getCell(0).getText().equals("Month"))
              .findFirst()
              .orElseThrow();
      for (int i = 0; i < cost.months().size(); i++) {
        var row = monthly.getRow(i + 1);
        assertThat(row.getCell(row.getTableCells().size() - 1).getText())
            .startsWith(pounds(cost.months().get(i).total()));
      }
      var total = monthly.getRow(cost.months().size() + 1);
      assertThat(total.getCell(total.getTableCells().size() - 1).getText())
          .startsWith(pounds(cost.total()));
    }
    byte[] pdf = download("download-pdf");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("Total " + pounds(cost.total()), "£2.00 more");
    }
  }
}
