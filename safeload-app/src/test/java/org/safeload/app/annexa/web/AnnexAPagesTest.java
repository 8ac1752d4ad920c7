package org.safeload.app.annexa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.annexa.AnnexAUploads;
import org.safeload.app.annexa.PageForms;
import org.safeload.app.annexa.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The "Load your Annex A" pages as a head of service reads them (GOV.UK markup): the page is linked
 * from the timeliness pages; a missing file, a text file named .xlsx and a date that is not one are
 * refused in the error summary, never with a server error; a workbook with a row that cannot be
 * read is reported row by row and imports nothing until the rows are skipped, then imports the rest
 * and keeps their report; the names form names each worker and team by name and refuses what the
 * organisation's own rules refuse. In the Annex A tests' council of their own, with children,
 * workers and teams of this test's own.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=annex-a")
class AnnexAPagesTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;
  @Autowired AnnexAUploads uploads;

  private SignedIn hos;

  @BeforeEach
  void signIn() throws Exception {
    TestAccounts.ensure(accounts, providers);
    hos =
        SignedIn.from(
            mvc.perform(
                    post("/sign-in")
                        .with(csrf())
                        .param("username", TestAccounts.username(AccessRole.HEAD_OF_SERVICE))
                        .param("password", TestAccounts.PASSWORD))
                .andReturn());
  }

  private Document page(String path) throws Exception {
    MvcResult result = mvc.perform(get(path).with(hos)).andReturn();
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private MvcResult send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
    return mvc.perform(request.with(hos).with(csrf())).andReturn();
  }

  private static Document parse(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private MvcResult upload(String name, byte[] bytes, String... params) throws Exception {
    var request =
        multipart("/timeliness/annex-a").file(new MockMultipartFile("file", name, XLSX, bytes));
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return send(request);
  }

  @Test
  void theUploadPageIsLinkedFromTheTimelinessPagesAndOffersTheSample() throws Exception {
    assertThat(page("/timeliness").select("a[href='/timeliness/annex-a']").eachText())
        .containsExactly("Load your Annex A");
    assertThat(page("/timeliness/import").select("a[href='/timeliness/annex-a']").eachText())
        .containsExactly("Load your Annex A");
    Document upload = page("/timeliness/annex-a");
    assertThat(upload.select("h1").text()).isEqualTo("Load your Annex A");
    assertThat(upload.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Timeliness");
    assertThat(upload.select("form[action='/timeliness/annex-a'][enctype='multipart/form-data']"))
        .hasSize(1);
    assertThat(upload.select("input#file[type=file]").attr("accept")).startsWith(".xlsx");
    // The demo council offers the public sample.
    assertThat(upload.select("form[action='/timeliness/annex-a/sample'] button").text())
        .isEqualTo("Try it with the sample workbook");
  }

  @Test
  void aMissingFileATextFileAndABadDateAreRefusedInTheErrorSummary() throws Exception {
    MvcResult none = send(multipart("/timeliness/annex-a"));
    assertThat(none.getResponse().getStatus()).isEqualTo(400);
    Document page = parse(none);
    assertThat(page.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Select an Annex A workbook (.xlsx)");
    assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#file");
    assertThat(page.select("#file").hasClass("govuk-file-upload--error")).isTrue();
    assertThat(page.title()).startsWith("Error: Load your Annex A");

    // A text file named .xlsx: a clear refusal, not a server error.
    MvcResult text =
        upload("caseload-notes.xlsx", "child,worker\n1,Amara\n".getBytes(StandardCharsets.UTF_8));
    assertThat(text.getResponse().getStatus()).isEqualTo(400);
    assertThat(parse(text).select(".govuk-error-summary__list a").eachText())
        .containsExactly(
            "caseload-notes.xlsx is not an Excel workbook (.xlsx): upload the Annex A workbook as"
                + " your case recording system exports it");

    // An Excel 97-2003 file (its first bytes are the OLE2 signature).
    byte[] xls = {
      (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1
    };
    assertThat(parse(upload("annex-a.xls", xls)).select(".govuk-error-summary__list a").eachText())
        .containsExactly(
            "annex-a.xls is an Excel 97-2003 workbook (.xls): open it in Excel, save it as an Excel"
                + " Workbook (.xlsx) and upload that");

    // 31 February is not a date; the skip box stays ticked.
    MvcResult date =
        upload(
            "annex-a.xlsx",
            Workbooks.sample(),
            "extractDate.day",
            "31",
            "extractDate.month",
            "2",
            "extractDate.year",
            "2021",
            "skipInvalid",
            "true");
    assertThat(date.getResponse().getStatus()).isEqualTo(400);
    Document dated = parse(date);
    assertThat(dated.select(".govuk-error-summary__list a").eachText())
        .containsExactly("The extract date must be a real date");
    assertThat(dated.select("#extractDate").val()).isEqualTo("31");
    assertThat(dated.select("#skipInvalid").hasAttr("checked")).isTrue();
  }

  @Test
  void unreadableRowsAreReportedRowByRowAndImportNothingUntilSkippedThenTheirReportIsKept()
      throws Exception {
    // Row 2 of List 4 is a good assessment; row 3's start date is 31/02/2021, which is no date.
    byte[] workbook =
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral("PT-1", LocalDate.of(2020, 9, 16), "Pages Test Team", "Pat Pagetest")
            .sheet("List 4", Workbooks.LIST_4)
            .row(
                "PT-2",
                "b) Female",
                "a) WBRI",
                LocalDate.of(2013, 1, 5),
                7,
                "b) No",
                LocalDate.of(2020, 9, 1),
                "Yes",
                LocalDate.of(2020, 10, 20),
                "CS Assessment Updated",
                "Pages Test Team",
                "Pat Pagetest")
            .row(
                "PT-3",
                "b) Female",
                "a) WBRI",
                LocalDate.of(2013, 1, 5),
                7,
                "b) No",
                "31/02/2021",
                "Yes",
                null,
                "",
                "Pages Test Team",
                "Pat Pagetest")
            .bytes();
    MvcResult uploaded = upload("pages-test.xlsx", workbook);
    assertThat(uploaded.getResponse().getRedirectedUrl()).isEqualTo("/timeliness/annex-a/report");

    Document report = page("/timeliness/annex-a/report");
    assertThat(report.select("h1").text()).isEqualTo("What Safeload read from your Annex A");
    assertThat(report.select("#file-name").text()).isEqualTo("pages-test.xlsx");
    // The latest date in Lists 3 to 8 is the assessment's authorisation, 20 October 2020.
    assertThat(report.select("#extract-date span").first().text()).isEqualTo("20 October 2020");
    assertThat(report.select("#refused").text())
        .contains("1 row could not be read (below): nothing can be imported");
    assertThat(report.select("#problems tbody tr td").eachText())
        .startsWith("List 4", "3", "Continuous Assessment Start Date");
    // No way on to the names while a row cannot be read; the way to skip it.
    assertThat(report.select("a[href='/timeliness/annex-a/names']")).isEmpty();
    assertThat(report.select("form[action='/timeliness/annex-a/skip-invalid'] button").text())
        .isEqualTo("Skip the rows that cannot be read");
    MvcResult names = mvc.perform(get("/timeliness/annex-a/names").with(hos)).andReturn();
    assertThat(names.getResponse().getRedirectedUrl()).isEqualTo("/timeliness/annex-a/report");

    assertThat(send(post("/timeliness/annex-a/skip-invalid")).getResponse().getRedirectedUrl())
        .isEqualTo("/timeliness/annex-a/report");
    Document skipping = page("/timeliness/annex-a/report");
    assertThat(skipping.select("#refused")).isEmpty();
    assertThat(skipping.select("#skipping").text())
        .startsWith("1 row that could not be read is skipped and listed below");
    assertThat(skipping.select("#problems tbody tr")).hasSize(1);
    assertThat(skipping.select("a[href='/timeliness/annex-a/names']").text()).isEqualTo("Continue");

    // Imported without the row, whose report the done page keeps.
    Map<String, String> fields =
        PageForms.fields(
            page("/timeliness/annex-a/names")
                .selectFirst("form[action='/timeliness/annex-a/import']"));
    fields.remove("_csrf");
    fields.put(
        "serviceId",
        String.valueOf(jdbc.sql("select min(id) from service").query(Long.class).single()));
    fields.put("workers[0].qualificationDate.day", "1");
    fields.put("workers[0].qualificationDate.month", "7");
    fields.put("workers[0].qualificationDate.year", "2015");
    fields.put("workers[0].sweRegistration", "SW770002");
    MvcResult imported = send(PageForms.with(post("/timeliness/annex-a/import"), fields));
    assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/timeliness/annex-a/imported");
    Document done = page("/timeliness/annex-a/imported");
    // List 3's referral and allocation; List 4's good row: its referral, allocation, assessment.
    assertThat(done.select("#events").text()).isEqualTo("5 added, 0 already there");
    assertThat(done.select("#skipped").text()).startsWith("1 row that could not be read");
    assertThat(done.select("#skipped-rows li").eachText())
        .singleElement()
        .asString()
        .startsWith("List 4, row 3, column Continuous Assessment Start Date: ");
  }

  @Test
  void theNamesFormNamesEachNameAndRefusesWhatTheOrganisationsRulesRefuse() throws Exception {
    byte[] workbook =
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral(
                "NF-1", LocalDate.of(2020, 9, 16), "Names\u00a0Form Team", "Nora\u00a0 Nameform")
            .referral("NF-2", LocalDate.of(2020, 9, 17), "Names Form Team", "nora nameform")
            .bytes();
    upload("names-form.xlsx", workbook);
    Document report = page("/timeliness/annex-a/report");
    // One worker (the two spellings are one name) and one team, neither in Safeload.
    assertThat(report.select("#names-count").text())
        .isEqualTo("0 of 1 worker and 0 of 1 team match Safeload’s");

    Document names = page("/timeliness/annex-a/names");
    assertThat(names.select("h1").text()).isEqualTo("Match the names in your Annex A");
    assertThat(names.select(".sl-name > fieldset > legend").eachText())
        .containsExactly("Names Form Team", "Nora Nameform");
    // A new worker is offered the details the worker form asks for, filled from the workbook.
    assertThat(names.select("#W1-choice option[selected]").text())
        .isEqualTo("Create a new worker called Nora Nameform");
    assertThat(names.select("#W1-hint").text())
        .isEqualTo(
            "Not in Safeload. 2 cases in the workbook, the first allocated on 16 September 2020");
    assertThat(names.select("#W1-startDate").val()).isEqualTo("16");
    assertThat(names.select("#W1-startDate-month").val()).isEqualTo("9");
    assertThat(names.select("#W1-startDate-year").val()).isEqualTo("2020");
    assertThat(names.select("#W1-team option[selected]").text())
        .isEqualTo("Names Form Team (from the workbook)");
    assertThat(names.select("#W1-role option[selected]").text()).isEqualTo("Social worker");

    // A social worker is qualified and registered (the worker form's own rule): asked for.
    assertThat(names.select("#W1-sweRegistration").val()).isEmpty();
    Map<String, String> fields =
        PageForms.fields(names.selectFirst("form[action='/timeliness/annex-a/import']"));
    fields.remove("_csrf");
    Document unregistered = parse(send(PageForms.with(post("/timeliness/annex-a/import"), fields)));
    // (and the service of the new team, asked once for all the new teams)
    assertThat(unregistered.select(".govuk-error-summary__list a").eachText())
        .containsExactly(
            "Choose the service the new teams belong to (or one for each team)",
            "Enter the qualification date: a social worker is qualified (Nora Nameform)",
            "Enter the Social Work England registration number: a social worker must be registered"
                + " (Nora Nameform)");
    assertThat(unregistered.select(".govuk-error-summary__list a").eachAttr("href"))
        .containsExactly("#serviceId", "#W1-qualificationDate", "#W1-sweRegistration");

    // Those given, no service for the new team, and an FTE that is not a number: refused, by name.
    fields.put("workers[0].qualificationDate.day", "1");
    fields.put("workers[0].qualificationDate.month", "7");
    fields.put("workers[0].qualificationDate.year", "2015");
    fields.put("workers[0].sweRegistration", "SW770001");
    fields.put("workers[0].fte", "lots");
    long eventsBefore = events();
    MvcResult refused = send(PageForms.with(post("/timeliness/annex-a/import"), fields));
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document again = parse(refused);
    assertThat(again.select(".govuk-error-summary__list a").eachText())
        .containsExactly(
            "Choose the service the new teams belong to (or one for each team)",
            "FTE must be a number, like 1 or 0.8 (not lots) (Nora Nameform)");
    assertThat(again.select(".govuk-error-summary__list a").eachAttr("href"))
        .containsExactly("#serviceId", "#W1-fte");
    assertThat(again.select("#W1-fte").val()).isEqualTo("lots");

    fields.put("workers[0].fte", "1");
    Document noService = parse(send(PageForms.with(post("/timeliness/annex-a/import"), fields)));
    assertThat(noService.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Choose the service the new teams belong to (or one for each team)");
    assertThat(noService.select(".govuk-error-summary__list a").attr("href"))
        .isEqualTo("#serviceId");

    // A service chosen, and a registration number another worker has: the team is created first,
    // then the worker is refused by the worker form's own rule, and the team goes with it.
    String taken =
        jdbc.sql("select min(swe_registration) from worker").query(String.class).single();
    fields.put(
        "serviceId",
        String.valueOf(jdbc.sql("select min(id) from service").query(Long.class).single()));
    fields.put("workers[0].sweRegistration", taken);
    Document inUse = parse(send(PageForms.with(post("/timeliness/annex-a/import"), fields)));
    assertThat(inUse.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Another worker already has registration " + taken + " (Nora Nameform)");
    assertThat(inUse.select(".govuk-error-summary__list a").attr("href"))
        .isEqualTo("#W1-sweRegistration");
    // All or nothing: no team, no worker, no event.
    assertThat(
            jdbc.sql("select count(*) from team where name = 'Names Form Team'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from worker where name = 'Nora Nameform'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(events()).isEqualTo(eventsBefore);

    // Left without a choice: asked for, by name.
    fields.put("workers[0].sweRegistration", "SW770001");
    fields.put("teams[0].choice", "");
    Document noChoice = parse(send(PageForms.with(post("/timeliness/annex-a/import"), fields)));
    assertThat(noChoice.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Choose a team for Names Form Team, or create it");
  }

  @Test
  void aWorkbookWithNoListsIsRefusedAndOneWithEmptyListsHasNothingToImport() throws Exception {
    // No sheet is a list: refused at the upload, with the reader's reason and the sheets it has.
    MvcResult none =
        upload(
            "not-annex-a.xlsx",
            new Workbooks()
                .sheet("Notes", java.util.List.of("Written by", "On"))
                .row("Me", "Today")
                .bytes());
    assertThat(none.getResponse().getStatus()).isEqualTo(400);
    assertThat(parse(none).select(".govuk-error-summary__list a").eachText())
        .singleElement()
        .asString()
        .startsWith("not-annex-a.xlsx has no sheet named List 3 to List 8")
        .endsWith("Notes");

    // List 3 with its header and no rows, and a sheet that is not a list: read, nothing to import.
    upload(
        "empty-annex-a.xlsx",
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .sheet("Notes", java.util.List.of("Written by", "On"))
            .row("Me", "Today")
            .bytes());
    Document report = page("/timeliness/annex-a/report");
    assertThat(report.select("#nothing").text())
        .startsWith(
            "There is nothing to import: the workbook holds no case activity in Lists 3 to 8");
    assertThat(report.select("a[href='/timeliness/annex-a/names']")).isEmpty();
    assertThat(report.select("#lists tbody tr").eachText())
        .contains("Other sheet Notes Not a list: not read");
    assertThat(report.select("#lists tbody tr td").eachText()).contains("Not in the workbook");
  }

  @Test
  void theStepsAfterTheUploadSendBackToItWhenNothingIsWaiting() throws Exception {
    SignedIn fresh =
        SignedIn.from(
            mvc.perform(
                    post("/sign-in")
                        .with(csrf())
                        .param("username", TestAccounts.username(AccessRole.ADMIN))
                        .param("password", TestAccounts.PASSWORD))
                .andReturn());
    for (String path :
        new String[] {
          "/timeliness/annex-a/report", "/timeliness/annex-a/names", "/timeliness/annex-a/imported"
        }) {
      assertThat(mvc.perform(get(path).with(fresh)).andReturn().getResponse().getRedirectedUrl())
          .as(path)
          .isEqualTo("/timeliness/annex-a");
    }
    assertThat(
            mvc.perform(post("/timeliness/annex-a/import").with(fresh).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/timeliness/annex-a");
  }

  private long events() {
    return jdbc.sql("select count(*) from case_event").query(Long.class).single();
  }

  /** List 4 row: PT child, start and authorisation as given. */
  private static Workbooks assessment(Workbooks w, String child, Object start, Object authorised) {
    return w.row(
        child,
        "b) Female",
        "a) WBRI",
        LocalDate.of(2013, 1, 5),
        7,
        "b) No",
        start,
        "Yes",
        authorised,
        "CS Assessment Updated",
        "Review Team",
        "Rita Reviewer");
  }

  // One row with two unreadable cells is one row that could not be read.
  @Test
  void oneRowWithTwoBadCellsIsOneRowThatCouldNotBeRead() throws Exception {
    Workbooks w =
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral("RV-1", LocalDate.of(2020, 9, 16), "Review Team", "Rita Reviewer")
            .sheet("List 4", Workbooks.LIST_4);
    // Row 2 of List 4: both its dates are no dates (31 February, month 13). One row.
    assessment(w, "RV-2", "31/02/2021", "01/13/2021");
    upload("review-count.xlsx", w.bytes());
    Document report = page("/timeliness/annex-a/report");
    assertThat(report.select("#problems tbody tr")).hasSize(2); // a line per cell: fine
    assertThat(report.select("#refused").text()).contains("1 row could not be read");

    send(post("/timeliness/annex-a/skip-invalid"));
    assertThat(page("/timeliness/annex-a/report").select("#skipping").text())
        .startsWith("1 row that could not be read is skipped");
  }

  // A workbook left half way is deleted once kept a day: when its owner comes back, and hourly
  // whether or not anyone does.
  @Test
  void anUploadOlderThanADayIsGoneWhenItsOwnerComesBack() throws Exception {
    Workbooks w =
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral("RV-9", LocalDate.of(2020, 9, 16), "Review Team", "Rita Reviewer");
    upload("review-old.xlsx", w.bytes());
    String token =
        jdbc.sql("select token from annex_a_upload where file_name = 'review-old.xlsx'")
            .query(String.class)
            .single();
    // The test clock is 24 November 2026: two days before it.
    jdbc.sql("update annex_a_upload set uploaded_at = ? where token = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-22T00:00:00Z")), token)
        .update();
    // Every step now sends the owner back to the upload page...
    assertThat(
            mvc.perform(get("/timeliness/annex-a/report").with(hos))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/timeliness/annex-a");
    page("/timeliness/annex-a");
    // ...and its bytes are gone from the database.
    assertThat(
            jdbc.sql("select count(*) from annex_a_upload_part where token = ?")
                .param(token)
                .query(Long.class)
                .single())
        .isZero();
  }

  // Every row unreadable: skipping leaves nothing, and the report does not offer to skip again.
  @Test
  void whenNoRowCanBeReadSkippingIsNotOfferedAgain() throws Exception {
    Workbooks w = new Workbooks().sheet("List 4", Workbooks.LIST_4);
    assessment(w, "RV-3", "31/02/2021", null);
    upload("review-none.xlsx", w.bytes());
    send(post("/timeliness/annex-a/skip-invalid"));
    Document report = page("/timeliness/annex-a/report");
    assertThat(report.select("form[action='/timeliness/annex-a/skip-invalid']")).isEmpty();
    assertThat(report.select("#nothing-readable").text())
        .startsWith("No row of the workbook could be read");
  }

  @Test
  void theHourlyHousekeepingDeletesWhatNobodyCameBackFor() throws Exception {
    Workbooks w =
        new Workbooks()
            .sheet("List 3", Workbooks.LIST_3)
            .referral("RV-8", LocalDate.of(2020, 9, 16), "Review Team", "Rita Reviewer");
    upload("review-left.xlsx", w.bytes());
    String token =
        jdbc.sql("select token from annex_a_upload where file_name = 'review-left.xlsx'")
            .query(String.class)
            .single();
    uploads.deleteExpired();
    assertThat(count(token)).as("kept for less than a day").isPositive();
    // The test clock is 24 November 2026 at noon: a day and a second before it.
    jdbc.sql("update annex_a_upload set uploaded_at = ? where token = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-23T11:59:59Z")), token)
        .update();
    uploads.deleteExpired();
    assertThat(count(token)).isZero();
  }

  private long count(String token) {
    return jdbc.sql("select count(*) from annex_a_upload_part where token = ?")
        .param(token)
        .query(Long.class)
        .single();
  }
}
