package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.safeload.app.access.AccessRole;
import org.safeload.app.annexa.Workbooks;
import org.springframework.test.context.TestPropertySource;

/**
 * "Load your Annex A" in headless Chromium, as a head of service uses it: the upload refused with
 * no file and with a text file named .xlsx; a workbook with a row that cannot be read, reported and
 * then skipped; the public sample loaded from the button the demo offers, its report read, its
 * names matched (a mistake first: no service for the new teams) and imported; then the timeliness
 * page it links to. In a council of its own: the import adds cases the other journeys do not
 * expect.
 */
@TestPropertySource(properties = "safeload.test.context=annex-a-browser")
class AnnexAJourneysBrowserTest extends BrowserJourney {

  private void upload(String name, byte[] content) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
    Path file = dir.resolve(name);
    Files.write(file, content);
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
  }

  @Test
  @Submits({
    "POST /timeliness/annex-a",
    "POST /timeliness/annex-a/skip-invalid",
    "POST /timeliness/annex-a/sample",
    "POST /timeliness/annex-a/import"
  })
  void loadTheSampleAnnexAMatchItsNamesAndImportIt() throws Exception {
    signInAs(AccessRole.HEAD_OF_SERVICE);
    open("/timeliness");
    browser.findElement(By.linkText("Load your Annex A")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Load your Annex A");

    // No file; then a text file named .xlsx.
    press("Read the workbook");
    assertThat(errorSummary()).containsExactly("Select an Annex A workbook (.xlsx)");
    upload("journey-notes.xlsx", "child,worker\n1,Amara\n".getBytes());
    press("Read the workbook");
    assertThat(errorSummary())
        .containsExactly(
            "journey-notes.xlsx is not an Excel workbook (.xlsx): upload the Annex A workbook as"
                + " your case recording system exports it");

    // A workbook whose second assessment's start date is 31/02/2021: reported, then skipped.
    upload(
        "journey-annex-a.xlsx",
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral("JR-1", LocalDate.of(2020, 9, 16), "Journey Team", "Jo Journey")
            .sheet("List 4", Workbooks.LIST_4)
            .row(
                "JR-2",
                "b) Female",
                "a) WBRI",
                LocalDate.of(2013, 1, 5),
                7,
                "b) No",
                LocalDate.of(2020, 9, 1),
                "Yes",
                LocalDate.of(2020, 10, 20),
                "",
                "Journey Team",
                "Jo Journey")
            .row(
                "JR-3",
                "b) Female",
                "a) WBRI",
                LocalDate.of(2013, 1, 5),
                7,
                "b) No",
                "31/02/2021",
                "Yes",
                null,
                "",
                "Journey Team",
                "Jo Journey")
            .bytes());
    press("Read the workbook");
    assertThat(heading()).isEqualTo("What Safeload read from your Annex A");
    assertThat(text("refused")).contains("1 row could not be read");
    assertThat(browser.findElements(By.linkText("Continue"))).isEmpty();
    press("Skip the rows that cannot be read");
    assertThat(text("skipping")).startsWith("1 row that could not be read is skipped");
    assertThat(browser.findElements(By.linkText("Continue"))).hasSize(1);

    // The sample instead, from the demo's button.
    browser.findElement(By.linkText("Load a different workbook")).click();
    checkPage();
    assertThat(text("waiting")).contains("journey-annex-a.xlsx");
    press("Try it with the sample workbook");
    assertThat(heading()).isEqualTo("What Safeload read from your Annex A");
    assertThat(text("file-name")).isEqualTo("annex-a-sample.xlsx");
    assertThat(browser.findElement(By.cssSelector("#extract-date span")).getText())
        .isEqualTo("15 March 2021");
    assertThat(text("counts")).isEqualTo("32 cases of 32 children, 115 events");
    screenshot("annex-a-report.png");
    browser.findElement(By.linkText("Continue")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Match the names in your Annex A");

    // No service for the 12 new teams: asked for once.
    press("Import");
    assertThat(errorSummary())
        .containsExactly("Choose the service the new teams belong to (or one for each team)");
    select("serviceId", "Assessment and Intervention");
    screenshot("annex-a-names.png");
    press("Import");
    assertThat(heading()).isEqualTo("Annex A imported");
    assertThat(text("events")).isEqualTo("115 added, 0 already there");
    assertThat(text("workers")).isEqualTo("18 created, 0 matched");
    assertThat(text("teams")).isEqualTo("12 created, 0 matched");
    screenshot("annex-a-imported.png");

    browser.findElement(By.id("timeliness-link")).click();
    checkPage();
    assertThat(heading()).isEqualTo("Timeliness");
    assertThat(text("rule-set-name"))
        .isEqualTo("Statutory timescales measurable from Ofsted Annex A");
  }
}
