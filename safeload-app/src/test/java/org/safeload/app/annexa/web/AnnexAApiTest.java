package org.safeload.app.annexa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.annexa.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The Annex A API: the report of a workbook (nothing imported), and its import with the names
 * mapped; RFC 9457 problem details for a file that is not a workbook, for names with no match and
 * no mapping (each named), for a mapping that names what the workbook does not, and for rows that
 * cannot be read (each with its sheet, row and column). In the Annex A tests' council of their own.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=annex-a")
class AnnexAApiTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private static final String USER = TestAccounts.username(AccessRole.HEAD_OF_SERVICE);

  /** Two referrals of children of this test's own, to a worker and a team of its own. */
  private static byte[] workbook() {
    return new Workbooks()
        .sheet("List 3", Workbooks.LIST_3)
        .referral("API-1", LocalDate.of(2020, 9, 16), "Api Test Team", "Zed Apitest")
        .referral("API-2", LocalDate.of(2020, 9, 17), "Api Test Team", "Zed\u00a0Apitest")
        .bytes();
  }

  private MvcResult report(byte[] body, String fileName) throws Exception {
    return mvc.perform(
            post("/api/v1/annex-a/report")
                .param("fileName", fileName)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(body)
                .with(httpBasic(USER, TestAccounts.PASSWORD)))
        .andReturn();
  }

  private MvcResult importing(byte[] workbook, String mapping) throws Exception {
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/v1/annex-a/import")
            .file(new MockMultipartFile("file", "api-test.xlsx", null, workbook));
    if (mapping != null) {
      MockPart part = new MockPart("mapping", mapping.getBytes(StandardCharsets.UTF_8));
      part.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      request.part(part);
    }
    return mvc.perform(request.with(httpBasic(USER, TestAccounts.PASSWORD))).andReturn();
  }

  private static void isProblem(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void aFileThatIsNotAWorkbookIsAProblemNamingIt() throws Exception {
    MvcResult text =
        report("child,worker\n1,Amara\n".getBytes(StandardCharsets.UTF_8), "notes.xlsx");
    isProblem(text, 400);
    String json = text.getResponse().getContentAsString();
    assertThat((String) JsonPath.read(json, "$.title"))
        .isEqualTo("The file is not a workbook Safeload can read");
    assertThat((String) JsonPath.read(json, "$.errors[0].field")).isEqualTo("file");
    assertThat((String) JsonPath.read(json, "$.errors[0].message"))
        .isEqualTo(
            "notes.xlsx is not an Excel workbook (.xlsx): upload the Annex A workbook as your case"
                + " recording system exports it");

    // A zip archive that is not a workbook gets past the first bytes, and is refused by the reader.
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("notes.txt"));
      out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    MvcResult zipped = report(zip.toByteArray(), "archive.xlsx");
    isProblem(zipped, 400);
    assertThat((String) JsonPath.read(zipped.getResponse().getContentAsString(), "$.detail"))
        .isEqualTo(
            "archive.xlsx is not an Excel workbook (.xlsx) that can be read: save it from Excel as"
                + " an .xlsx workbook");

    // The same for an import.
    isProblem(importing("child,worker\n".getBytes(StandardCharsets.UTF_8), null), 400);
  }

  @Test
  void theReportGivesEachNameWithItsMatchAndImportsNothing() throws Exception {
    long events = count("select count(*) from case_event");
    MvcResult result = report(workbook(), "api-test.xlsx");
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String json = result.getResponse().getContentAsString();
    assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("Ofsted Annex A");
    assertThat((String) JsonPath.read(json, "$.file")).isEqualTo("api-test.xlsx");
    // The latest date in the lists: the second referral's.
    assertThat((String) JsonPath.read(json, "$.extractDate")).isEqualTo("2020-09-17");
    assertThat((Boolean) JsonPath.read(json, "$.refused")).isFalse();
    // Two referrals: a referral and an allocation each.
    assertThat((Integer) JsonPath.read(json, "$.events")).isEqualTo(4);
    assertThat((Integer) JsonPath.read(json, "$.cases")).isEqualTo(2);
    // The two spellings are one name, held by neither worker nor team in Safeload.
    assertThat((List<String>) JsonPath.read(json, "$.workers[*].name"))
        .containsExactly("Zed Apitest");
    assertThat((Integer) JsonPath.read(json, "$.workers[0].cases")).isEqualTo(2);
    assertThat((Object) JsonPath.read(json, "$.workers[0].storedId")).isNull();
    assertThat((List<String>) JsonPath.read(json, "$.teams[*].name"))
        .containsExactly("Api Test Team");
    assertThat((List<String>) JsonPath.read(json, "$.lists[*].list"))
        .contains("List 3 (Referrals)");
    assertThat((List<String>) JsonPath.read(json, "$.notMeasured.*")).hasSize(1);
    assertThat(count("select count(*) from case_event")).isEqualTo(events);
  }

  @Test
  void namesWithNoMatchAndNoMappingAreRefusedEachNamedThenMappedTheyImportOnce() throws Exception {
    long events = count("select count(*) from case_event");
    MvcResult unmatched = importing(workbook(), null);
    isProblem(unmatched, 400);
    String json = unmatched.getResponse().getContentAsString();
    assertThat((String) JsonPath.read(json, "$.title"))
        .isEqualTo("Names in the workbook are not matched");
    assertThat((List<String>) JsonPath.read(json, "$.errors[*].message"))
        .containsExactly(
            "Safeload holds no worker called Zed Apitest: map the name to a worker's id",
            "Safeload holds no team called Api Test Team: map the name to a team's id");
    assertThat((List<String>) JsonPath.read(json, "$.errors[*].field"))
        .containsExactly("mapping.workers", "mapping.teams");

    // A mapping naming what the workbook does not, and an id Safeload does not hold.
    MvcResult wrong =
        importing(
            workbook(),
            "{\"workers\": {\"Nobody Atall\": 1}, \"teams\": {\"Api Test Team\": 999999}}");
    isProblem(wrong, 400);
    assertThat(
            (List<String>)
                JsonPath.read(wrong.getResponse().getContentAsString(), "$.errors[*].message"))
        .containsExactly(
            "The workbook allocates no case to a worker called Nobody Atall",
            "Safeload holds no team 999999",
            "Safeload holds no worker called Zed Apitest: map the name to a worker's id");
    assertThat(count("select count(*) from case_event")).isEqualTo(events);

    // Mapped to one of the council's workers and teams: imported; again: nothing changes.
    long worker = count("select min(id) from worker");
    long team = count("select min(id) from team");
    String mapping =
        "{\"workers\": {\"zed apitest\": "
            + worker
            + "}, \"teams\": {\"API TEST TEAM\": "
            + team
            + "}}";
    MvcResult done = importing(workbook(), mapping);
    assertThat(done.getResponse().getStatus())
        .as(done.getResponse().getContentAsString())
        .isEqualTo(200);
    assertThat((Integer) JsonPath.read(done.getResponse().getContentAsString(), "$.eventsAdded"))
        .isEqualTo(4);
    assertThat(count("select count(*) from case_event")).isEqualTo(events + 4);
    MvcResult again = importing(workbook(), mapping);
    String twice = again.getResponse().getContentAsString();
    assertThat((Integer) JsonPath.read(twice, "$.eventsAdded")).isZero();
    assertThat((Integer) JsonPath.read(twice, "$.eventsUnchanged")).isEqualTo(4);
    assertThat(count("select count(*) from case_event")).isEqualTo(events + 4);
  }

  @Test
  void rowsThatCannotBeReadAreAProblemEachWithItsSheetRowAndColumn() throws Exception {
    byte[] workbook = withAnUnreadableAssessment(new Workbooks());
    MvcResult refused = importing(workbook, null);
    isProblem(refused, 400);
    String json = refused.getResponse().getContentAsString();
    assertThat((String) JsonPath.read(json, "$.title"))
        .isEqualTo("The workbook has rows that could not be read");
    assertThat((String) JsonPath.read(json, "$.errors[0].message"))
        .isEqualTo("1 row could not be read: put them right, or skip them, before importing");
    assertThat((Integer) JsonPath.read(json, "$.errors[1].line")).isEqualTo(2);
    assertThat((String) JsonPath.read(json, "$.errors[1].field"))
        .isEqualTo("List 4, Continuous Assessment Start Date");
    assertThat((String) JsonPath.read(json, "$.errors[1].message")).contains("31/02/2021");

    // Skipped: the readable rows imported (a referral and its allocation), the row's report kept.
    byte[] withAReferral =
        withAnUnreadableAssessment(
            new Workbooks()
                .sheet("List 3", Workbooks.LIST_3)
                .referral("API-8", LocalDate.of(2020, 9, 18), "Api Test Team", "Zed Apitest"));
    long worker = count("select min(id) from worker");
    long team = count("select min(id) from team");
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/v1/annex-a/import")
            .file(new MockMultipartFile("file", "api-skip.xlsx", null, withAReferral));
    MockPart part =
        new MockPart(
            "mapping",
            ("{\"workers\": {\"Zed Apitest\": "
                    + worker
                    + "}, \"teams\": {\"Api Test Team\": "
                    + team
                    + "}}")
                .getBytes(StandardCharsets.UTF_8));
    part.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    MvcResult skipped =
        mvc.perform(
                request
                    .part(part)
                    .param("skipInvalid", "true")
                    .with(httpBasic(USER, TestAccounts.PASSWORD)))
            .andReturn();
    String done = skipped.getResponse().getContentAsString();
    assertThat(skipped.getResponse().getStatus()).as(done).isEqualTo(200);
    assertThat((Integer) JsonPath.read(done, "$.eventsAdded")).isEqualTo(2);
    assertThat((Integer) JsonPath.read(done, "$.rowsSkipped")).isEqualTo(1);
    assertThat((String) JsonPath.read(done, "$.skipped[0]"))
        .startsWith("List 4, row 2, column Continuous Assessment Start Date: ");
  }

  /** A List 4 row whose assessment start date (31 February) cannot be read. */
  private static byte[] withAnUnreadableAssessment(Workbooks workbook) throws Exception {
    return workbook
        .sheet("List 4", Workbooks.LIST_4)
        .row(
            "API-9",
            "b) Female",
            "a) WBRI",
            LocalDate.of(2013, 1, 5),
            7,
            "b) No",
            "31/02/2021",
            "Yes",
            null,
            "",
            "Api Test Team",
            "Zed Apitest")
        .bytes();
  }
}
