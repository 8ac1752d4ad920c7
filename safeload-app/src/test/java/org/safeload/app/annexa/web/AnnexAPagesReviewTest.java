package org.safeload.app.annexa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.safeload.app.annexa.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=annex-a")
/** What a review of the Annex A pages found, each case worked by hand. */
class AnnexAPagesReviewTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;
  @Autowired org.safeload.app.annexa.AnnexAUploads uploads;

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

  private MvcResult upload(String name, byte[] bytes) throws Exception {
    return send(
        multipart("/timeliness/annex-a").file(new MockMultipartFile("file", name, XLSX, bytes)));
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
